"""Customers' ratings of the employee who served them (the minimal model the results need;
the customer-facing form, links and import build on it)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisation import Employee

_SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class CustomerRating(models.Model):
    class Channel(models.TextChoices):
        CENTRE = "centre", _("service centre")
        PHONE = "phone", _("phone")
        EMAIL = "email", _("email")
        VIDEO = "video", _("video call")
        CHAT = "chat", _("live chat")

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="customer_ratings")
    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    overall = models.PositiveSmallIntegerField(_("overall satisfaction"), validators=_SCALE)
    respect = models.PositiveSmallIntegerField(_("respect and courtesy"), null=True, blank=True, validators=_SCALE)
    time = models.PositiveSmallIntegerField(_("time taken"), null=True, blank=True, validators=_SCALE)
    clarity = models.PositiveSmallIntegerField(_("clarity of information"), null=True, blank=True, validators=_SCALE)
    solved = models.PositiveSmallIntegerField(_("request solved"), null=True, blank=True, validators=_SCALE)
    comment = models.TextField(_("comment"), blank=True)
    source_ref = models.CharField(_("source reference"), max_length=120, unique=True, null=True, blank=True)
    counted = models.BooleanField(_("counted"), default=True)

    class Meta:
        verbose_name = _("customer rating")
        verbose_name_plural = _("customer ratings")
        indexes = [models.Index(fields=["employee", "submitted_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(overall__gte=1, overall__lte=5), name="customer_overall_on_scale")
        ]
