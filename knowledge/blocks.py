"""StreamField blocks for structured knowledge content."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class TitledItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("item")


class CharterSectionBlock(blocks.StructBlock):
    """One part of the unified charter (purpose, values, duties, obligations, complaint values)."""

    KIND_CHOICES = [
        ("purpose", _("Purpose")),
        ("values", _("Our staff's values")),
        ("duties", _("Our duty to you")),
        ("obligations", _("What we ask of you")),
        ("complaint_values", _("Complaint-handling values")),
    ]

    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("section"))
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    intro = blocks.RichTextBlock(label=_("introduction"), features=RICH_FEATURES, required=False)
    items = blocks.ListBlock(TitledItemBlock(), label=_("items"), min_num=0)

    class Meta:
        icon = "doc-full"
        label = _("charter section")
        template = "knowledge/blocks/charter_section.html"


class ChecklistItemBlock(blocks.StructBlock):
    KIND_CHOICES = [("do", _("Do")), ("dont", _("Avoid"))]

    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, default="do", label=_("kind"))
    text = blocks.CharBlock(label=_("rule"), max_length=400)
    note = blocks.TextBlock(label=_("note"), required=False)

    class Meta:
        icon = "tick"
        label = _("checklist item")


class StageBlock(blocks.StructBlock):
    """Rules for one stage of service, shown as a checklist."""

    STAGE_CHOICES = [
        ("before", _("Before service")),
        ("during", _("During service")),
        ("after", _("After service")),
        ("general", _("General")),
    ]

    stage = blocks.ChoiceBlock(choices=STAGE_CHOICES, label=_("stage"))
    heading = blocks.CharBlock(label=_("heading"), max_length=200, required=False)
    items = blocks.ListBlock(ChecklistItemBlock(), label=_("checklist"))

    class Meta:
        icon = "list-ol"
        label = _("stage")
        template = "knowledge/blocks/stage.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=200)
    detail = blocks.TextBlock(label=_("detail"), required=False)

    class Meta:
        icon = "arrow-right"
        label = _("step")


class ArticleBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200, template="knowledge/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=RICH_FEATURES)
    callout = blocks.StructBlock(
        [
            ("title", blocks.CharBlock(label=_("title"), required=False)),
            ("text", blocks.RichTextBlock(label=_("text"), features=RICH_FEATURES)),
        ],
        label=_("callout"),
        icon="warning",
        template="knowledge/blocks/callout.html",
    )
    items = blocks.ListBlock(TitledItemBlock(), label=_("titled list"), template="knowledge/blocks/items.html")

    class Meta:
        label = _("body")
