"""Award seasons and their standings' running tallies.

A rating reaches the standings through ``SeasonTally``: running counts and sums per entry
(agency, unit, employee, channel) and season, updated in the same transaction as the
rating, so the leaderboard never reads the ratings themselves. ``StandingSnapshot`` keeps
each entry's place over the season (movement since last week, the sparkline) and, once a
season ends, its frozen final standings."""

from __future__ import annotations

import datetime
import itertools
import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from awards.badge_models import BadgeAward, SignInFingerprint  # noqa: F401  (registered with the app)
from awards.categories import DEFAULT_SIZE_BANDS, ENTRY_KINDS
from awards.points_models import RaterPointsEntry  # noqa: F401 (the raters' points ledger)
from evaluations.scoring import DEFAULT_COMPOSITE_WEIGHTS, DEFAULT_STAR_CUTOFFS


def default_weights() -> dict:
    return dict(DEFAULT_COMPOSITE_WEIGHTS)


def default_star_cutoffs() -> list:
    return list(DEFAULT_STAR_CUTOFFS)


def default_size_bands() -> list:
    return list(DEFAULT_SIZE_BANDS)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def scoring_settings_errors(*, weights, star_cutoffs, size_bands, prior_weights) -> dict[str, str]:
    """What is wrong with a season's scoring settings, by field (empty: nothing), so one bad
    value is refused when it is entered instead of failing every leaderboard later."""
    from awards.categories import CATEGORIES
    from evaluations.scoring import COMPONENTS, MAX_STARS, MIN_STARS

    errors: dict[str, str] = {}
    components = ", ".join(COMPONENTS)
    if (
        not isinstance(weights, dict)
        or not weights
        or set(weights) - set(COMPONENTS)
        or not all(_is_number(value) and value >= 0 for value in weights.values())
        or not sum(weights.values()) > 0
    ):
        errors["weights"] = _(
            "Give each score component a weight of 0 or more, at least one above 0, as in "
            '{"satisfaction": 60, "evaluation": 30, "participation": 10}. Known components: %(components)s.'
        ) % {"components": components}
    count = MAX_STARS - MIN_STARS
    if (
        not isinstance(star_cutoffs, list)
        or len(star_cutoffs) != count
        or not all(_is_number(value) and 0 <= value <= 100 for value in star_cutoffs)
        or any(later <= earlier for earlier, later in itertools.pairwise(star_cutoffs))
    ):
        errors["star_cutoffs"] = _(
            "Give %(count)s star cut-offs between 0 and 100, each above the one before, as in [40, 55, 70, 80, 90]."
        ) % {"count": count}
    if (
        not isinstance(size_bands, list)
        or not all(isinstance(value, int) and not isinstance(value, bool) and value > 0 for value in size_bands)
        or any(later <= earlier for earlier, later in itertools.pairwise(size_bands))
    ):
        errors["size_bands"] = _(
            "Give the size bands' upper limits as whole numbers of front-line employees above 0, each above "
            "the one before, as in [50, 500]."
        )
    if (
        not isinstance(prior_weights, dict)
        or set(prior_weights) - set(CATEGORIES)
        or not all(_is_number(value) and value > 0 for value in prior_weights.values())
    ):
        errors["prior_weights"] = _(
            'Give a number above 0 for each category you set, as in {"best_agency": 100}. Categories: %(categories)s.'
        ) % {"categories": ", ".join(CATEGORIES)}
    return errors


class SeasonQuerySet(models.QuerySet):
    def containing(self, moment: datetime.datetime) -> SeasonQuerySet:
        day = timezone.localdate(moment)
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Season(models.Model):
    """An award season: dates, optionally the evaluation cycle whose released results it
    uses, and its scoring settings. One season is current."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    cycle = models.ForeignKey(
        "evaluations.Cycle",
        verbose_name=_("evaluation cycle"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award_seasons",
        help_text=_("The cycle whose released 360° results count in this season."),
    )
    is_current = models.BooleanField(_("current"), default=False)
    weights = models.JSONField(_("composite weights"), default=default_weights)
    star_cutoffs = models.JSONField(_("star cut-offs"), default=default_star_cutoffs)
    size_bands = models.JSONField(_("agency size bands (front-line employees)"), default=default_size_bands)
    prior_weights = models.JSONField(
        _("prior weights per category"),
        default=dict,
        blank=True,
        help_text=_("Ratings an entry needs before it is ranked; empty: each category's default."),
    )
    frozen_at = models.DateTimeField(_("standings frozen"), null=True, blank=True)
    #: The bands each category had when the season froze (``{category: [band or None]}``),
    #: so a frozen season's boards never depend on today's agencies.
    frozen_bands = models.JSONField(_("bands when frozen"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SeasonQuerySet.as_manager()

    class Meta:
        verbose_name = _("award season")
        verbose_name_plural = _("award seasons")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_season"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="season_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.localized_name()

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A season cannot end before it starts.")})
        if self.prior_weights is None:  # an emptied field: each category's default
            self.prior_weights = {}
        errors = scoring_settings_errors(
            weights=self.weights,
            star_cutoffs=self.star_cutoffs,
            size_bands=self.size_bands,
            prior_weights=self.prior_weights,
        )
        if errors:
            raise ValidationError(errors)
        overlapping = Season.objects.exclude(pk=self.pk).filter(
            starts_on__lte=self.ends_on, ends_on__gte=self.starts_on
        )
        if self.starts_on and self.ends_on and overlapping.exists():
            raise ValidationError(
                _("The season's dates overlap the season “%(other)s”.") % {"other": overlapping.first()}
            )

    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) as aware datetimes in the portal's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.starts_on, datetime.time.min, tzinfo=zone)
        end = datetime.datetime.combine(self.ends_on + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        return start, end


class SeasonTally(models.Model):
    """Running customer-rating totals of one entry in one season (counted ratings only)."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="tallies")
    kind = models.CharField(_("entry kind"), max_length=10, choices=[(kind, kind) for kind in ENTRY_KINDS])
    key = models.CharField(_("entry"), max_length=200)
    ratings = models.PositiveIntegerField(_("ratings"), default=0)
    rating_sum = models.PositiveIntegerField(_("sum of overall ratings"), default=0)
    five_star = models.PositiveIntegerField(_("five-star ratings"), default=0)
    last_rating_at = models.DateTimeField(_("last rating"), null=True, blank=True)

    class Meta:
        verbose_name = _("season tally")
        verbose_name_plural = _("season tallies")
        constraints = [models.UniqueConstraint(fields=["season", "kind", "key"], name="one_tally_per_entry")]

    def __str__(self) -> str:
        return f"{self.season_id} {self.kind} {self.key}: {self.ratings}"


class StandingSnapshot(models.Model):
    """One entry's standing on one day (``final``: the frozen end-of-season standing).

    A row holds everything the entry's line on a board shows (names, place, score, stars,
    sample size, movement, sparkline), so a frozen season's boards are read from its final
    rows alone and later changes to people, units or agencies never alter them."""

    season = models.ForeignKey(Season, on_delete=models.CASCADE, related_name="snapshots")
    category = models.CharField(_("category"), max_length=40)
    band = models.CharField(_("band"), max_length=80, blank=True)
    key = models.CharField(_("entry"), max_length=200)
    taken_on = models.DateField(_("date"))
    rank = models.PositiveIntegerField(_("rank"), null=True)
    composite = models.FloatField(_("score"), null=True)
    stars = models.PositiveSmallIntegerField(_("stars"), null=True)
    ratings = models.PositiveIntegerField(_("ratings"), default=0)
    final = models.BooleanField(_("final"), default=False)
    position = models.PositiveIntegerField(_("position on the board"), default=0)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    weighted_rating = models.FloatField(_("weighted rating"), null=True)
    components = models.JSONField(_("score components"), default=dict, blank=True)
    movement = models.IntegerField(_("movement"), null=True)
    sparkline = models.JSONField(_("sparkline"), default=list, blank=True)

    class Meta:
        verbose_name = _("standing snapshot")
        verbose_name_plural = _("standing snapshots")
        ordering = ["taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "category", "band", "key", "taken_on", "final"], name="one_snapshot_per_entry_day"
            )
        ]
        indexes = [models.Index(fields=["season", "category", "band", "taken_on"])]


class AwardWinner(models.Model):
    """A winner Leadership approved for one category (and band) of a frozen season, with
    the citation in both languages and the announcement drafted for it."""

    season = models.ForeignKey(Season, on_delete=models.PROTECT, related_name="winners")
    category = models.CharField(_("category"), max_length=40)
    band = models.CharField(_("band"), max_length=80, blank=True)
    key = models.CharField(_("entry"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    score = models.FloatField(_("score"), null=True)
    stars = models.PositiveSmallIntegerField(_("stars"), null=True)
    ratings = models.PositiveIntegerField(_("ratings"), default=0)
    citation_ar = models.TextField(_("citation (Arabic)"))
    citation_en = models.TextField(_("citation (English)"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)
    announcement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("announcement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    announced_at = models.DateTimeField(_("announced"), null=True, blank=True)

    class Meta:
        verbose_name = _("award winner")
        verbose_name_plural = _("award winners")
        ordering = ["-season__starts_on", "category", "band"]
        constraints = [models.UniqueConstraint(fields=["season", "category", "band"], name="one_winner_per_award")]

    def __str__(self) -> str:
        return f"{self.season} · {self.category} · {self.name_ar}"

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    def localized_citation(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.citation_en if language == "en" and self.citation_en else self.citation_ar


class IntegrityFlag(models.Model):
    """Something anti-gaming noticed, for HR to clear or reject with a reason.

    ``burst``: many customer ratings of one employee from one device or address in a short
    time; they are discounted (not counted in any standing) until HR clears the flag.
    ``self_rating``: customer ratings sent from an address the rated employee's own account
    signed in from (``scoring.is_probable_self_rating``); discounted likewise.
    ``peer_ring``: a closed group of colleagues rating each other at the top of the scale
    while everyone else rates them clearly lower (evidence only)."""

    class Kind(models.TextChoices):
        BURST = "burst", _("burst of customer ratings")
        SELF_RATING = "self_rating", _("probable self-rating")
        PEER_RING = "peer_ring", _("peer rating ring")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLEARED = "cleared", _("cleared: counts again")
        REJECTED = "rejected", _("rejected: stays discounted")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    agency = models.ForeignKey("portal.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("employee(s)"), max_length=400)
    evidence = models.JSONField(_("evidence"), default=dict)
    rating_ids = models.JSONField(_("ratings concerned"), default=list)
    created_at = models.DateTimeField(_("raised"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("integrity flag")
        verbose_name_plural = _("integrity flags")
        ordering = ["status", "-created_at"]
        indexes = [models.Index(fields=["status", "agency"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.subject}"
