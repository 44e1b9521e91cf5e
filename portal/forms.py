"""allauth's two-step verification forms, accepting the digits people actually type.

A code typed on an Arabic or Persian keyboard (``٣٦١٤٣٣``, ``۳۶۱۴۳۳``) is the same code as
``361433``: every Unicode decimal digit is read as its value before allauth checks it. The
field asks phones for a numeric keypad and lets them fill in a code received by the device."""

from __future__ import annotations

import unicodedata

from allauth.core import context
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm

from portal.security import note_totp_code_proven

_CODE_WIDGET_ATTRS = {"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}


def western_digits(code: str) -> str:
    """``code`` with every Unicode decimal digit as its ASCII digit and no spaces
    (authenticator apps show codes as ``361 433``)."""
    characters = []
    for character in code:
        if character.isspace():
            continue
        value = unicodedata.decimal(character, None)
        characters.append(str(value) if value is not None else character)
    return "".join(characters)


class _UnicodeDigitsCode:
    """Mixin for allauth's code forms: read the digits, then let allauth check the code."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(_CODE_WIDGET_ATTRS)

    def clean_code(self) -> str:
        self.cleaned_data["code"] = western_digits(self.cleaned_data["code"])
        return super().clean_code()


class TwoStepAuthenticateForm(_UnicodeDigitsCode, AuthenticateForm):
    pass


class TwoStepReauthenticateForm(_UnicodeDigitsCode, ReauthenticateForm):
    pass


class TwoStepActivateTOTPForm(_UnicodeDigitsCode, ActivateTOTPForm):
    def clean_code(self) -> str:
        code = super().clean_code()
        note_totp_code_proven(context.request, secret=self.secret)
        return code
