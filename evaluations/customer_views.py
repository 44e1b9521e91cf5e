"""Customer feedback pages: the public short form (no sign-in, no cookie), its thank-you
page, the front-line employee's "next customer" screen and the printed card."""

from __future__ import annotations

import functools
import re

import segno
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from portal.client import client_address

from . import customer_feedback, customer_permissions, customer_selectors
from .customer_feedback import CustomerFeedbackRejected
from .customer_forms import CustomerRatingForm, form_nonce_for, is_valid_form_nonce
from .models import CustomerFeedbackLink, Employee, FeedbackChannel

FORM_TEMPLATE = "evaluations/customer/feedback_form.html"
NOTICE_TEMPLATE = "evaluations/customer/feedback_notice.html"
FIELDS_TEMPLATE = "evaluations/customer/rating_fields.html"

REJECTION_STATUS = {
    CustomerFeedbackRejected.UNKNOWN: 404,
    CustomerFeedbackRejected.EXPIRED: 410,
    CustomerFeedbackRejected.UNAVAILABLE: 410,
    CustomerFeedbackRejected.RATE_LIMITED: 429,
}


def _notice(request: HttpRequest, *, title: str, message: str, status: int, tone: str = "info") -> HttpResponse:
    return render(request, NOTICE_TEMPLATE, {"title": title, "message": message, "tone": tone}, status=status)


def _rejected(request: HttpRequest, rejection: CustomerFeedbackRejected) -> HttpResponse:
    return _notice(
        request,
        title=_("We could not take your rating"),
        message=rejection.message,
        status=REJECTION_STATUS[rejection.reason],
        tone="warning",
    )


def _already_received(request: HttpRequest) -> HttpResponse:
    return _notice(
        request,
        title=_("Your rating has already been received"),
        message=_("Thank you: we have your rating for this visit. There is nothing more to do."),
        status=200,
        tone="success",
    )


#: Stand-ins for what differs between two customers' empty forms (their link's token, in
#: the form's address and the language switch; its signed nonce; the employee's name): a
#: token's shape, and characters no page holds (Unicode's private use area).
TOKEN_MARK = "tamayuzTokenMarkQx7"  # noqa: S105 - a stand-in, not a secret
NONCE_MARK = "\ue000nonce\ue000"
NAME_MARK = "\ue000employee\ue000"
#: Tokens as the portal issues them (URL-safe base64): the same in a path and in HTML.
PLAIN_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}")


@functools.cache
def _blank_rating_fields(language: str) -> str:
    """The empty form's questions in ``language``: the same for every customer, so rendered
    once per language and process (in memory: a copy in the shared cache would cost a round
    trip to Redis on every customer's page)."""
    with translation.override(language):
        return mark_safe(render_to_string(FIELDS_TEMPLATE, {"form": CustomerRatingForm()}))  # noqa: S308


def _form_page(
    request: HttpRequest, *, link: CustomerFeedbackLink, form: CustomerRatingForm | None, status: int = 200
) -> HttpResponse:
    """The form for ``link``: ``form`` with the customer's answers and errors, or ``None``
    for an empty one (``_blank_form_page``, when the address is a plain one)."""
    language = get_language()
    nonce = form_nonce_for(link.token)
    employee_name = link.employee.localized_name(language)
    if form is None and not request.META.get("QUERY_STRING") and PLAIN_TOKEN.fullmatch(link.token):
        page = _blank_form_page(language, request.path.replace(link.token, TOKEN_MARK), request.get_host())
        if page is not None:
            content = page.replace(TOKEN_MARK, link.token).replace(NONCE_MARK, escape(nonce))
            return HttpResponse(content.replace(NAME_MARK, escape(employee_name)), status=status)
    context = {
        "form": form,
        "blank_fields": _blank_rating_fields(language) if form is None else "",
        "nonce": nonce,
        "employee_name": employee_name,
        "action": request.path,
    }
    return render(request, FORM_TEMPLATE, context, status=status)


@functools.lru_cache(maxsize=32)
def _blank_form_page(language: str, path: str, host: str) -> str | None:
    """The empty form's whole page in ``language`` at ``path`` (with ``TOKEN_MARK`` for the
    token), with the stand-ins above for the rest: rendered once per language, address
    shape and host in the process, and filled in for each customer (the template, its
    translations and its URLs do not change while the process runs). ``None`` if the page
    does not hold each stand-in where the template puts it: then every page is rendered."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = path
    request.META = {"HTTP_HOST": host, "SERVER_NAME": host.partition(":")[0], "SERVER_PORT": "80"}
    with translation.override(language):
        page = render_to_string(
            FORM_TEMPLATE,
            {
                "form": None,
                "blank_fields": _blank_rating_fields(language),
                "nonce": NONCE_MARK,
                "employee_name": NAME_MARK,
                "action": path,
            },
            request=request,
        )
    if page.count(NONCE_MARK) != 1 or page.count(NAME_MARK) != 1 or TOKEN_MARK not in page:
        return None
    return page


@csrf_exempt  # protected by the signed per-link nonce instead: see evaluations/customer_forms.py
@never_cache
@require_http_methods(["GET", "POST"])
def customer_feedback_form(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "GET":
        return _open_link(request, token=token, form=None)
    form = CustomerRatingForm(data=request.POST)
    if not is_valid_form_nonce(request.POST.get("nonce", ""), token=token):
        form.is_valid()
        form.add_error(None, _("This form was open too long. Please check your answers and send them again."))
        return _open_link(request, token=token, form=form, status=400)
    if not form.is_valid():
        return _open_link(request, token=token, form=form, status=400)
    # The usual path reads the link once, in the service.
    answers = {name: form.cleaned_data[name] for name in ("overall", *CustomerRatingForm.DIMENSIONS, "comment")}
    try:
        outcome = customer_feedback.submit_customer_rating(
            token=token,
            **answers,
            language=get_language() or "",
            client_fingerprint=customer_feedback.client_fingerprint_for(client_address(request)),
        )
    except CustomerFeedbackRejected as rejection:
        return _rejected(request, rejection)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _open_link(request, token=token, form=form, status=400)
    if outcome.already_received:
        return _already_received(request)
    return HttpResponseRedirect(reverse("customer_feedback:thanks"), status=303)


def _open_link(request: HttpRequest, *, token: str, form: CustomerRatingForm | None, status: int = 200) -> HttpResponse:
    """The form for ``token``, or the polite page saying why it cannot be used."""
    try:
        link = customer_feedback.usable_feedback_link(token=token)
    except CustomerFeedbackRejected as rejection:
        return _rejected(request, rejection)
    if link.used_at is not None:
        return _already_received(request)
    return _form_page(request, link=link, form=form, status=status)


def customer_feedback_thanks(request: HttpRequest) -> HttpResponse:
    return _notice(
        request,
        title=_("Thank you for your rating"),
        message=_("Your answers help us serve you better. You can close this page."),
        status=200,
        tone="success",
    )


# --- Staff: the counter's "next customer" screen and the printed card -------------------


def qr_code_svg(url: str, *, label: str) -> str:
    """The QR code of ``url`` as inline SVG (no image library, no request leaves the page)."""
    svg = segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#000", light="#fff", omitsize=True)
    return format_html('<div class="qr-code" role="img" aria-label="{}">{}</div>', label, mark_safe(svg))  # noqa: S308


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return _notice(request, title=_("This page is not available to you"), message=message, status=403, tone="warning")


@login_required
@never_cache
def next_customer(request: HttpRequest) -> HttpResponse:
    employee = customer_permissions.counter_employee_for(request.user)
    if employee is None:
        return _forbidden(
            request, _("The next-customer screen is for front-line employees signed in with their own account.")
        )
    link = customer_selectors.current_counter_link(employee=employee)
    context = {"employee": employee, "link": link}
    if link is not None:
        url = customer_feedback.customer_feedback_url(
            link, base_url=request.build_absolute_uri("/"), language=get_language()
        )
        context.update({"url": url, "qr": qr_code_svg(url, label=_("QR code of the feedback link for this customer"))})
    return render(request, "evaluations/customer/next_customer.html", context)


@login_required
@require_POST
def issue_next_customer_link(request: HttpRequest) -> HttpResponse:
    employee = customer_permissions.counter_employee_for(request.user)
    if employee is None:
        return _forbidden(
            request, _("The next-customer screen is for front-line employees signed in with their own account.")
        )
    channel = request.POST.get("channel") or FeedbackChannel.CENTRE
    if channel not in FeedbackChannel.values:
        channel = FeedbackChannel.CENTRE
    customer_feedback.customer_feedback_token(
        employee=employee, channel=channel, origin=CustomerFeedbackLink.Origin.COUNTER
    )
    return HttpResponseRedirect(reverse("customer_feedback:next_customer"), status=303)


@login_required
@never_cache
def feedback_card(request: HttpRequest, employee_id: str | None = None) -> HttpResponse:
    if employee_id is None:
        employee = customer_permissions.counter_employee_for(request.user)
        if employee is None:
            return _forbidden(request, _("Printed feedback cards are for front-line employees."))
    else:
        employee = get_object_or_404(Employee.objects.select_related("unit__agency"), employee_id=employee_id)
    if not customer_permissions.can_print_card_for(request.user, employee):
        raise Http404(_("That employee's card is not available."))
    card = customer_feedback.customer_feedback_token(employee=employee, kind=CustomerFeedbackLink.Kind.CARD)
    url = customer_feedback.customer_feedback_url(
        card, base_url=request.build_absolute_uri("/"), language=get_language()
    )
    context = {
        "employee": employee,
        "url": url,
        "qr": qr_code_svg(url, label=_("QR code of this employee's feedback card")),
    }
    return render(request, "evaluations/customer/feedback_card.html", context)
