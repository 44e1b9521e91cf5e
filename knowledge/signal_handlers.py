"""Knowledge's reactions to Wagtail's page events, and the transactions they run in.

Wagtail's page actions (publish, unpublish, move) do their writes and send their signals
without a transaction of their own, so a failure half-way (or a killed process) could
leave a page live with its new content but without what the portal writes alongside it
(the review stamp, the search outbox row). ``make_page_actions_atomic`` wraps each
action's ``execute`` in ``transaction.atomic``: whoever publishes (the admin's edit view,
a workflow approval, ``publish_scheduled``, ``import_knowledge``), the page's new content,
its audience (a field of the page itself), the signal handlers' writes and the outbox row
commit together, and an exception in any of them rolls the whole action back."""

from __future__ import annotations

import functools

from django.db import transaction
from wagtail.signals import page_published

from knowledge import services


def _page_published(sender, instance, **kwargs) -> None:
    services.on_page_published(instance)


def _atomic_execute(execute):
    if getattr(execute, "_knowledge_atomic", False):
        return execute

    @functools.wraps(execute)
    def atomic_execute(self, *args, **kwargs):
        with transaction.atomic():
            return execute(self, *args, **kwargs)

    atomic_execute._knowledge_atomic = True
    return atomic_execute


def make_page_actions_atomic() -> None:
    """Run Wagtail's publish, unpublish and move actions in one transaction each."""
    from wagtail.actions.move_page import MovePageAction
    from wagtail.actions.publish_revision import PublishRevisionAction
    from wagtail.actions.unpublish import UnpublishAction
    from wagtail.actions.unpublish_page import UnpublishPageAction

    # PublishPageRevisionAction inherits PublishRevisionAction.execute.
    for action in (PublishRevisionAction, UnpublishAction, UnpublishPageAction, MovePageAction):
        if "execute" in vars(action):
            action.execute = _atomic_execute(vars(action)["execute"])


def register_signal_handlers() -> None:
    make_page_actions_atomic()
    page_published.connect(_page_published, dispatch_uid="knowledge_page_published")
