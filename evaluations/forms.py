"""Forms of the evaluations app."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.formatting import localize_digits
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


class ReminderDaysForm(forms.Form):
    """A draft cycle's reminder days, typed as "7, 3, 1" (Western or Arabic-Indic digits)."""

    reminder_days = forms.CharField(
        label=_("Reminder days before the close date"),
        required=False,
        max_length=100,
        help_text=_(
            "Whole numbers separated by commas, for example 7, 3, 1. Raters with evaluations still "
            "to submit are emailed on each of these days; leave it empty for no reminders."
        ),
    )

    def clean_reminder_days(self) -> list[int]:
        text = localize_digits(self.cleaned_data["reminder_days"], "en").replace("،", ",")
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not all(part.isdigit() for part in parts):
            raise forms.ValidationError(_("Write whole numbers of days separated by commas, for example 7, 3, 1."))
        days = sorted({int(part) for part in parts}, reverse=True)
        if any(day > 365 for day in days):
            raise forms.ValidationError(_("A reminder cannot be more than 365 days before the close date."))
        return days
