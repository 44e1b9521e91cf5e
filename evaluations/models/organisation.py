"""The organisation evaluated: units of an agency and the employees who work in them.

An employee is a record HR owns (imported from the agency's HR system), not a portal
account: the account is optional and linked when the employee has an email."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.models import BilingualNameMixin


class UnitQuerySet(models.QuerySet):
    def for_agency(self, agency) -> UnitQuerySet:
        return self.filter(agency=agency)


class Unit(BilingualNameMixin):
    """A service centre, call centre or back office of one agency."""

    class Kind(models.TextChoices):
        SERVICE_CENTRE = "service_centre", _("service centre")
        CALL_CENTRE = "call_centre", _("call centre")
        BACK_OFFICE = "back_office", _("back office")

    agency = models.ForeignKey(
        "portal.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="units"
    )
    slug = models.SlugField(_("slug"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE_CENTRE)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["agency__name_ar", "name_ar"]
        constraints = [models.UniqueConstraint(fields=["agency", "slug"], name="unit_slug_unique_per_agency")]


class EmployeeQuerySet(models.QuerySet):
    def active(self) -> EmployeeQuerySet:
        return self.filter(is_active=True)

    def front_line(self) -> EmployeeQuerySet:
        return self.filter(front_line=True)

    def for_agency(self, agency) -> EmployeeQuerySet:
        return self.filter(unit__agency=agency)


class Employee(models.Model):
    """A customer-service employee: rated by customers, supervisors, peers, subordinates
    and themselves. Never deleted once imported: an employee who leaves is made inactive so
    their history stays."""

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")

    employee_id = models.CharField(_("employee ID"), max_length=40, unique=True)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="employees")
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("supervisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    front_line = models.BooleanField(_("front line"), default=False)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ARABIC
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EmployeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["employee_id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(supervisor=models.F("pk")), name="employee_not_own_supervisor"),
            models.UniqueConstraint(Lower("email"), condition=~models.Q(email=""), name="employee_email_unique_ci"),
        ]
        indexes = [models.Index(fields=["unit", "is_active"])]

    def __str__(self) -> str:
        return f"{self.localized_name()} ({self.employee_id})"

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    @property
    def agency(self):
        return self.unit.agency

    def clean(self) -> None:
        supervisor = self.supervisor
        seen = {self.pk} if self.pk else set()
        while supervisor is not None:
            if supervisor.pk in seen:
                raise ValidationError({"supervisor": _("This supervisor would make a reporting loop.")})
            seen.add(supervisor.pk)
            supervisor = supervisor.supervisor
