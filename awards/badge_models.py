"""Badges granted to employees, and the address fingerprints staff sign in from (how a
customer rating sent by the rated employee is recognised as a self-rating). Imported by
``awards.models`` so Django registers them with the app."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.badge_criteria import BADGES


class BadgeAward(models.Model):
    """One badge granted to one employee for one season or cycle (``context``: "season:<pk>"
    or "cycle:<pk>"); granted once per context. HR revokes it with a reason; a revoked badge
    stays, so it is never granted again automatically."""

    uid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        "evaluations.Employee", verbose_name=_("employee"), on_delete=models.PROTECT, related_name="badges"
    )
    badge = models.CharField(_("badge"), max_length=40, choices=[(code, code) for code in BADGES])
    context = models.CharField(_("granted for"), max_length=40)
    season = models.ForeignKey(
        "awards.Season",
        verbose_name=_("award season"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cycle = models.ForeignKey(
        "evaluations.Cycle",
        verbose_name=_("evaluation cycle"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)
    evidence = models.JSONField(_("evidence"), default=dict)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    #: Its position in the issuer's revocation list (``awards.status_list``), drawn at random.
    status_index = models.PositiveIntegerField(
        _("position in the revocation list"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(fields=["employee", "badge", "context"], name="one_badge_per_context"),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoke_reason=""),
                name="badge_revoked_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.badge} · {self.employee_id} · {self.context}"

    @property
    def definition(self):
        return BADGES[self.badge]

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class SignInFingerprint(models.Model):
    """A keyed hash of an address a staff member signed in from (never the address)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now)

    class Meta:
        verbose_name = _("sign-in fingerprint")
        verbose_name_plural = _("sign-in fingerprints")
        constraints = [models.UniqueConstraint(fields=["user", "fingerprint"], name="one_fingerprint_per_user")]
        indexes = [models.Index(fields=["fingerprint"])]
