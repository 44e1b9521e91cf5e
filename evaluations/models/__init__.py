"""The 360° evaluations app's data: the organisation (units and employees) first; the
competency framework, cycles, assignments, answers, customer ratings and frozen results
build on it."""

from .customer import CustomerFeedbackLink, CustomerRating, FeedbackChannel  # noqa: F401
from .organisation import Employee, Unit  # noqa: F401
