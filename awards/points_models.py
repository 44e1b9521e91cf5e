"""The raters' points ledger: append-only.

Raters earn points for complete evaluations (more when on time), and a bonus when they
finish every evaluation they were asked to write before the cycle closes. A row is never
changed or deleted: a correction (a response HR reopened, a recompute that found a
difference) is a *reversal* row that cancels one earlier row, and HR's manual adjustments
are rows of their own. A rater's balance is the sum of their rows.

The guarantees, besides the services (``awards.points``):

- ``save()`` refuses to update an existing row, ``delete()`` refuses, and the queryset's
  ``update()`` and ``delete()`` refuse too; the admin shows the ledger read-only;
- the database refuses an ``UPDATE`` of a row's substance (a trigger, see migration
  ``0004_rater_points``) and two earnings of one response in the same generation, or two
  bonuses of one rater and cycle in the same generation (unique constraints): a double
  signal never earns twice, and a reopened and resubmitted response earns again in the
  next generation;
- a row is reversed at most once (``reverses`` is unique).

Points are for the raters themselves: they never enter any standing or score."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Someone tried to change or delete a ledger row."""


class RaterPointsQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The points ledger is append-only: append a reversal instead of updating.")

    def delete(self):
        raise AppendOnlyError("The points ledger is append-only: append a reversal instead of deleting.")

    def unreversed(self) -> RaterPointsQuerySet:
        return self.filter(reversed_by__isnull=True).exclude(kind=RaterPointsEntry.Kind.REVERSAL)


class RaterPointsEntry(models.Model):
    class Kind(models.TextChoices):
        ON_TIME = "on_time", _("evaluation submitted on time")
        LATE = "late", _("evaluation submitted after the close date")
        BONUS = "bonus", _("every evaluation done before the close date")
        REVERSAL = "reversal", _("reversal")
        ADJUSTMENT = "adjustment", _("adjustment by HR")

    #: The kinds one response earns (one active at a time).
    RESPONSE_KINDS = (Kind.ON_TIME, Kind.LATE)

    employee = models.ForeignKey(
        "evaluations.Employee", verbose_name=_("rater"), on_delete=models.PROTECT, related_name="points_entries"
    )
    cycle = models.ForeignKey(
        "evaluations.Cycle", verbose_name=_("evaluation cycle"), on_delete=models.PROTECT, related_name="+"
    )
    #: No database constraint and nothing done on delete: the ledger keeps its history when
    #: a reopened (hence already reversed) draft is discarded by a reassignment.
    response = models.ForeignKey(
        "evaluations.Response",
        verbose_name=_("evaluation"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    points = models.IntegerField(_("points"))
    generation = models.PositiveIntegerField(
        _("generation"), default=0, help_text=_("How many earlier earnings of the same thing were reversed.")
    )
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("reverses"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: recorded automatically."),
    )

    objects = RaterPointsQuerySet.as_manager()

    class Meta:
        verbose_name = _("rater points entry")
        verbose_name_plural = _("rater points ledger")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["response", "generation"],
                condition=models.Q(kind__in=["on_time", "late"]),
                name="points_one_earning_per_response_generation",
            ),
            models.UniqueConstraint(
                fields=["employee", "cycle", "generation"],
                condition=models.Q(kind="bonus"),
                name="points_one_bonus_per_rater_cycle_generation",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="reversal", reverses__isnull=False)
                | (~models.Q(kind="reversal") & models.Q(reverses__isnull=True)),
                name="points_reversal_iff_reverses",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind__in=["on_time", "late"]) | models.Q(response__isnull=False),
                name="points_earning_has_response",
            ),
            models.CheckConstraint(condition=~models.Q(points=0), name="points_not_zero"),
        ]
        indexes = [models.Index(fields=["cycle", "employee"])]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.get_kind_display()} · {self.points:+d}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("The points ledger is append-only: append a reversal instead of updating.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The points ledger is append-only: append a reversal instead of deleting.")
