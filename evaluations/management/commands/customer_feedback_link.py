"""``manage.py customer_feedback_link EMPLOYEE_ID [--channel CHANNEL] [--card] [--language en]
[--base-url URL]``: print a feedback link for a customer to rate the employee (to send by
SMS or email after a call, chat or email). The same service a queue-management system
calls."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from evaluations.customer_feedback import customer_feedback_token, customer_feedback_url
from evaluations.models import CustomerFeedbackLink, Employee, FeedbackChannel


class Command(BaseCommand):
    help = "Print a single-use customer feedback link for an employee (absolute URL)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("employee_id", help="The employee's ID (as in the organisation import).")
        parser.add_argument("--channel", default=FeedbackChannel.PHONE, help="centre, phone, email, video or chat.")
        parser.add_argument(
            "--card", action="store_true", help="Print the employee's stable printed-card link instead."
        )
        parser.add_argument("--language", choices=["ar", "en"], default="ar", help="The form's language.")
        parser.add_argument("--base-url", help="The portal's address (default: WAGTAILADMIN_BASE_URL).")

    def handle(self, *args, **options) -> None:
        employee = Employee.objects.filter(employee_id=options["employee_id"]).first()
        if employee is None:
            raise CommandError(
                _("No employee with the ID “%(employee_id)s”.") % {"employee_id": options["employee_id"]}
            )
        if options["channel"] not in FeedbackChannel.values:
            raise CommandError(
                _("Unknown channel “%(channel)s”: use one of %(channels)s.")
                % {"channel": options["channel"], "channels": ", ".join(FeedbackChannel.values)}
            )
        kind = CustomerFeedbackLink.Kind.CARD if options["card"] else CustomerFeedbackLink.Kind.SINGLE_USE
        try:
            link = customer_feedback_token(employee=employee, channel=options["channel"], kind=kind)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(customer_feedback_url(link, base_url=options["base_url"], language=options["language"]))
