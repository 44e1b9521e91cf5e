"""Workflows the web pages need around the existing services (which this module does not
change): a submission that announces itself to the live dashboards after it commits."""

from __future__ import annotations

from django.db import transaction

from evaluations.models import Assignment, Employee, Response
from evaluations.signals import response_submitted

from .responses import Answers, submit_response


@transaction.atomic
def submit_and_announce(
    *, assignment: Assignment, rater: Employee, answers: Answers | None = None, comment: str | None = None
) -> Response:
    """:func:`submit_response`, then ``signals.response_submitted`` inside the same
    transaction (its receiver broadcasts after commit)."""
    response = submit_response(assignment=assignment, rater=rater, answers=answers, comment=comment)
    response_submitted.send(sender=Response, response=response)
    return response
