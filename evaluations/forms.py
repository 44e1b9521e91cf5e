"""Forms of the evaluations app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.tabular import MAX_TABLE_BYTES


class OrgImportForm(forms.Form):
    file = forms.FileField(
        label=_("Organisation file"),
        help_text=_("A CSV (UTF-8) or Excel (.xlsx) file with the columns listed below."),
    )
    deactivate_missing = forms.BooleanField(
        label=_("Make employees who are not in the file inactive"),
        required=False,
        help_text=_("Only employees of the agencies in the file. Nobody is deleted: their history stays."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_TABLE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": MAX_TABLE_BYTES // (1024 * 1024)}
            )
        return upload
