"""Forms of the evaluations app."""

from __future__ import annotations

from decimal import Decimal

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
        return parse_reminder_days(self.cleaned_data["reminder_days"])


# --- HR's cycle settings and assignments ----------------------------------------------------


def parse_reminder_days(text: str) -> list[int]:
    """ "7, 3, 1" (Western or Arabic-Indic digits, Latin or Arabic commas) → [7, 3, 1]."""
    text = localize_digits(text, "en").replace("،", ",")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise forms.ValidationError(_("Write whole numbers of days separated by commas, for example 7, 3, 1."))
    days = sorted({int(part) for part in parts}, reverse=True)
    if any(day > 365 for day in days):
        raise forms.ValidationError(_("A reminder cannot be more than 365 days before the close date."))
    return days


class _WesternDigitsMixin:
    """Accepts Arabic-Indic digits (and the Arabic decimal separator) as well as Western ones."""

    def to_python(self, value):
        if isinstance(value, str):
            value = localize_digits(value, "en").replace("٫", ".").strip()
        return super().to_python(value)


class WholeNumberField(_WesternDigitsMixin, forms.IntegerField):
    pass


class DecimalNumberField(_WesternDigitsMixin, forms.DecimalField):
    pass


class _ScopeChoiceField(forms.ModelMultipleChoiceField):
    """Units named with their agency when the choice spans several agencies."""

    def __init__(self, *args, with_agency: bool = False, **kwargs):
        self.with_agency = with_agency
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        if self.with_agency:
            return _("%(unit)s (%(agency)s)") % {"unit": obj.localized_name(), "agency": obj.agency.localized_name()}
        return obj.localized_name()


#: The rater groups weighed in the overall (self never is), and all the groups, in order.
WEIGHED_GROUPS: tuple[str, ...] = ("customer", "supervisor", "peer", "subordinate")
THRESHOLD_GROUPS: tuple[str, ...] = ("customer", "supervisor", "peer", "subordinate", "self")
#: Groups of several raters: below three, a rater could work out another's answers.
MIN_GROUP_THRESHOLD = 3
SEVERAL_RATER_GROUPS = frozenset({"customer", "peer", "subordinate"})
#: The total the weights of the weighed groups make.
WEIGHTS_TOTAL = 100


def _group_names() -> dict[str, str]:
    from evaluations.ui_selectors import GROUP_LABELS

    return {group: str(GROUP_LABELS[group]) for group in THRESHOLD_GROUPS}


class CycleSettingsForm(forms.Form):
    """A cycle's settings, to create a draft or change one: names, scope (only what
    ``user`` manages), dates, framework version, rater groups' weights and anonymity
    thresholds, blind-spot gap, peers, the cap per rater and the reminder days."""

    name_ar = forms.CharField(
        label=_("Name in Arabic"), max_length=200, widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"})
    )
    name_en = forms.CharField(
        label=_("Name in English"), max_length=200, widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"})
    )
    slug = forms.SlugField(
        label=_("Short name for addresses and commands"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_(
            "Latin letters, digits and hyphens, for example spring-2026. Leave it empty to make one from "
            "the English name. It cannot change later."
        ),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Whole agencies"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every active employee of the agency is evaluated."),
    )
    units = _ScopeChoiceField(
        label=_("Or only some units"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every active employee of the unit is evaluated."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    closes_on = forms.DateField(
        label=_("Closes on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day raters can submit; reminders count back from it."),
    )
    framework = forms.ModelChoiceField(
        label=_("Competency framework version"),
        queryset=None,
        empty_label=None,
        help_text=_("The questionnaire's statements. The version stays with the cycle once it opens."),
    )
    blind_spot_gap = DecimalNumberField(
        label=_("Blind-spot gap"),
        min_value=Decimal("0.1"),
        max_value=Decimal("4"),
        max_digits=3,
        decimal_places=2,
        help_text=_(
            "A competency is a blind spot when the self score is this much above the others' score, and a "
            "hidden strength when it is this much below (on the 1 to 5 scale)."
        ),
    )
    peers_per_employee = WholeNumberField(
        label=_("Peers asked to rate each employee"),
        min_value=0,
        max_value=20,
        help_text=_("Colleagues from the same unit, chosen when the cycle opens; 0 for no peers."),
    )
    max_evaluations_per_rater = WholeNumberField(
        label=_("Most peer evaluations one rater is asked to write"),
        min_value=1,
        max_value=50,
        help_text=_("Nobody is given more peer evaluations than this when the cycle opens or by a nomination."),
    )
    reminder_days = forms.CharField(
        label=_("Reminder days before the close date"),
        required=False,
        max_length=100,
        help_text=_(
            "Whole numbers separated by commas, for example 7, 3, 1. Raters with evaluations still "
            "to submit are emailed on each of these days; leave it empty for no reminders."
        ),
    )

    def __init__(self, *args, user, cycle=None, **kwargs):
        from evaluations import permissions
        from evaluations.models import Framework, Unit

        self.cycle = cycle
        if cycle is not None:
            kwargs.setdefault("initial", self.initial_from(cycle))
        else:
            kwargs.setdefault("initial", self.defaults())
        super().__init__(*args, **kwargs)
        agencies = permissions.managed_agencies(user).order_by("name_ar")
        if cycle is not None:
            del self.fields["slug"]
        self.fields["agencies"].queryset = agencies
        units = Unit.objects.filter(agency__in=agencies).select_related("agency").order_by("agency__name_ar", "name_ar")
        self.fields["units"].queryset = units
        self.fields["units"].with_agency = agencies.count() > 1
        self.fields["framework"].queryset = (
            Framework.objects.filter(competencies__items__isnull=False).distinct().order_by("-version")
        )
        names = _group_names()
        for group in WEIGHED_GROUPS:
            self.fields[f"weight_{group}"] = WholeNumberField(label=names[group], min_value=0, max_value=WEIGHTS_TOTAL)
        for group in THRESHOLD_GROUPS:
            several = group in SEVERAL_RATER_GROUPS
            self.fields[f"threshold_{group}"] = WholeNumberField(
                label=names[group], min_value=MIN_GROUP_THRESHOLD if several else 1, max_value=100
            )
            if several:
                self.fields[f"threshold_{group}"].error_messages["min_value"] = _(
                    "To keep raters anonymous, this group needs at least %(limit_value)s raters."
                )
        #: Errors about a group of fields (the weights' total), shown on their fieldset.
        self.group_errors: dict[str, list[str]] = {}

    @staticmethod
    def defaults() -> dict:
        from evaluations import scoring
        from evaluations.models import Framework
        from evaluations.models.cycle import default_reminder_days

        initial: dict = {
            "framework": Framework.objects.latest_version(),
            "blind_spot_gap": Decimal(str(scoring.DEFAULT_BLIND_SPOT_GAP)),
            "peers_per_employee": 4,
            "max_evaluations_per_rater": 5,
            "reminder_days": ", ".join(str(day) for day in default_reminder_days()),
        }
        initial.update({f"weight_{group}": scoring.DEFAULT_WEIGHTS[group] for group in WEIGHED_GROUPS})
        initial.update({f"threshold_{group}": scoring.DEFAULT_THRESHOLDS[group] for group in THRESHOLD_GROUPS})
        return initial

    @staticmethod
    def initial_from(cycle) -> dict:
        from evaluations import scoring

        initial = {
            "name_ar": cycle.name_ar,
            "name_en": cycle.name_en,
            "agencies": list(cycle.agencies.all()),
            "units": list(cycle.units.all()),
            "opens_on": cycle.opens_on,
            "closes_on": cycle.closes_on,
            "framework": cycle.framework,
            "blind_spot_gap": cycle.blind_spot_gap,
            "peers_per_employee": cycle.peers_per_employee,
            "max_evaluations_per_rater": cycle.max_evaluations_per_rater,
            "reminder_days": ", ".join(str(day) for day in cycle.reminder_days),
        }
        initial.update({f"weight_{group}": cycle.weights.get(group, 0) for group in WEIGHED_GROUPS})
        initial.update(
            {
                f"threshold_{group}": cycle.thresholds.get(group, scoring.DEFAULT_THRESHOLDS[group])
                for group in THRESHOLD_GROUPS
            }
        )
        return initial

    @property
    def weight_fields(self) -> list:
        return [self[f"weight_{group}"] for group in WEIGHED_GROUPS]

    @property
    def threshold_fields(self) -> list:
        return [self[f"threshold_{group}"] for group in THRESHOLD_GROUPS]

    def clean_reminder_days(self) -> list[int]:
        return parse_reminder_days(self.cleaned_data["reminder_days"])

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("agencies") and not data.get("units") and "agencies" not in self.errors:
            self.add_error("agencies", _("Choose at least one agency or unit for the cycle."))
        opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
        if opens_on and closes_on and closes_on < opens_on:
            self.add_error("closes_on", _("The close date must not be before the open date."))
        peers, cap = data.get("peers_per_employee"), data.get("max_evaluations_per_rater")
        if peers is not None and cap is not None and cap < peers:
            self.add_error(
                "max_evaluations_per_rater",
                _(
                    "This must be at least the number of peers asked to rate each employee (%(peers)s), "
                    "or some employees would get fewer peers."
                )
                % {"peers": peers},
            )
        weights = [data.get(f"weight_{group}") for group in WEIGHED_GROUPS]
        if all(weight is not None for weight in weights) and sum(weights) != WEIGHTS_TOTAL:
            message = _("The weights must add up to %(total)s; now they add up to %(sum)s.") % {
                "total": WEIGHTS_TOTAL,
                "sum": sum(weights),
            }
            self.group_errors["weights"] = [message]
            self.add_error(None, message)
        return data

    def error_links(self) -> list[tuple[str, str, str]]:
        """(anchor, label, message) of every error, for the summary at the top of the page."""
        links = []
        for message in self.non_field_errors():
            if message in self.group_errors.get("weights", []):
                links.append(("fieldset-weights", str(_("Weights of the rater groups")), message))
            else:
                links.append(("", "", message))
        for name, field in self.fields.items():
            bound = self[name]
            anchor = bound.auto_id if isinstance(field.widget, forms.CheckboxSelectMultiple) else bound.id_for_label
            for message in bound.errors:
                label = field.label
                if name.startswith("weight_"):
                    label = _("Weight: %(group)s") % {"group": field.label}
                elif name.startswith("threshold_"):
                    label = _("Anonymity threshold: %(group)s") % {"group": field.label}
                links.append((anchor, str(label), message))
        return links

    def service_settings(self) -> dict:
        """The cleaned settings as the cycle services take them."""
        data = self.cleaned_data
        self_weight = self.cycle.weights.get("self", 0) if self.cycle is not None else 0
        return {
            "name_ar": data["name_ar"].strip(),
            "name_en": data["name_en"].strip(),
            "agencies": list(data["agencies"]),
            "units": list(data["units"]),
            "opens_on": data["opens_on"],
            "closes_on": data["closes_on"],
            "framework": data["framework"],
            "weights": {**{group: data[f"weight_{group}"] for group in WEIGHED_GROUPS}, "self": self_weight},
            "thresholds": {group: data[f"threshold_{group}"] for group in THRESHOLD_GROUPS},
            "blind_spot_gap": data["blind_spot_gap"],
            "peers_per_employee": data["peers_per_employee"],
            "max_evaluations_per_rater": data["max_evaluations_per_rater"],
            "reminder_days": data["reminder_days"],
        }


class EmployeeIdField(forms.CharField):
    """An employee ID typed by HR, cleaned to the employee it names."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        from evaluations.selectors import find_employee

        code = super().clean(value)
        if not code:
            return None
        employee = find_employee(code)
        if employee is None:
            raise forms.ValidationError(_("No employee has the ID %(code)s.") % {"code": code})
        return employee


def _relationship_choices() -> list[tuple[str, str]]:
    from evaluations.ui_selectors import RATER_ROLE_LABELS

    return [(value, label) for value, label in RATER_ROLE_LABELS.items()]


class AssignmentFilterForm(forms.Form):
    """Which assignments of a cycle HR is looking at (a GET form; every field optional)."""

    STATUSES = ("pending", "draft", "submitted", "declined")

    rater = forms.CharField(label=_("Rater"), required=False, max_length=200)
    ratee = forms.CharField(label=_("Person rated"), required=False, max_length=200)
    relationship = forms.ChoiceField(label=_("Rater group"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        from evaluations.ui_selectors import STATUS_LABELS

        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = [("", _("All")), *_relationship_choices()]
        self.fields["status"].choices = [("", _("All")), *[(status, STATUS_LABELS[status]) for status in self.STATUSES]]
        for name in ("rater", "ratee"):
            self.fields[name].help_text = _("Employee ID or part of the name")

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {name: value.strip() for name, value in self.cleaned_data.items() if value and value.strip()}


class AssignmentAddForm(forms.Form):
    rater = EmployeeIdField(label=_("Rater's employee ID"), widget=forms.TextInput(attrs={"dir": "ltr"}))
    ratee = EmployeeIdField(label=_("Employee ID of the person rated"), widget=forms.TextInput(attrs={"dir": "ltr"}))
    relationship = forms.ChoiceField(label=_("Rater group"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "add")
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = _relationship_choices()
        self.fields["relationship"].initial = "peer"


class ReassignForm(forms.Form):
    new_rater = EmployeeIdField(label=_("Employee ID of the new rater"))


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Why reopen it?"), max_length=1000)
