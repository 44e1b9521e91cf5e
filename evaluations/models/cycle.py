"""An evaluation cycle and what happens in it: who rates whom (assignments, peer
nominations) and the raters' responses.

A response's answers are never shown to anyone one by one: they are only read by the
scoring at close (``services.results``), which stores aggregates. No admin registers
:class:`Response` or :class:`Answer`."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from evaluations import scoring

from .framework import SCALE_MAX, SCALE_MIN, Framework, Item
from .organisation import Employee


def default_weights() -> dict[str, int]:
    return dict(scoring.DEFAULT_WEIGHTS)


def default_thresholds() -> dict[str, int]:
    return dict(scoring.DEFAULT_THRESHOLDS)


def default_reminder_days() -> list[int]:
    return [7, 3, 1]


class Relationship(models.TextChoices):
    """How a rater relates to the person they rate (the rater groups other than customers)."""

    SELF = "self", _("self")
    SUPERVISOR = "supervisor", _("supervisor")
    PEER = "peer", _("peer")
    SUBORDINATE = "subordinate", _("subordinate")


class CycleQuerySet(models.QuerySet):
    def for_agency(self, agency) -> CycleQuerySet:
        return self.filter(models.Q(agencies=agency) | models.Q(units__agency=agency)).distinct()


class Cycle(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")
        RELEASED = "released", _("released")
        CANCELLED = "cancelled", _("cancelled")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    agencies = models.ManyToManyField("portal.Agency", verbose_name=_("agencies"), blank=True, related_name="+")
    units = models.ManyToManyField("evaluations.Unit", verbose_name=_("units"), blank=True, related_name="+")
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework version"), on_delete=models.PROTECT, related_name="cycles"
    )
    weights = models.JSONField(_("weights per rater group"), default=default_weights)
    thresholds = models.JSONField(_("anonymity thresholds per rater group"), default=default_thresholds)
    blind_spot_gap = models.DecimalField(
        _("blind-spot gap"), max_digits=3, decimal_places=2, default=scoring.DEFAULT_BLIND_SPOT_GAP
    )
    peers_per_employee = models.PositiveSmallIntegerField(_("peers asked to rate each employee"), default=4)
    max_evaluations_per_rater = models.PositiveSmallIntegerField(
        _("maximum peer evaluations one rater is asked to write"), default=5
    )
    reminder_days = models.JSONField(
        _("reminder days before the close date"), default=default_reminder_days, blank=True
    )
    assignment_seed = models.PositiveIntegerField(_("assignment seed"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    released_at = models.DateTimeField(_("released"), null=True, blank=True)

    objects = CycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation cycle")
        verbose_name_plural = _("evaluation cycles")
        ordering = ["-opens_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="cycle_closes_after_opens"
            )
        ]

    def __str__(self) -> str:
        return self.localized_name()

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    def scoring_rules(self) -> scoring.ScoringRules:
        return scoring.ScoringRules(
            weights=dict(self.weights), thresholds=dict(self.thresholds), blind_spot_gap=self.blind_spot_gap
        )

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = _("The close date must not be before the open date.")
        try:
            self.scoring_rules()
        except (ValueError, TypeError, AttributeError):
            errors["weights"] = _(
                "Weights must be numbers of at least 0 and thresholds whole numbers of at least 1, "
                "for the rater groups customer, supervisor, peer, subordinate and self; the gap must be above 0."
            )
        if not isinstance(self.reminder_days, list) or not all(
            isinstance(day, int) and not isinstance(day, bool) and day >= 0 for day in self.reminder_days
        ):
            errors["reminder_days"] = _("Reminder days must be a list of whole numbers of at least 0.")
        if errors:
            raise ValidationError(errors)


class Assignment(models.Model):
    """One rater asked to rate one employee in a cycle."""

    class Source(models.TextChoices):
        GENERATED = "generated", _("generated when the cycle opened")
        NOMINATED = "nominated", _("nominated and approved")
        HR = "hr", _("added by HR")
        IMPORTED = "imported", _("imported")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="assignments")
    rater = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="assignments_to_write")
    ratee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="assignments_about")
    relationship = models.CharField(_("relationship"), max_length=12, choices=Relationship.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.GENERATED)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "rater", "ratee"], name="assignment_unique_per_cycle"),
            models.CheckConstraint(
                condition=models.Q(relationship="self", rater=models.F("ratee"))
                | (~models.Q(relationship="self") & ~models.Q(rater=models.F("ratee"))),
                name="assignment_self_iff_same_person",
            ),
        ]
        # (cycle, ratee, rater): HR's assignments page lists a cycle's assignments in this
        # order, a page at a time, without sorting the whole cycle.
        indexes = [models.Index(fields=["cycle", "rater"]), models.Index(fields=["cycle", "ratee", "rater"])]

    @property
    def is_declined(self) -> bool:
        return self.declined_at is not None


class PeerNomination(models.Model):
    """An extra peer an employee asks to be rated by; their supervisor decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="nominations")
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="nominations_made")
    peer = models.ForeignKey(Employee, on_delete=models.CASCADE, related_name="nominations_received")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.SET_NULL, related_name="nominations_decided"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("peer nomination")
        verbose_name_plural = _("peer nominations")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "employee", "peer"], name="nomination_unique_per_cycle"),
            models.CheckConstraint(condition=~models.Q(employee=models.F("peer")), name="nomination_not_self"),
        ]


class Response(models.Model):
    """A rater's answers about one employee in one cycle: saved as a draft, submitted once."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="responses")
    rater = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    ratee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="+")
    assignment = models.OneToOneField(Assignment, null=True, on_delete=models.SET_NULL, related_name="response")
    relationship = models.CharField(_("relationship"), max_length=12, choices=Relationship.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "rater", "ratee"], name="response_unique_per_rater_ratee_cycle")
        ]
        indexes = [models.Index(fields=["cycle", "status", "ratee"])]


class Answer(models.Model):
    """One answer to one statement; no score means "not observed"."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="answer_unique_per_item"),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=SCALE_MIN, score__lte=SCALE_MAX),
                name="answer_score_on_scale",
            ),
        ]
