"""The 360° evaluations app's data, one module per concept: the organisation (units and
employees), the competency framework, cycles (assignments, nominations, responses),
customers' ratings and the frozen results of a closed cycle."""

from .customer import CustomerFeedbackLink, CustomerRating, FeedbackChannel
from .cycle import Answer, Assignment, Cycle, PeerNomination, Relationship, Response
from .framework import NOT_OBSERVED_LABEL, SCALE, Competency, Framework, Item
from .notifications import Notification
from .organisation import Employee, Unit
from .results import OTHERS, OVERALL, EmployeeResult, ResultComment, ResultCompetency, ResultScore

__all__ = [
    "NOT_OBSERVED_LABEL",
    "OTHERS",
    "OVERALL",
    "SCALE",
    "Answer",
    "Assignment",
    "Competency",
    "CustomerFeedbackLink",
    "CustomerRating",
    "Cycle",
    "Employee",
    "EmployeeResult",
    "FeedbackChannel",
    "Framework",
    "Item",
    "Notification",
    "PeerNomination",
    "Relationship",
    "Response",
    "ResultComment",
    "ResultCompetency",
    "ResultScore",
    "Unit",
]
