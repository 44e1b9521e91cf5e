"""Whether customer ratings count: anti-gaming (in the awards app) discounts a burst of
ratings until HR clears it. The one write path for ``CustomerRating.counted``; listeners
hear the change through ``customer_ratings_changed`` in the same transaction."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from django.db import transaction

from evaluations.models import CustomerRating
from evaluations.signals import customer_ratings_changed


@transaction.atomic
def set_customer_ratings_counted(*, rating_ids: Iterable[int], counted: bool) -> list[CustomerRating]:
    """Count (``counted=True``) or discount the given ratings; returns those that changed."""
    # What the listeners read (the tallies: who, when, which channel, what score).
    ratings = list(
        CustomerRating.objects.select_for_update()
        .filter(pk__in=list(rating_ids), counted=not counted)
        .only("employee_id", "channel", "overall", "submitted_at", "counted")
    )
    if not ratings:
        return []
    before = [copy.copy(rating) for rating in ratings]
    CustomerRating.objects.filter(pk__in=[rating.pk for rating in ratings]).update(counted=counted)
    for rating in ratings:
        rating.counted = counted
    if counted:
        customer_ratings_changed.send(sender=CustomerRating, added=ratings, removed=[], recounted=True)
    else:
        customer_ratings_changed.send(sender=CustomerRating, added=[], removed=before)
    return ratings
