"""The award categories: one registry, so the standings, the API, the pages and the
shortlists agree on what a category ranks and how.

Entry kinds: an ``agency`` (key: its slug), a ``unit`` (``agency/unit``), an ``employee``
(their employee ID) and a ``channel`` of one agency (``agency:channel``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

AGENCY = "agency"
UNIT = "unit"
EMPLOYEE = "employee"
CHANNEL = "channel"
ENTRY_KINDS = (AGENCY, UNIT, EMPLOYEE, CHANNEL)

BEST_AGENCY = "best_agency"
BEST_UNIT = "best_unit"
MOST_IMPROVED_AGENCY = "most_improved_agency"
DISTINGUISHED_EMPLOYEE = "distinguished_employee"
RISING_STAR = "rising_star"
BEST_CHANNEL = "best_channel"


@dataclass(frozen=True)
class Category:
    key: str
    label: Promise
    description: Promise
    entry_kind: str
    #: The prior weight m (Bayesian shrinkage and the listing threshold) unless a season sets it.
    default_prior_weight: int
    #: Bands: "size" (agencies by front-line headcount), "agency" (one cohort per agency,
    #: plus "all" for employees), or None (one cohort).
    banded_by: str | None = None
    #: Ranked by the change of composite against the previous season, not the composite.
    by_improvement: bool = False


CATEGORIES: dict[str, Category] = {
    category.key: category
    for category in (
        Category(
            BEST_AGENCY,
            _("Best agency"),
            _("Agencies compared with agencies of their size (front-line employees)."),
            AGENCY,
            100,
            banded_by="size",
        ),
        Category(BEST_UNIT, _("Best service centre"), _("Service centres, call centres and offices."), UNIT, 100),
        Category(
            MOST_IMPROVED_AGENCY,
            _("Most improved agency"),
            _("The largest rise in the composite score since the previous season."),
            AGENCY,
            100,
            by_improvement=True,
        ),
        Category(
            DISTINGUISHED_EMPLOYEE,
            _("Distinguished employee"),
            _("Front-line employees, in each agency and overall."),
            EMPLOYEE,
            30,
            banded_by="agency",
        ),
        Category(
            RISING_STAR,
            _("Rising star"),
            _("The employee whose composite rose most since the previous season."),
            EMPLOYEE,
            30,
            by_improvement=True,
        ),
        Category(
            BEST_CHANNEL,
            _("Best channel"),
            _("Each agency's service channels compared with one another."),
            CHANNEL,
            30,
            banded_by="agency",
        ),
    )
}

DEFAULT_SIZE_BANDS = (50, 500)
ALL_BAND = "all"


def size_band_key(front_line_employees: int, limits: tuple[int, ...] | list[int]) -> str:
    """The size band of an agency: "le-50", "51-500", "gt-500" for the default limits."""
    lower = 0
    for limit in limits:
        if front_line_employees <= limit:
            return f"le-{limit}" if lower == 0 else f"{lower + 1}-{limit}"
        lower = limit
    return f"gt-{lower}"


def size_band_keys(limits: tuple[int, ...] | list[int]) -> list[str]:
    keys, lower = [], 0
    for limit in limits:
        keys.append(f"le-{limit}" if lower == 0 else f"{lower + 1}-{limit}")
        lower = limit
    keys.append(f"gt-{lower}")
    return keys
