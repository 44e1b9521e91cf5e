"""The customer's short form, and the signed per-link nonce that protects it.

Why a signed nonce and not Django's CSRF cookie: the customer has no session and no
account, so there are no ambient credentials for a cross-site request to abuse; the
secret that lets a rating in is the link's token itself. What is left to protect is that
a rating is posted from the form we served for that link: the nonce is an HMAC (with
SECRET_KEY) of the token and the time the form was served, checked on POST (valid for
``FORM_NONCE_MAX_AGE``). This sets no cookie at all, so the form also works in in-app
browsers that refuse cookies, and the customer carries nothing from one link to the next."""

from __future__ import annotations

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models.customer import SCORE_MAX, SCORE_MIN

FORM_NONCE_SALT = "evaluations.customer-feedback.form"
FORM_NONCE_MAX_AGE = 6 * 60 * 60
COMMENT_MAX_LENGTH = 1000

SCORE_CHOICES = [(str(score), str(score)) for score in range(SCORE_MIN, SCORE_MAX + 1)]
#: An optional question keeps a "no answer" choice, so a customer can take a tap back.
OPTIONAL_SCORE_CHOICES = [*SCORE_CHOICES, ("", _("No answer"))]


def optional_score_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=OPTIONAL_SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        initial="",
        widget=forms.RadioSelect,
    )


def form_nonce_for(token: str) -> str:
    return signing.TimestampSigner(salt=FORM_NONCE_SALT).sign(token)


def is_valid_form_nonce(nonce: str, *, token: str) -> bool:
    try:
        return signing.TimestampSigner(salt=FORM_NONCE_SALT).unsign(nonce, max_age=FORM_NONCE_MAX_AGE) == token
    except signing.BadSignature:
        return False


class CustomerRatingForm(forms.Form):
    """Overall satisfaction (required) and the charter's four service dimensions (each
    optional), 1 = very dissatisfied … 5 = very satisfied, and an optional comment."""

    DIMENSIONS = ("respect", "time", "clarity", "solved")

    overall = forms.TypedChoiceField(
        label=_("Overall, how satisfied are you with the service you received?"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how satisfied you are overall, from 1 to 5.")},
    )
    respect = optional_score_field(_("Respect and courtesy"))
    time = optional_score_field(_("Time taken"))
    clarity = optional_score_field(_("Clarity of information"))
    solved = optional_score_field(_("Your request was solved"))
    comment = forms.CharField(
        label=_("Anything else you would like to tell us? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX_LENGTH}),
    )
    nonce = forms.CharField(widget=forms.HiddenInput, required=False)

    def questions(self) -> list[dict]:
        """The five rating questions, ready for the template: rendering Django's radio
        widgets one template per option costs more than the rest of the page together."""
        questions = []
        for name in ("overall", *self.DIMENSIONS):
            bound = self[name]
            value = bound.value()
            value = "" if value is None else str(value)
            questions.append(
                {
                    "name": name,
                    "id": bound.auto_id,
                    "label": bound.label,
                    "required": bound.field.required,
                    "errors": bound.errors,
                    "options": [
                        {"value": choice, "label": label, "id": f"{bound.auto_id}_{index}", "checked": choice == value}
                        for index, (choice, label) in enumerate(bound.field.choices)
                    ],
                }
            )
        return questions
