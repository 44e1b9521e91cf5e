"""Customers' ratings of the employee who served them, and the links they rate through.

A customer rates on a short form (overall satisfaction and the charter's four service
dimensions) reached through a feedback link: a single-use link made for one customer (the
counter's "next customer" screen, or sent by SMS or email after a call), or an employee's
printed card, a stable link under stricter limits. Ratings collected elsewhere (kiosks,
phone surveys) are imported with a unique ``source_ref``. Ratings are kept whether or not a
cycle is running; a cycle counts those whose ``submitted_at`` falls within its dates."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCORE_MIN = 1
SCORE_MAX = 5
SCORE_VALIDATORS = [MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]


class FeedbackChannel(models.TextChoices):
    """The service channel a customer was served through (the keys of
    ``knowledge.models.Channel.KEYS``)."""

    CENTRE = "centre", _("service centre")
    PHONE = "phone", _("phone")
    EMAIL = "email", _("email")
    VIDEO = "video", _("video call")
    CHAT = "chat", _("live chat")


class CustomerFeedbackLinkQuerySet(models.QuerySet):
    def single_use(self) -> CustomerFeedbackLinkQuerySet:
        return self.filter(kind=CustomerFeedbackLink.Kind.SINGLE_USE)

    def cards(self) -> CustomerFeedbackLinkQuerySet:
        return self.filter(kind=CustomerFeedbackLink.Kind.CARD)


class CustomerFeedbackLink(models.Model):
    """A link a customer follows to rate one employee.

    ``single_use``: one response, then ``used_at`` is set (and the rating's unique ``link``
    makes a second response impossible); expires after ``expires_at``.
    ``card``: one stable link per employee, printed on a card; many responses, each
    limited per address and per day; never expires (``expires_at`` empty).

    ``origin`` says where a single-use link was issued: ``counter``, the employee's
    "next customer" screen, for the customer in front of them (one link, one visit, so
    customers sharing a centre's Wi-Fi or a counter tablet are not taken for one device by
    anti-gaming); ``elsewhere``, the command, a queue system, a link sent by SMS or email."""

    class Kind(models.TextChoices):
        SINGLE_USE = "single_use", _("single use")
        CARD = "card", _("printed card")

    class Origin(models.TextChoices):
        COUNTER = "counter", _("next-customer screen at the counter")
        ELSEWHERE = "elsewhere", _("issued elsewhere (command, queue system, message)")

    employee = models.ForeignKey(
        "evaluations.Employee",
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="customer_feedback_links",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SINGLE_USE)
    channel = models.CharField(_("channel"), max_length=10, choices=FeedbackChannel.choices)
    origin = models.CharField(_("issued from"), max_length=10, choices=Origin.choices, default=Origin.ELSEWHERE)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    objects = CustomerFeedbackLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("customer feedback link")
        verbose_name_plural = _("customer feedback links")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee"], condition=models.Q(kind="card"), name="customer_feedback_one_card_per_employee"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="card") | models.Q(expires_at__isnull=False),
                name="customer_feedback_single_use_link_expires",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.employee_id}"

    @property
    def is_card(self) -> bool:
        return self.kind == self.Kind.CARD

    @property
    def is_counter_visit(self) -> bool:
        """A single-use link the counter's screen issued for the customer being served."""
        return self.kind == self.Kind.SINGLE_USE and self.origin == self.Origin.COUNTER

    def is_expired(self, *, now=None) -> bool:
        return self.expires_at is not None and (now or timezone.now()) >= self.expires_at


class CustomerRatingQuerySet(models.QuerySet):
    def counted(self) -> CustomerRatingQuerySet:
        return self.filter(counted=True)

    def submitted_between(self, start, end) -> CustomerRatingQuerySet:
        """Ratings submitted in ``[start, end)``: how a cycle picks its customers' ratings."""
        return self.filter(submitted_at__gte=start, submitted_at__lt=end)


def _score_range(field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": SCORE_MIN, f"{field}__lte": SCORE_MAX}),
        name=f"customer_rating_{field}_1_to_5",
    )


class CustomerRating(models.Model):
    """One customer's rating of the employee who served them."""

    Channel = FeedbackChannel

    employee = models.ForeignKey(
        "evaluations.Employee",
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="customer_ratings",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=10, choices=FeedbackChannel.choices)
    overall = models.PositiveSmallIntegerField(_("overall satisfaction"), validators=SCORE_VALIDATORS)
    respect = models.PositiveSmallIntegerField(
        _("respect and courtesy"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    time = models.PositiveSmallIntegerField(_("time taken"), null=True, blank=True, validators=SCORE_VALIDATORS)
    clarity = models.PositiveSmallIntegerField(
        _("clarity of information"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    solved = models.PositiveSmallIntegerField(_("request solved"), null=True, blank=True, validators=SCORE_VALIDATORS)
    comment = models.TextField(_("comment"), blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    #: The identifier in the system an imported rating came from; unique, so a re-import
    #: never counts a rating twice.
    source_ref = models.CharField(_("source reference"), max_length=120, unique=True, null=True, blank=True)
    #: The single-use link this rating answered: unique, so one link gives one response
    #: whatever the customer's browser sends (double click, refresh, replay, two tabs).
    link = models.OneToOneField(
        CustomerFeedbackLink,
        verbose_name=_("single-use link"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rating",
    )
    #: The printed card this rating came through (many ratings per card).
    card = models.ForeignKey(
        CustomerFeedbackLink,
        verbose_name=_("printed card"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="card_ratings",
    )
    counted = models.BooleanField(_("counted"), default=True)
    #: A keyed hash of the customer's address (never the address itself).
    client_fingerprint = models.CharField(_("client fingerprint"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = CustomerRatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("customer rating")
        verbose_name_plural = _("customer ratings")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(overall__gte=SCORE_MIN, overall__lte=SCORE_MAX),
                name="customer_overall_on_scale",
            ),
            _score_range("respect"),
            _score_range("time"),
            _score_range("clarity"),
            _score_range("solved"),
            models.CheckConstraint(
                condition=models.Q(link__isnull=True) | models.Q(card__isnull=True),
                name="customer_rating_one_link_or_card",
            ),
        ]
        indexes = [models.Index(fields=["employee", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.employee_id} · {self.overall}/5 · {self.submitted_at:%Y-%m-%d}"
