"""What the search index stores for a live knowledge page (one ``SearchDocument`` per page
and language), built from the page's LIVE content — never from a draft revision."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing

from knowledge.permissions import page_audience_keys
from search.backends.base import SearchDocument

#: Fields every knowledge page has that are not body text.
_NOT_BODY = {
    "title",
    "summary",
    "slug",
    "audience",
    "owner_team",
    "draft_title",
    "seo_title",
    "search_description",
    "search_keywords",
}


def _html_to_text(value: str) -> str:
    return get_text_for_indexing(value or "")


def _block_text(block: blocks.Block, value) -> Iterator[str]:
    """Readable text of a StreamField value, walking the block definitions (choice
    values such as "do" / "before" are codes, not text, and are skipped)."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _block_text(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _block_text(block.child_block, getattr(item, "value", item))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _block_text(child_block, value.get(name))
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        text = _html_to_text(source)
        if text:
            yield text
    elif isinstance(block, blocks.ChoiceBlock | blocks.BooleanBlock | blocks.PageChooserBlock):
        return
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and value:
        yield str(value)


def page_body_text(page: Page) -> str:
    """The text of a page's own content fields, in model order (StreamFields, rich text,
    and free-text fields such as a procedure's service name and fees)."""
    parts: list[str] = []
    for model_field in page._meta.get_fields():
        if not isinstance(model_field, models.Field) or model_field.name in _NOT_BODY:
            continue
        if model_field.model in (Page,) or getattr(model_field, "remote_field", None) is not None:
            continue
        value = getattr(page, model_field.name, None)
        if isinstance(model_field, StreamField):
            parts.extend(_block_text(model_field.stream_block, value))
        elif isinstance(model_field, RichTextField):
            text = _html_to_text(value)
            if text:
                parts.append(text)
        elif isinstance(model_field, models.CharField | models.TextField) and not model_field.choices and value:
            parts.append(str(value))
    return "\n".join(parts)


def is_indexable(page: Page) -> bool:
    from knowledge.models import KnowledgePage

    return bool(page.live) and isinstance(page.specific, KnowledgePage)


def build_document(page: Page) -> SearchDocument:
    """The SearchDocument for a live knowledge page."""
    specific = page.specific
    return SearchDocument(
        page_id=specific.pk,
        slug=specific.slug,
        locale=specific.locale.language_code[:2],
        title=specific.title,
        url=specific.get_url() or specific.url_path,
        type=specific.content_type_key,
        summary=getattr(specific, "summary", "") or "",
        keywords=getattr(specific, "search_keyword_list", ()),
        body=page_body_text(specific),
        agency=specific.agency.slug if getattr(specific, "agency_id", None) else "",
        channels=tuple(sorted(specific.channels.values_list("key", flat=True))),
        tags=tuple(sorted(specific.tags.names())),
        audiences=page_audience_keys(specific),
        last_updated=specific.last_published_at,
    )


def live_knowledge_pages():
    """Every page the index should hold (specific instances, with what documents need)."""
    from knowledge.models import KnowledgePage

    return KnowledgePage.objects.live().order_by("path").prefetch_related("audience_roles").specific()


def iter_documents() -> Iterator[SearchDocument]:
    for page in live_knowledge_pages():
        yield build_document(page)
