"""The editor's form of the knowledge pages that teach competencies (guides, articles,
procedures, FAQs): a list of the framework's competencies to tick, named in the editor's
language, kept as ``CompetencyTag`` children of the page (so in its revisions)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from knowledge.competencies import competency_choices


class CompetencyTaggedPageForm(WagtailAdminPageForm):
    competencies = forms.MultipleChoiceField(
        label=_("Competencies this page teaches"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A 360° report lists the page under each development area it teaches, for readers who may open it."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        current = [tag.code for tag in self.instance.competency_tags.all()]
        choices = competency_choices()
        known = {code for code, _name in choices}
        # A code no framework has any more stays visible (and can be unticked), never dropped silently.
        choices += [(code, code) for code in current if code not in known]
        self.fields["competencies"].choices = choices
        if not self.is_bound:
            self.initial["competencies"] = current

    def save(self, commit: bool = True):
        from knowledge.models import CompetencyTag

        codes = list(dict.fromkeys(self.cleaned_data.get("competencies") or []))
        existing = {tag.code: tag for tag in self.instance.competency_tags.all()}
        self.instance.competency_tags = [existing.get(code) or CompetencyTag(code=code) for code in codes]
        return super().save(commit=commit)
