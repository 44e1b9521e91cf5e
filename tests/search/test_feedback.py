""" "Was this helpful?" on every knowledge page: the form in the page's HTML, yes/no with an
optional comment, one answer per reader (session, or client address without one) and page,
a limit per client address and page, no session created per vote, clear messages in the
page's language, staff-only pages refused to anonymous readers, a JSON variant, and CSRF."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client

from knowledge.models import KnowledgePage
from search.forms import PageFeedbackForm
from search.models import PageFeedback
from tests.factories import create_faq
from tests.search.web_support import staff_user

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
AR_ACTION = "/search/feedback/"
EN_ACTION = "/en/search/feedback/"
JSON = {"Accept": "application/json"}


@pytest.fixture(autouse=True)
def clear_answer_counters():
    """The per-address answer counters live in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pages(site_tree):
    return {
        "ar": create_faq(site_tree["ar"].indexes["faq"], title="كيف أقدم شكوى؟", slug="complaint"),
        "en": create_faq(site_tree["en"].indexes["faq"], title="How do I complain?", slug="complaint"),
        "staff": create_faq(
            site_tree["ar"].indexes["faq"],
            title="إجراء داخلي",
            slug="internal",
            audience=KnowledgePage.AUDIENCE_STAFF,
        ),
    }


def feedback_box(response) -> BeautifulSoup | None:
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("#page-feedback")


def post(client, page, *, action=None, headers=None, **data):
    action = action or (EN_ACTION if page.locale.language_code == "en" else AR_ACTION)
    return client.post(action, {"page": page.pk, **data}, headers=headers or {})


# --- The form on the page -----------------------------------------------------------------


@pytest.mark.parametrize(("language", "action", "question"), [("ar", AR_ACTION, "هل"), ("en", EN_ACTION, "Was")])
def test_the_form_appears_on_knowledge_pages(client, pages, language, action, question):
    response = client.get(pages[language].get_url())
    assert response.status_code == 200
    box = feedback_box(response)
    assert box is not None
    assert box.select_one("h2").get_text().startswith(question)
    form = box.select_one("form")
    assert form["method"] == "post" and form["action"] == action
    assert form.select_one("input[name=page]")["value"] == str(pages[language].pk)
    assert sorted(radio["value"] for radio in form.select("input[type=radio][name=helpful]")) == ["no", "yes"]
    textarea = form.select_one("textarea[name=comment]")
    assert textarea["maxlength"] == str(PageFeedbackForm.MAX_COMMENT_LENGTH)
    # An anonymous reader's page is cached and shared: no token (nor cookie) in it; the
    # vote is checked by its origin instead (see the CSRF tests below).
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None


def test_the_form_appears_on_every_kind_of_knowledge_page(client, site_tree):
    from knowledge.models import AnnouncementPage, EtiquetteGuidePage, KnowledgeArticlePage, ServiceProcedurePage
    from tests.factories import create_page

    tree = site_tree["en"]
    for page_class, index in (
        (EtiquetteGuidePage, "guide"),
        (ServiceProcedurePage, "procedure"),
        (KnowledgeArticlePage, "article"),
        (AnnouncementPage, "announcement"),
    ):
        page = create_page(tree.indexes[index], page_class, title=f"A {page_class.__name__}")
        assert feedback_box(client.get(page.get_url())) is not None, page_class.__name__


def test_the_form_is_not_on_home_or_index_pages(client, pages, site_tree):
    assert feedback_box(client.get(site_tree["ar"].home.get_url())) is None
    assert feedback_box(client.get(site_tree["en"].indexes["faq"].get_url())) is None


# --- Recording answers --------------------------------------------------------------------


def test_posting_yes_with_a_comment_records_it(client, pages):
    response = post(client, pages["ar"], helpful="yes", comment="  واضح ومفيد  ")
    assert response.status_code == 302
    assert response["Location"] == pages["ar"].get_url() + "?feedback=thanks#page-feedback"
    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment, feedback.language) == (
        pages["ar"].pk,
        True,
        "واضح ومفيد",
        "ar",
    )


def test_posting_no_without_a_comment_records_it(client, pages):
    post(client, pages["en"], helpful="no")
    feedback = PageFeedback.objects.get()
    assert (feedback.helpful, feedback.comment, feedback.language) == (False, "", "en")


def test_after_posting_the_page_thanks_the_reader(client, pages):
    client.force_login(staff_user())
    response = post(client, pages["en"], helpful="yes")
    page = client.get(response["Location"].split("#")[0])
    assert "Thank you for your feedback." in feedback_box(page).get_text()
    # Shown once.
    again = client.get(pages["en"].get_url())
    assert "Thank you for your feedback." not in feedback_box(again).get_text()
    assert "You said this page was helpful." in feedback_box(again).get_text()


def test_posting_again_from_the_same_session_updates_the_answer(client, pages):
    post(client, pages["en"], helpful="yes", comment="Good")
    first = PageFeedback.objects.get()
    post(client, pages["en"], helpful="no", comment="Actually, the phone number is wrong")
    feedback = PageFeedback.objects.get()
    assert feedback.pk == first.pk
    assert (feedback.helpful, feedback.comment) == (False, "Actually, the phone number is wrong")


def test_the_same_answer_twice_is_still_one_answer(client, pages):
    post(client, pages["ar"], helpful="yes")
    post(client, pages["ar"], helpful="yes")
    assert PageFeedback.objects.count() == 1


def test_each_reader_and_each_page_has_its_own_answer(client, pages):
    post(client, pages["ar"], helpful="yes")
    post(client, pages["en"], helpful="no")
    post(Client(REMOTE_ADDR="198.51.100.7"), pages["ar"], helpful="no")
    assert PageFeedback.objects.filter(page=pages["ar"]).count() == 2
    assert PageFeedback.objects.filter(page=pages["en"]).count() == 1


def test_the_form_remembers_the_readers_answer(client, pages):
    client.force_login(staff_user())
    post(client, pages["en"], helpful="no", comment="Too long")
    client.get(pages["en"].get_url())  # shows the thanks once
    box = feedback_box(client.get(pages["en"].get_url()))
    assert box.select_one("input[name=helpful][value=no]").has_attr("checked")
    assert box.select_one("textarea[name=comment]").get_text() == "Too long"
    assert "You said this page was not helpful." in box.get_text()


def test_feedback_stores_no_session_key(client, pages):
    client.force_login(staff_user())
    post(client, pages["en"], helpful="yes")
    session_key = client.session.session_key
    assert session_key
    stored = " ".join(str(value) for value in PageFeedback.objects.values_list().get())
    assert session_key not in stored


# --- Invalid input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param({}, "helpful", id="missing-choice"),
        pytest.param({"helpful": "maybe"}, "helpful", id="unknown-choice"),
        pytest.param({"helpful": "yes", "comment": "x" * 2001}, "comment", id="comment-too-long"),
    ],
)
def test_invalid_input_is_refused_in_english_on_an_english_page(client, pages, data, field):
    response = post(client, pages["en"], headers=JSON, **data)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["field"] == field
    assert body["error"] and not ARABIC_LETTER.search(body["error"])
    assert PageFeedback.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param({}, "helpful", id="missing-choice"),
        pytest.param({"helpful": "yes", "comment": "ب" * 2001}, "comment", id="comment-too-long"),
    ],
)
def test_invalid_input_is_refused_in_arabic_on_an_arabic_page(client, pages, data, field):
    response = post(client, pages["ar"], headers=JSON, **data)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field
    assert ARABIC_LETTER.search(body["error"])
    assert PageFeedback.objects.count() == 0


def test_the_messages_say_what_to_do(client, pages):
    missing = post(client, pages["en"], headers=JSON).json()["error"]
    assert missing == "Choose yes or no."
    too_long = post(client, pages["en"], headers=JSON, helpful="no", comment="x" * 2001).json()["error"]
    assert too_long == "Keep the comment under 2000 characters."


def test_the_message_follows_the_page_not_the_address_it_was_posted_to(client, pages):
    english = post(client, pages["en"], action=AR_ACTION, headers=JSON).json()["error"]
    assert english == "Choose yes or no."
    arabic = post(client, pages["ar"], action=EN_ACTION, headers=JSON).json()["error"]
    assert ARABIC_LETTER.search(arabic)


def test_without_javascript_the_error_is_shown_on_the_page(client, pages):
    response = post(client, pages["en"], comment="x" * 2001, helpful="yes")
    assert response.status_code == 400
    box = feedback_box(response)
    assert box.select_one("[role=alert]").get_text(strip=True) == "Keep the comment under 2000 characters."
    # What the reader chose and typed is kept.
    assert box.select_one("input[name=helpful][value=yes]").has_attr("checked")
    assert box.select_one("textarea[name=comment]").get_text() == "x" * 2001
    assert PageFeedback.objects.count() == 0
    # The error belongs to that answer only.
    assert feedback_box(client.get(pages["en"].get_url())).select_one("[role=alert]") is None


def test_without_javascript_the_error_is_in_the_pages_language(client, pages):
    response = post(client, pages["ar"], action=EN_ACTION)
    assert response.status_code == 400
    assert ARABIC_LETTER.search(feedback_box(response).select_one("[role=alert]").get_text())


def test_a_comment_of_exactly_the_limit_is_accepted(client, pages):
    post(client, pages["en"], helpful="yes", comment="x" * PageFeedbackForm.MAX_COMMENT_LENGTH)
    assert len(PageFeedback.objects.get().comment) == PageFeedbackForm.MAX_COMMENT_LENGTH


# --- Which pages --------------------------------------------------------------------------


def test_anonymous_feedback_on_a_staff_only_page_is_refused(client, pages):
    assert post(client, pages["staff"], helpful="yes").status_code == 404
    assert post(client, pages["staff"], helpful="yes", headers=JSON).status_code == 404
    assert PageFeedback.objects.count() == 0


def test_staff_may_answer_on_staff_only_pages(client, pages):
    client.force_login(staff_user())
    assert post(client, pages["staff"], helpful="yes").status_code == 302
    assert PageFeedback.objects.get().page_id == pages["staff"].pk


@pytest.mark.parametrize("page_id", ["999999", "abc", ""])
def test_feedback_on_an_unknown_page_is_refused(client, pages, page_id):
    response = client.post(AR_ACTION, {"page": page_id, "helpful": "yes"})
    assert response.status_code == 404
    assert PageFeedback.objects.count() == 0


def test_feedback_on_a_page_that_is_not_a_knowledge_page_is_refused(client, pages, site_tree):
    response = client.post(AR_ACTION, {"page": site_tree["ar"].home.pk, "helpful": "yes"})
    assert response.status_code == 404


def test_feedback_on_an_unpublished_page_is_refused(client, pages):
    pages["en"].unpublish()
    assert post(client, pages["en"], helpful="yes").status_code == 404


def test_only_post_is_allowed(client, pages):
    assert client.get(AR_ACTION, {"page": pages["ar"].pk, "helpful": "yes"}).status_code == 405


# --- JSON -----------------------------------------------------------------------------------


def test_the_json_variant_answers_json(client, pages):
    response = post(client, pages["en"], helpful="yes", headers=JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"ok": True, "message": "Thank you for your feedback."}
    assert PageFeedback.objects.get().helpful is True


def test_the_json_variant_thanks_in_arabic_on_an_arabic_page(client, pages):
    message = post(client, pages["ar"], helpful="yes", headers=JSON).json()["message"]
    assert ARABIC_LETTER.search(message)


def test_the_json_variant_is_idempotent_too(client, pages):
    post(client, pages["ar"], helpful="yes", headers=JSON)
    post(client, pages["ar"], helpful="no", headers=JSON)
    assert list(PageFeedback.objects.values_list("helpful", flat=True)) == [False]


# --- CSRF -----------------------------------------------------------------------------------


def test_feedback_without_a_csrf_token_is_refused(pages):
    client = Client(enforce_csrf_checks=True)
    client.get(pages["en"].get_url())
    response = client.post(EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"})
    assert response.status_code == 403
    assert PageFeedback.objects.count() == 0


def test_an_anonymous_vote_from_the_portals_own_origin_is_accepted_without_a_cookie(pages):
    client = Client(enforce_csrf_checks=True)
    client.get(pages["en"].get_url())
    response = client.post(EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 302
    assert set(response.cookies) == set()
    assert PageFeedback.objects.count() == 1


def test_the_json_variant_needs_the_portals_origin_too(pages):
    client = Client(enforce_csrf_checks=True)
    client.get(pages["en"].get_url())
    response = client.post(EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"}, headers=JSON)
    assert response.status_code == 403
    response = client.post(
        EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"}, headers={**JSON, "Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    response = client.post(
        EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"}, headers={**JSON, "Origin": "http://testserver"}
    )
    assert response.status_code == 200


# --- Anonymous votes: no session, one answer and a limit per client address and page ----------


def test_an_anonymous_vote_creates_no_session_and_sets_no_cookie(client, pages):
    from django.contrib.sessions.models import Session

    for headers, status in (({}, 302), (JSON, 200)):
        response = post(client, pages["en"], helpful="yes", headers=headers)
        assert response.status_code == status
        assert not response.cookies, response.cookies
        assert "Set-Cookie" not in str(response.serialize_headers())
    assert Session.objects.count() == 0
    assert "sessionid" not in client.cookies


def test_fresh_sessions_from_one_address_give_one_answer(pages):
    for helpful in ("yes", "no", "yes"):
        assert post(Client(REMOTE_ADDR="203.0.113.5"), pages["en"], helpful=helpful).status_code == 302
    feedback = PageFeedback.objects.get()
    assert feedback.helpful is True


def test_answers_per_address_and_page_are_limited(settings, pages):
    settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS = 3
    statuses = [
        post(Client(REMOTE_ADDR="203.0.113.5"), pages["en"], helpful="yes", headers=JSON).status_code
        for _attempt in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    refused = post(Client(REMOTE_ADDR="203.0.113.5"), pages["en"], helpful="no", headers=JSON)
    assert refused.json() == {
        "ok": False,
        "error": "You have already answered for this page. Thank you.",
        "field": None,
    }
    assert PageFeedback.objects.get().helpful is True
    # Another page, and another address, have their own allowance.
    assert post(Client(REMOTE_ADDR="203.0.113.5"), pages["ar"], helpful="yes", headers=JSON).status_code == 200
    assert post(Client(REMOTE_ADDR="203.0.113.6"), pages["en"], helpful="no", headers=JSON).status_code == 200
    assert PageFeedback.objects.count() == 3


def test_the_limit_is_shown_on_the_page_without_javascript(settings, pages):
    settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS = 1
    assert post(Client(), pages["ar"], helpful="yes").status_code == 302
    response = post(Client(), pages["ar"], helpful="no")
    assert response.status_code == 429
    alert = feedback_box(response).select_one("[role=alert]").get_text(strip=True)
    assert alert == "لقد أجبت عن هذه الصفحة من قبل. شكرًا لك."


def test_a_forged_forwarded_header_does_not_buy_more_answers(settings, pages):
    settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS = 2
    statuses = [
        post(
            Client(REMOTE_ADDR="203.0.113.5"),
            pages["en"],
            helpful="yes",
            headers={**JSON, "X-Forwarded-For": f"10.0.0.{n}"},
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert PageFeedback.objects.count() == 1


def test_behind_a_trusted_proxy_the_forwarded_client_address_counts(settings, pages):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = Client(**proxy).post(
        EN_ACTION, {"page": pages["en"].pk, "helpful": "yes"}, headers={**JSON, "X-Forwarded-For": "203.0.113.5"}
    )
    second = Client(**proxy).post(
        EN_ACTION, {"page": pages["en"].pk, "helpful": "no"}, headers={**JSON, "X-Forwarded-For": "203.0.113.6"}
    )
    again = Client(**proxy).post(
        EN_ACTION,
        {"page": pages["en"].pk, "helpful": "no"},
        headers={**JSON, "X-Forwarded-For": "6.6.6.6, 203.0.113.5"},
    )
    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)
    assert sorted(PageFeedback.objects.values_list("helpful", flat=True)) == [False, True]


def test_signed_in_readers_are_not_limited_by_a_shared_office_address(settings, pages):
    settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS = 1
    for _colleague in range(3):
        client = Client(REMOTE_ADDR="192.0.2.10")
        client.force_login(staff_user())
        assert post(client, pages["en"], helpful="yes", headers=JSON).status_code == 200
    assert PageFeedback.objects.count() == 3


def test_the_stored_key_does_not_reveal_the_address(pages):
    post(Client(REMOTE_ADDR="203.0.113.77"), pages["en"], helpful="yes", comment="ok")
    stored = " ".join(str(value) for value in PageFeedback.objects.values_list().get())
    assert "203.0.113.77" not in stored


def test_an_address_never_shows_someone_elses_answer(pages):
    post(Client(REMOTE_ADDR="203.0.113.5"), pages["en"], helpful="no", comment="My private remark")
    box = feedback_box(Client(REMOTE_ADDR="203.0.113.5").get(pages["en"].get_url()))
    assert "My private remark" not in box.get_text()
    assert "You said" not in box.get_text()
