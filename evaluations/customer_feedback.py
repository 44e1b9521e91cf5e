"""Customers' ratings: issuing feedback links and taking one rating per link.

Every write goes through here: the counter's "next customer" screen, the printed card, the
``customer_feedback_link`` command (and any queue-management system calling the same
function) and the public form's view. Guarantees:

- one single-use link gives one rating: the rating's ``link`` is unique in the database and
  the link is claimed with a conditional update, so a double click, a refresh, a replay or
  two tabs get "already received, thank you" instead of a second rating;
- expired, unknown and spent links, and submissions over the limits (per link, per employee,
  per customer address; printed cards: one rating per address per employee per day), are
  refused with a ``CustomerFeedbackRejected`` carrying a polite message in the active
  language;
- the customer's address is never stored: only a keyed hash of it."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from portal import rate_limits
from portal.db.compiled import CompiledSelect, fields_in_model_order

from .models import CustomerFeedbackLink, CustomerRating, Employee, FeedbackChannel
from .signals import customer_ratings_changed

logger = logging.getLogger(__name__)

#: 18 random bytes: 144 bits, 24 URL-safe characters (short enough for an SMS).
TOKEN_BYTES = 18
HOUR = 60 * 60
DAY = 24 * HOUR


class CustomerFeedbackRejected(Exception):
    """A link or a submission the customer cannot use; ``message`` is for the customer."""

    UNKNOWN = "unknown"
    EXPIRED = "expired"
    UNAVAILABLE = "unavailable"
    RATE_LIMITED = "rate_limited"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def message(self) -> str:
        """The polite explanation, in the active language (call it while the customer's
        language is active)."""
        if self.reason == self.EXPIRED:
            return _(
                "This feedback link has expired. Thank you for wanting to tell us about your visit; "
                "please ask the service team for a new link."
            )
        if self.reason == self.RATE_LIMITED:
            return _(
                "We have received many ratings from here in a short time, so we cannot take this one now. "
                "Thank you for your patience; please try again later."
            )
        if self.reason == self.UNAVAILABLE:
            return _("This feedback link is no longer in use. Thank you for your interest.")
        return _(
            "We could not find this feedback link. Please check the address, or ask the service team for a new link."
        )


@dataclass(frozen=True)
class CustomerFeedbackOutcome:
    """What became of a submission: ``rating`` is the saved rating, or ``None`` when this
    link's rating had already been received (a double click, a refresh, a replay)."""

    rating: CustomerRating | None

    @property
    def already_received(self) -> bool:
        return self.rating is None


# --- Links ----------------------------------------------------------------------------


def new_feedback_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@transaction.atomic
def customer_feedback_token(
    *,
    employee: Employee,
    channel: str = FeedbackChannel.CENTRE,
    kind: str = CustomerFeedbackLink.Kind.SINGLE_USE,
    origin: str = CustomerFeedbackLink.Origin.ELSEWHERE,
    now: datetime | None = None,
) -> CustomerFeedbackLink:
    """A link for a customer to rate ``employee``: a new single-use link (expiring after
    ``CUSTOMER_FEEDBACK_LINK_DAYS``), or the employee's stable printed-card link (made on
    first request, the same one afterwards). ``origin`` is ``counter`` only for the
    "next customer" screen's links (see ``CustomerFeedbackLink``)."""
    if not employee.is_active:
        raise ValidationError(_("Employee %(employee_id)s is not active.") % {"employee_id": employee.employee_id})
    if channel not in FeedbackChannel.values:
        raise ValidationError(_("Unknown channel: %(channel)s.") % {"channel": channel})
    now = now or timezone.now()
    if kind == CustomerFeedbackLink.Kind.CARD:
        card = CustomerFeedbackLink.objects.filter(employee=employee, kind=kind).first()
        if card is not None:
            return card
        card = CustomerFeedbackLink(
            employee=employee, kind=kind, channel=channel, token=new_feedback_token(), created_at=now
        )
        card.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                card.save()
        except IntegrityError:  # printed at the same moment elsewhere: one card per employee
            return CustomerFeedbackLink.objects.get(employee=employee, kind=kind)
        return card
    if kind != CustomerFeedbackLink.Kind.SINGLE_USE:
        raise ValidationError(_("Unknown kind of link: %(kind)s.") % {"kind": kind})
    if origin not in CustomerFeedbackLink.Origin.values:
        raise ValidationError(_("Unknown origin of link: %(origin)s.") % {"origin": origin})
    link = CustomerFeedbackLink(
        employee=employee,
        kind=kind,
        channel=channel,
        origin=origin,
        token=new_feedback_token(),
        created_at=now,
        expires_at=now + timedelta(days=settings.CUSTOMER_FEEDBACK_LINK_DAYS),
    )
    link.full_clean(validate_unique=False, validate_constraints=False)
    link.save()
    return link


def customer_feedback_url(link: CustomerFeedbackLink, *, base_url: str | None = None, language: str = "ar") -> str:
    """The link's absolute address (Arabic by default, served without a prefix)."""
    with translation.override(language):
        path = reverse("customer_feedback:form", kwargs={"token": link.token})
    return (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + path


#: What ``usable_feedback_link`` reads: the link (its origin too: the burst rule asks whether
#: it is a counter visit), and of its employee what the customer's page shows and whether
#: they still take ratings. In each model's field order (``Model.from_db`` takes them so).
LINK_FIELDS = fields_in_model_order(
    CustomerFeedbackLink,
    ("id", "employee_id", "token", "kind", "origin", "channel", "created_at", "expires_at", "used_at"),
)
LINK_EMPLOYEE_FIELDS = fields_in_model_order(Employee, ("id", "name_ar", "name_en", "is_active"))

#: The link and its employee by token: every customer's GET and POST run it, so its SQL is
#: written once (``portal.db.compiled``), not built and compiled by the ORM each time.
_LINK_BY_TOKEN = CompiledSelect(
    lambda token: (
        CustomerFeedbackLink.objects.filter(token=token)
        .order_by()
        .values_list(*LINK_FIELDS, *(f"employee__{name}" for name in LINK_EMPLOYEE_FIELDS))
    ),
    token=str,
)


def _link_by_token(token: str) -> CustomerFeedbackLink | None:
    """The link ``token`` names, with the columns ``LINK_FIELDS`` and its employee's
    ``LINK_EMPLOYEE_FIELDS`` (the rest deferred, as ``only()`` would leave them)."""
    rows = _LINK_BY_TOKEN.rows(token=token)
    if not rows:
        return None
    row = rows[0]
    link = CustomerFeedbackLink.from_db(DEFAULT_DB_ALIAS, LINK_FIELDS, row[: len(LINK_FIELDS)])
    link.employee = Employee.from_db(DEFAULT_DB_ALIAS, LINK_EMPLOYEE_FIELDS, row[len(LINK_FIELDS) :])
    return link


def usable_feedback_link(*, token: str, now: datetime | None = None) -> CustomerFeedbackLink:
    """The link ``token`` names, if a customer may still open it (a spent single-use link
    is returned too: its page says the rating was received). Raises
    ``CustomerFeedbackRejected`` otherwise."""
    link = _link_by_token(token)
    if link is None:
        raise CustomerFeedbackRejected(CustomerFeedbackRejected.UNKNOWN)
    if not link.employee.is_active:
        raise CustomerFeedbackRejected(CustomerFeedbackRejected.UNAVAILABLE)
    if link.used_at is None and link.is_expired(now=now):
        raise CustomerFeedbackRejected(CustomerFeedbackRejected.EXPIRED)
    return link


# --- Limits ---------------------------------------------------------------------------


def client_fingerprint_for(address: str) -> str:
    """A keyed hash of the customer's address: enough to apply per-address limits, useless
    for finding out who the customer is."""
    return salted_hmac("evaluations.customer-feedback.client", address or "unknown", algorithm="sha256").hexdigest()[
        :32
    ]


def _check_limits(*, link: CustomerFeedbackLink, client_fingerprint: str, today: str) -> None:
    """Count this attempt against each of the link's limits (fixed windows in the shared
    cache, ``portal.rate_limits``, in one round trip) and refuse it over any of them."""
    limits = settings.CUSTOMER_FEEDBACK_LIMITS
    checks = [
        (f"link:{link.pk}", limits["link_attempts_per_hour"], HOUR),
        (f"employee:{link.employee_id}", limits["employee_per_hour"], HOUR),
        (f"address:{client_fingerprint}", limits["address_per_hour"], HOUR),
    ]
    if link.is_card:
        checks += [
            (f"card:{link.pk}:{today}", limits["card_per_employee_per_day"], DAY),
            (f"card:{link.pk}:{client_fingerprint}:{today}", limits["card_address_per_employee_per_day"], DAY),
        ]
    within = rate_limits.within_limits([(f"customer-feedback:{key}", limit, window) for key, limit, window in checks])
    if within is None:
        # The shared cache is down: the customer's rating is kept rather than lost (the
        # burst and self-rating rules, in the database, still apply to it).
        logger.warning("Customer feedback limits not checked: the shared cache cannot be reached")
        return
    if not within:
        raise CustomerFeedbackRejected(CustomerFeedbackRejected.RATE_LIMITED)


# --- Ratings --------------------------------------------------------------------------


def submit_customer_rating(
    *,
    token: str,
    overall: int,
    respect: int | None = None,
    time: int | None = None,
    clarity: int | None = None,
    solved: int | None = None,
    comment: str = "",
    language: str = "",
    client_fingerprint: str,
    now: datetime | None = None,
) -> CustomerFeedbackOutcome:
    """Save one customer's rating through the link ``token``.

    A single-use link already answered gives ``already_received`` (nothing saved); an
    unknown or expired link, or a submission over the limits, raises
    ``CustomerFeedbackRejected``; scores outside 1–5 raise ``ValidationError``."""
    answers = {
        "overall": overall,
        "respect": respect,
        "time": time,
        "clarity": clarity,
        "solved": solved,
        "comment": comment.strip(),
        "language": language[:2],
    }
    now = now or timezone.now()
    # Reading the link, counting the attempt and checking the answers need no transaction:
    # only the claim, the rating and what moves with it do (on SQLite, one writer at a time,
    # so the transaction is kept to those).
    link = usable_feedback_link(token=token, now=now)
    if link.used_at is not None:
        return CustomerFeedbackOutcome(rating=None)
    _check_limits(link=link, client_fingerprint=client_fingerprint, today=now.date().isoformat())
    rating = CustomerRating(
        employee_id=link.employee_id,
        submitted_at=now,
        channel=link.channel,
        client_fingerprint=client_fingerprint,
        **answers,
    )
    if link.is_card:
        rating.card = link
    else:
        rating.link = link
    # The scores, channel and comment are checked; the foreign keys are not (two more
    # queries): the link and its employee were just read, and the database's foreign keys
    # and the unique ``link`` hold whatever happens meanwhile.
    rating.full_clean(exclude=["employee", "link", "card"], validate_unique=False, validate_constraints=False)
    try:
        return _save_rating(link=link, rating=rating, now=now)
    except IntegrityError:
        # The unique ``link``: another submission through this single-use link committed
        # first (the claim below makes this rare; the constraint makes it impossible).
        if CustomerRating.objects.filter(link__token=token).exists():
            return CustomerFeedbackOutcome(rating=None)
        raise


@transaction.atomic
def _save_rating(*, link: CustomerFeedbackLink, rating: CustomerRating, now: datetime) -> CustomerFeedbackOutcome:
    """Claim a single-use link and save its rating; the award tallies and the burst check
    move with it (``customer_ratings_changed``), in this transaction."""
    if not link.is_card:
        # Claim the link: of two simultaneous submissions only one updates the row (the
        # other waits for it, then finds it used).
        claimed = CustomerFeedbackLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now)
        if not claimed:
            return CustomerFeedbackOutcome(rating=None)
    rating.save(force_insert=True)
    customer_ratings_changed.send(sender=CustomerRating, added=[rating], removed=[])
    return CustomerFeedbackOutcome(rating=rating)
