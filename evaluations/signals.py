"""Signals other apps may listen to. Sent inside the transaction that changed the data, so
a receiver's writes commit or roll back with it (the awards standings' running tallies)."""

from django.dispatch import Signal

#: Sent after customer ratings change, inside the changing transaction, with ``added`` (the
#: ratings as they now count) and ``removed`` (copies of ratings as they counted before: an
#: import that corrected a rating, a rating HR discounted). A new rating is only added.
#: ``recounted`` is True when HR decided the ratings count again (no new evidence in them).
customer_ratings_changed = Signal()

#: Sent by ``services.submit_response`` inside the transaction that submitted a rater's
#: response, with ``response``. The live dashboard's receiver (``evaluations.live``)
#: announces it only after that transaction commits.
response_submitted = Signal()

#: Sent inside the transaction in which HR reopened a submitted response, with ``response``
#: (now a draft), ``reason`` and ``by`` (the user, or ``None``). The raters' points
#: (``awards.points``) reverse what the response had earned.
response_reopened = Signal()

#: Sent by ``services.close_cycle`` inside the transaction that closed a cycle (its results
#: computed), with ``cycle``. The awards app looks for peer rating rings among its
#: evaluations once that transaction has committed.
cycle_closed = Signal()
