"""The evaluations app's writes and workflows (keyword-only, typed, atomic)."""

from .cycles import (
    add_assignment,
    approve_nomination,
    cancel_cycle,
    close_cycle,
    create_cycle,
    decline_assignment,
    nominate_peer,
    open_cycle,
    plan_assignments,
    reassign_assignment,
    release_cycle,
    remove_assignment,
    update_cycle_settings,
)
from .framework import copy_framework, framework_for_editing, framework_rows, import_framework, latest_framework
from .imports import import_responses
from .notifications import retry_failed, send_invitations, send_release_notices, send_reminders
from .responses import reopen_response, save_draft_response, submit_response

__all__ = [
    "add_assignment",
    "approve_nomination",
    "cancel_cycle",
    "close_cycle",
    "copy_framework",
    "create_cycle",
    "decline_assignment",
    "framework_for_editing",
    "framework_rows",
    "import_framework",
    "import_responses",
    "latest_framework",
    "nominate_peer",
    "open_cycle",
    "plan_assignments",
    "reassign_assignment",
    "release_cycle",
    "remove_assignment",
    "reopen_response",
    "retry_failed",
    "save_draft_response",
    "send_invitations",
    "send_release_notices",
    "send_reminders",
    "submit_response",
    "update_cycle_settings",
]
