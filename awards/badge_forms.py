"""The public verification form: a signed badge credential (VC-JWT), pasted or uploaded."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.credential_signing import MAX_TOKEN_LENGTH

#: Largest file accepted (a credential is a few kilobytes; the token limit applies after).
MAX_UPLOAD_BYTES = 64 * 1024


class CredentialVerificationForm(forms.Form):
    token = forms.CharField(
        label=_("Signed credential (VC-JWT)"),
        required=False,
        strip=True,
        help_text=_("Paste the text of the .jwt file, three parts separated by dots."),
        widget=forms.Textarea(attrs={"rows": 6, "dir": "ltr", "spellcheck": "false", "autocomplete": "off"}),
    )
    upload = forms.FileField(
        label=_("Or choose the .jwt file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".jwt,application/vc+jwt,application/jwt,text/plain"}),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        token = cleaned.get("token") or ""
        upload = cleaned.get("upload")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error(
                    "upload",
                    _("The file is larger than %(size)s kilobytes: it is not a badge credential.")
                    % {"size": MAX_UPLOAD_BYTES // 1024},
                )
                return cleaned
            try:
                token = upload.read().decode("utf-8").strip()
            except UnicodeDecodeError:
                self.add_error("upload", _("The file is not text: a signed credential is plain text."))
                return cleaned
        if not token:
            raise forms.ValidationError(_("Paste a signed credential or choose its file."), code="empty")
        if len(token) > MAX_TOKEN_LENGTH:
            raise forms.ValidationError(
                _("The text is longer than any badge credential (at most %(limit)s characters)."),
                code="too_long",
                params={"limit": MAX_TOKEN_LENGTH},
            )
        cleaned["credential"] = token
        return cleaned
