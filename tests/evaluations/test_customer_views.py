"""The customer's public form (both languages, no cookie, one response per link) and the
staff screens (the counter's "next customer" screen, the printed card)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from evaluations.customer_feedback import client_fingerprint_for
from evaluations.customer_forms import form_nonce_for, is_valid_form_nonce
from evaluations.models import CustomerFeedbackLink, CustomerRating
from tests.evaluations.customer_factories import FrontLineEmployeeFactory, feedback_link
from tests.factories import UserFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


#: Limits that refuse an address's second submission within the hour.
ONE_SUBMISSION_PER_ADDRESS = {
    "link_attempts_per_hour": 10,
    "employee_per_hour": 100,
    "address_per_hour": 1,
    "card_address_per_employee_per_day": 1,
    "card_per_employee_per_day": 100,
}


def answers(link, **changes) -> dict:
    return {"nonce": form_nonce_for(link.token), "overall": "4", "respect": "5", "time": "", "comment": "", **changes}


def test_the_form_opens_in_arabic_without_a_prefix_and_sets_no_cookie(client):
    link = feedback_link()
    response = client.get(f"/feedback/{link.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "بوجه عام، ما مدى رضاكم عن الخدمة التي تلقيتموها؟" in html
    assert link.employee.name_ar in html
    assert "Set-Cookie" not in str(response.cookies) and not response.cookies
    assert "<fieldset" in html and "<legend" in html and 'type="radio"' in html


def _comparable(html: str) -> str:
    """The page with its nonce's value blanked (the nonce is signed with the time) and its
    digits Western (the Arabic page's digits are converted on the way out)."""
    html = re.sub(r'name="nonce" value="[^"]+"', 'name="nonce" value=""', html)
    return html.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_each_customer_gets_the_page_the_template_renders_for_their_own_link(client, prefix):
    """The empty form's page is rendered once per language and filled in for each customer
    (``_blank_form_page``): byte for byte what the template gives for that customer, with
    their own token, nonce and employee (the name escaped), never another customer's."""
    from django.shortcuts import render
    from django.test import RequestFactory
    from django.utils import translation

    from evaluations.customer_views import FORM_TEMPLATE, TOKEN_MARK, _blank_form_page, _blank_rating_fields

    first = feedback_link(FrontLineEmployeeFactory(name_ar="سارة <b>&", name_en="Sara <b>&"))
    second = feedback_link(FrontLineEmployeeFactory(name_ar="خالد", name_en="Khalid"))
    language = "en" if prefix else "ar"
    pages = {}
    for link in (first, second):
        response = client.get(f"{prefix}/feedback/{link.token}/")
        assert response.status_code == 200
        pages[link.token] = html = response.content.decode()
        request = RequestFactory().get(f"{prefix}/feedback/{link.token}/")
        with translation.override(language):
            expected = render(
                request,
                FORM_TEMPLATE,
                {
                    "form": None,
                    "blank_fields": _blank_rating_fields(language),
                    "nonce": "x",
                    "employee_name": link.employee.localized_name(language),
                    "action": request.path,
                },
            ).content.decode()
        assert _comparable(html) == _comparable(expected)
        nonce = re.search(r'name="nonce" value="([^"]+)"', html).group(1)
        assert is_valid_form_nonce(nonce, token=link.token)
    assert "Sara &lt;b&gt;&amp;" in pages[first.token] or "سارة &lt;b&gt;&amp;" in pages[first.token]
    assert "<b>&" not in pages[first.token]
    assert first.token not in pages[second.token] and "Sara" not in pages[second.token]
    assert "سارة" not in pages[second.token]
    # The pages came from one copy rendered for the language and address shape.
    copy = _blank_form_page(language, f"{prefix}/feedback/{TOKEN_MARK}/", "testserver")
    assert copy is not None and copy.count(TOKEN_MARK) >= 2  # the form's address and the language switch
    # A query string (the language switch keeps it) takes the template's own way.
    with_query = client.get(f"{prefix}/feedback/{second.token}/?from=sms")
    assert with_query.status_code == 200
    assert f"/feedback/{second.token}/?from=sms" in with_query.content.decode()


def test_the_form_opens_in_english_under_en(client):
    link = feedback_link()
    response = client.get(f"/en/feedback/{link.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en" dir="ltr"' in html
    assert "Overall, how satisfied are you with the service you received?" in html
    assert link.employee.name_en in html


def test_submitting_saves_the_rating_and_shows_the_thank_you_page(client):
    link = feedback_link()
    response = client.post(f"/en/feedback/{link.token}/", answers(link, comment="Quick and kind"))
    assert response.status_code == 303
    assert response["Location"] == "/en/feedback/thanks/"
    assert not response.cookies
    rating = CustomerRating.objects.get(link=link)
    assert (rating.overall, rating.respect, rating.time, rating.comment, rating.language) == (
        4,
        5,
        None,
        "Quick and kind",
        "en",
    )
    assert len(rating.client_fingerprint) == 32 and "127.0.0.1" not in rating.client_fingerprint
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Thank you for your rating" in thanks.content.decode()


def test_a_replay_of_the_same_post_is_thanked_and_saves_nothing_more(client):
    link = feedback_link()
    assert client.post(f"/feedback/{link.token}/", answers(link)).status_code == 303
    replay = client.post(f"/feedback/{link.token}/", answers(link, overall="1"))
    assert replay.status_code == 200
    assert "وصلنا تقييمكم من قبل" in replay.content.decode()
    assert CustomerRating.objects.filter(link=link).count() == 1
    assert CustomerRating.objects.get(link=link).overall == 4
    assert client.get(f"/feedback/{link.token}/").status_code == 200


def test_an_unknown_link_gets_a_polite_404_in_the_customers_language(client):
    response = client.get("/en/feedback/not-a-real-token/")
    assert response.status_code == 404
    assert "We could not find this feedback link" in response.content.decode()
    arabic = client.post("/feedback/not-a-real-token/", {"overall": "3"})
    assert arabic.status_code == 404
    assert "لم نعثر على رابط التقييم" in arabic.content.decode()


def test_an_expired_link_gets_a_polite_410(client):
    link = feedback_link()
    CustomerFeedbackLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(f"/feedback/{link.token}/", answers(link))
    assert response.status_code == 410
    assert "انتهت صلاحية رابط التقييم" in response.content.decode()
    assert not CustomerRating.objects.exists()


def test_a_missing_overall_answer_is_explained_in_the_form(client):
    link = feedback_link()
    response = client.post(f"/feedback/{link.token}/", answers(link, overall=""))
    assert response.status_code == 400
    assert "يُرجى اختيار مدى رضاكم العام، من 1 إلى 5." in response.content.decode()
    assert not CustomerRating.objects.exists()


def test_an_out_of_range_answer_is_refused(client):
    link = feedback_link()
    response = client.post(f"/en/feedback/{link.token}/", answers(link, overall="9"))
    assert response.status_code == 400
    assert not CustomerRating.objects.exists()


def test_a_post_without_the_forms_signed_nonce_is_refused(client):
    link = feedback_link()
    other = feedback_link()
    for nonce in ("", "forged", form_nonce_for(other.token)):
        response = client.post(f"/en/feedback/{link.token}/", answers(link, nonce=nonce))
        assert response.status_code == 400
        assert "This form was open too long" in response.content.decode()
    assert not CustomerRating.objects.exists()


@override_settings(CUSTOMER_FEEDBACK_LIMITS=ONE_SUBMISSION_PER_ADDRESS)
def test_a_submission_over_the_limit_gets_a_polite_429(client):
    first, second = feedback_link(), feedback_link()
    assert client.post(f"/en/feedback/{first.token}/", answers(first)).status_code == 303
    response = client.post(f"/en/feedback/{second.token}/", answers(second))
    assert response.status_code == 429
    assert "please try again later" in response.content.decode()
    assert CustomerRating.objects.count() == 1


@override_settings(
    TRUSTED_PROXY_COUNT=1,
    CUSTOMER_FEEDBACK_LIMITS=ONE_SUBMISSION_PER_ADDRESS,
)
def test_behind_a_trusted_proxy_the_limits_and_the_fingerprint_follow_the_customers_address(client):
    """Customers behind the reverse proxy all reach the portal from its address: the limits
    and the anti-gaming fingerprint key on the customer's address the proxy forwarded
    (portal.client), never on the proxy's, nor on what the customer wrote before it."""
    links = [feedback_link() for _ in range(4)]
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert (
        client.post(
            f"/en/feedback/{links[0].token}/", answers(links[0]), **proxy, HTTP_X_FORWARDED_FOR="192.0.2.1"
        ).status_code
        == 303
    )
    assert (
        client.post(
            f"/en/feedback/{links[1].token}/", answers(links[1]), **proxy, HTTP_X_FORWARDED_FOR="192.0.2.2"
        ).status_code
        == 303
    )
    # The same customer again, whatever they claim further left: over their limit.
    response = client.post(
        f"/en/feedback/{links[2].token}/", answers(links[2]), **proxy, HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.1"
    )
    assert response.status_code == 429
    fingerprints = list(CustomerRating.objects.order_by("pk").values_list("client_fingerprint", flat=True))
    assert fingerprints == [client_fingerprint_for("192.0.2.1"), client_fingerprint_for("192.0.2.2")]


@override_settings(
    TRUSTED_PROXY_COUNT=0,
    CUSTOMER_FEEDBACK_LIMITS=ONE_SUBMISSION_PER_ADDRESS,
)
def test_with_no_trusted_proxy_a_forwarded_address_is_ignored(client):
    first, second = feedback_link(), feedback_link()
    assert (
        client.post(f"/en/feedback/{first.token}/", answers(first), HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 303
    )
    response = client.post(f"/en/feedback/{second.token}/", answers(second), HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert response.status_code == 429
    assert CustomerRating.objects.get().client_fingerprint == client_fingerprint_for("127.0.0.1")


def test_a_printed_card_takes_one_rating_per_address_per_day(client):
    card = feedback_link(kind="card")
    assert client.post(f"/feedback/{card.token}/", answers(card)).status_code == 303
    assert client.get(f"/feedback/{card.token}/").status_code == 200
    assert client.post(f"/feedback/{card.token}/", answers(card)).status_code == 429
    assert CustomerRating.objects.filter(card=card).count() == 1


# --- Staff screens ---------------------------------------------------------------------


def front_line_user():
    user = UserFactory(roles=["Staff"])
    employee = FrontLineEmployeeFactory(user=user)
    return user, employee


def test_the_next_customer_screen_needs_sign_in(client):
    response = client.get("/en/customer-feedback/next/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_the_next_customer_screen_is_only_for_front_line_employees(client):
    user = UserFactory(roles=["Staff"])
    FrontLineEmployeeFactory(user=user, front_line=False)
    client.force_login(user)
    assert client.get("/en/customer-feedback/next/").status_code == 403
    assert client.post("/en/customer-feedback/next/issue/").status_code == 403
    assert not CustomerFeedbackLink.objects.exists()


def test_next_customer_issues_a_fresh_single_use_link_shown_as_an_inline_qr_code(client):
    user, employee = front_line_user()
    client.force_login(user)
    empty = client.get("/en/customer-feedback/next/")
    assert empty.status_code == 200
    assert "qr-code" not in empty.content.decode()
    issued = client.post("/en/customer-feedback/next/issue/")
    assert issued.status_code == 303
    link = CustomerFeedbackLink.objects.get(employee=employee)
    assert (link.kind, link.channel, link.origin) == ("single_use", "centre", "counter")
    screen = client.get("/en/customer-feedback/next/").content.decode()
    assert 'class="qr-code" role="img"' in screen and f"http://testserver/en/feedback/{link.token}/" in screen
    client.post("/en/customer-feedback/next/issue/")
    newer = CustomerFeedbackLink.objects.filter(employee=employee).latest("created_at", "pk")
    assert newer != link
    assert newer.token in client.get("/en/customer-feedback/next/").content.decode()


def test_the_screen_moves_on_once_the_customer_has_rated(client):
    user, employee = front_line_user()
    client.force_login(user)
    client.post("/en/customer-feedback/next/issue/")
    link = CustomerFeedbackLink.objects.get(employee=employee)
    client.logout()
    client.post(f"/feedback/{link.token}/", answers(link))
    client.force_login(user)
    assert link.token not in client.get("/en/customer-feedback/next/").content.decode()


def test_a_front_line_employee_prints_their_own_stable_card(client):
    user, employee = front_line_user()
    client.force_login(user)
    first = client.get("/en/customer-feedback/card/")
    assert first.status_code == 200
    card = CustomerFeedbackLink.objects.cards().get(employee=employee)
    assert card.token in first.content.decode() and 'class="qr-code" role="img"' in first.content.decode()
    client.get("/en/customer-feedback/card/")
    assert CustomerFeedbackLink.objects.cards().filter(employee=employee).count() == 1


def test_another_employees_card_is_not_shown_to_a_colleague(client):
    user, _employee = front_line_user()
    colleague = FrontLineEmployeeFactory()
    client.force_login(user)
    assert client.get(f"/en/customer-feedback/card/{colleague.employee_id}/").status_code == 404
    assert not CustomerFeedbackLink.objects.cards().filter(employee=colleague).exists()


def test_hr_of_the_agency_prints_an_employees_card(client):
    employee = FrontLineEmployeeFactory()
    hr_user = UserFactory(roles=["HR"])
    FrontLineEmployeeFactory(user=hr_user, unit__agency=employee.unit.agency, front_line=False)
    give_totp(hr_user)
    client.force_login(hr_user)
    response = client.get(f"/en/customer-feedback/card/{employee.employee_id}/")
    assert response.status_code == 200
    assert CustomerFeedbackLink.objects.cards().get(employee=employee).token in response.content.decode()


def test_hr_of_another_agency_gets_no_card(client):
    employee = FrontLineEmployeeFactory()
    hr_user = UserFactory(roles=["HR"])
    FrontLineEmployeeFactory(user=hr_user, front_line=False)
    give_totp(hr_user)
    client.force_login(hr_user)
    assert client.get(f"/en/customer-feedback/card/{employee.employee_id}/").status_code == 404
