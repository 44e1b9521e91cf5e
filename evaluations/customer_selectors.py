"""Reads for customer feedback screens."""

from __future__ import annotations

from django.utils import timezone

from .models import CustomerFeedbackLink, Employee


def current_counter_link(*, employee: Employee) -> CustomerFeedbackLink | None:
    """The single-use link the employee's counter screen last issued, while no customer has
    used it and it has not expired."""
    return (
        CustomerFeedbackLink.objects.single_use()
        .filter(employee=employee, used_at__isnull=True, expires_at__gt=timezone.now())
        .order_by("-created_at", "-pk")
        .first()
    )
