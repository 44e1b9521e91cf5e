"""Live cycle dashboards: the channel-layer group a cycle's progress is announced to.

A submission is announced only after its transaction commits (``transaction.on_commit``),
so a rolled back response never moves a dashboard. The event says only that the cycle's
completion changed: never who rated whom; the page re-reads its aggregates.

Two ways in, both ending in :func:`announce_after_commit`:

- ``signals.response_submitted``, sent by ``services.submit_response`` (the rater's
  submission, from the web form or any other caller);
- Django's ``post_save`` of :class:`~evaluations.models.Response` with the status
  ``submitted``: an import (``import_responses``) saves submitted responses directly. The
  rater's own submission service marks a response submitted with a conditional
  ``UPDATE`` (its submit-once guard), which sends no ``post_save``; hence the first way.
  Both receivers run inside the writing transaction, so they defer the announcement with
  ``transaction.on_commit``: a receiver must never broadcast a write that may roll back.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from evaluations.models import Response
from evaluations.signals import response_submitted

logger = logging.getLogger(__name__)

COMPLETION_CHANGED = "completion.changed"


def cycle_group(slug: str) -> str:
    return f"evaluations.cycle.{slug}"


def announce_completion_changed(cycle_slug: str) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": COMPLETION_CHANGED, "cycle": cycle_slug, "at": timezone.now().isoformat()}
    try:
        async_to_sync(layer.group_send)(cycle_group(cycle_slug), message)
    except Exception:  # a broken layer must never break the submission that was just saved
        logger.exception("Could not announce the progress of cycle %s", cycle_slug)


def announce_after_commit(cycle_slug: str) -> None:
    transaction.on_commit(lambda: announce_completion_changed(cycle_slug))


def _cycle_slug(response: Response) -> str:
    from evaluations.models import Cycle

    return Cycle.objects.values_list("slug", flat=True).get(pk=response.cycle_id)


@receiver(response_submitted, dispatch_uid="evaluations.live.response_submitted")
def _on_response_submitted(sender, *, response: Response, **kwargs) -> None:
    announce_after_commit(_cycle_slug(response))


@receiver(post_save, sender=Response, dispatch_uid="evaluations.live.response_saved")
def _on_response_saved(sender, *, instance: Response, **kwargs) -> None:
    if instance.status == Response.Status.SUBMITTED:
        announce_after_commit(_cycle_slug(instance))
