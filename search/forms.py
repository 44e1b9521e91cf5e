"""Validation of search parameters, shared by the search page, the JSON API and
autocomplete. Every message is translatable and names the parameter at fault."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
MIN_SUGGEST_LENGTH = 2
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
#: page x page_size stays within Elasticsearch's default result window (10,000).
MAX_PAGE = 200


def _language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


class KeywordChoiceField(forms.MultipleChoiceField):
    """A repeatable keyword parameter (``?type=faq&type=guide``) whose error message lists
    the accepted values."""

    def __init__(self, *, unknown_message, **kwargs) -> None:
        self.unknown_message = unknown_message
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def validate(self, value: Iterable[str]) -> None:
        for item in value:
            if not self.valid_value(item):
                accepted = "، ".join(str(key) for key, _label in self.choices)
                raise forms.ValidationError(
                    self.unknown_message,
                    code="invalid_choice",
                    params={"value": item, "choices": accepted},
                )


class BoundedIntegerField(forms.IntegerField):
    """An integer parameter with one clear message for every way it can be wrong."""

    def __init__(self, *, message, min_value: int, max_value: int, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)
        self.bounds = {"min": min_value, "max": max_value}
        self.message = message

    def clean(self, value):
        try:
            return super().clean(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(self.message, code="invalid", params=self.bounds) from error


class SearchForm(forms.Form):
    """``q`` plus optional facet filters and paging. Unknown parameters are ignored."""

    q = forms.CharField(
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "required": _("Type the words you are looking for."),
            "max_length": _("The search text is too long: use at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search text contains characters that are not allowed."),
        },
    )
    type = KeywordChoiceField(
        label=_("Type"),
        unknown_message=_("“%(value)s” is not a content type we know. Use one of: %(choices)s."),
    )
    channel = KeywordChoiceField(
        label=_("Channel"),
        unknown_message=_("“%(value)s” is not a service channel we know. Use one of: %(choices)s."),
    )
    agency = KeywordChoiceField(
        label=_("Agency"),
        unknown_message=_("“%(value)s” is not an agency we know. Use an agency's short name (slug)."),
    )
    lang = KeywordChoiceField(
        label=_("Language"),
        unknown_message=_("“%(value)s” is not a language of this portal. Use one of: %(choices)s."),
    )
    page = BoundedIntegerField(
        label=_("Page"),
        min_value=1,
        max_value=MAX_PAGE,
        message=_("The page number must be a whole number from %(min)d to %(max)d."),
    )
    page_size = BoundedIntegerField(
        label=_("Results per page"),
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        message=_("The number of results per page must be a whole number from %(min)d to %(max)d."),
    )

    def __init__(self, *args, **kwargs) -> None:
        from knowledge.models import Channel
        from portal.models import Agency
        from search.selectors import knowledge_type_keys

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [(key, key) for key in knowledge_type_keys()]
        self.fields["channel"].choices = [(key, key) for key in Channel.KEYS]
        self.fields["agency"].choices = [(slug, slug) for slug in Agency.objects.values_list("slug", flat=True)]
        self.fields["lang"].choices = [(code, code) for code in _language_codes()]

    def clean_q(self) -> str:
        # Collapse runs of whitespace so "a   b" and "a b" are one query.
        query = " ".join(self.cleaned_data["q"].split())
        if not query:
            raise forms.ValidationError(self.fields["q"].error_messages["required"], code="required")
        return query

    def clean_page(self) -> int:
        return self.cleaned_data.get("page") or 1

    def clean_page_size(self) -> int:
        return self.cleaned_data.get("page_size") or DEFAULT_PAGE_SIZE

    def first_error(self) -> tuple[str, str]:
        """(field, message) of the first invalid parameter, in the form's field order."""
        for name in self.fields:
            if name in self.errors:
                return name, str(self.errors[name][0])
        field, messages = next(iter(self.errors.items()))
        return field, str(messages[0])


class SuggestForm(forms.Form):
    """Autocomplete: a prefix (may be short: fewer than 2 characters gives no suggestions)."""

    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("The search text is too long: use at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search text contains characters that are not allowed."),
        },
    )
    lang = forms.ChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a language of this portal. Use ar or en."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = [("", "")] + [(code, code) for code in _language_codes()]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    first_error = SearchForm.first_error


class PageFeedbackForm(forms.Form):
    """ "Was this helpful?": yes or no, and an optional comment."""

    HELPFUL_CHOICES = [("yes", _("Yes")), ("no", _("No"))]
    MAX_COMMENT_LENGTH = 2000

    page = forms.IntegerField(widget=forms.HiddenInput)
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=HELPFUL_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("What could we improve? (optional)"),
        required=False,
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not include personal information."),
        error_messages={"max_length": _("Keep the comment under %(limit_value)d characters.")},
    )

    first_error = SearchForm.first_error
