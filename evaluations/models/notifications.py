"""The record of every email the evaluations app sends about a cycle: one row per
(kind, cycle, employee, key), enforced by the database, so an invitation, a reminder for
one reminder day, a release notice or the notice of one new assignment goes to an
employee at most once, whatever the number of cron runs racing each other (the sender
inserts the row first, then sends)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .cycle import Cycle
from .organisation import Employee


class Notification(models.Model):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("invitation")
        REMINDER = "reminder", _("reminder")
        RELEASE = "release", _("reports released")
        ASSIGNMENT = "assignment", _("new evaluation assigned")

    class Status(models.TextChoices):
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="notifications")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    #: What makes two notifications of one kind different: the reminder day ("7", "3", "1"),
    #: the assignment's id for a new assignment; empty for an invitation and a release
    #: notice (one per cycle).
    key = models.CharField(_("key"), max_length=20, blank=True, default="")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SENDING)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["kind", "cycle", "employee", "key"], name="notification_once_per_key")
        ]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.employee_id} ({self.status})"
