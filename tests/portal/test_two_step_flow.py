"""The sign-in and two-step verification flow as people meet it: no redirect loops for any
role, a plain refusal of the editing area, the reader's language kept, the password not asked
again right after it was typed, codes in any digits, one Arabic vocabulary, and the way back
to the page they wanted."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from bs4 import BeautifulSoup
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages

from knowledge.models import FAQPage
from portal.forms import western_digits
from tests.factories import UserFactory, create_faq, give_totp
from tests.portal.test_accounts import PASSWORD, account, sign_in, totp_code

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def main_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").find("main").get_text(" ", strip=True)


@pytest.fixture
def staff_page(site_tree) -> FAQPage:
    return create_faq(site_tree["ar"].indexes["faq"], title="إجراء داخلي", audience="staff")


# --- no loops, and a plain refusal of the editing area --------------------------------------------

ROLES = ["Staff", "Editors", "Reviewers", "HR", "Leadership", "superuser"]
EDITING_ROLES = {"Editors", "Reviewers", "superuser"}


def member(role: str):
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    return UserFactory(roles=[role])


def expected_status(role: str | None, url: str) -> int:
    if role is None:
        return 200  # the sign-in page, at the end of one redirect chain
    if url.startswith("/django-admin/"):
        return 200 if role == "superuser" else 403
    if "admin/" in url:
        return 200 if role in EDITING_ROLES else 403
    return 200


URLS = [
    "/admin/",
    "/admin/pages/",
    "/accounts/login/?next=/admin/",
    "/en/accounts/login/?next=/admin/",
    "/django-admin/",
    "/accounts/login/",
    "/accounts/2fa/",
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/logout/",
    "/en/accounts/2fa/",
    "STAFF_PAGE",
]


@pytest.mark.parametrize("role", [None, *ROLES])
def test_no_route_loops_for_any_role(client, db, staff_page, role):
    """Every role (and a visitor) against the admin, the accounts pages and a staff-only page:
    redirects are followed (the test client stops at a cycle or after 20) to one exact status."""
    if role is not None:
        client.force_login(member(role))
    for url in URLS:
        url = staff_page.url if url == "STAFF_PAGE" else url
        response = client.get(url, follow=True)
        assert response.status_code == expected_status(role, url), (role, url, response.redirect_chain)
        assert len(response.redirect_chain) <= 3, (role, url, response.redirect_chain)


def test_staff_opening_the_admin_get_a_page_saying_so_in_arabic(client, db):
    user = account(roles=["Staff"], full_name_ar="سلمان خالد")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 403
    text = main_text(response)
    assert "ليست لديك صلاحية الدخول إلى منطقة التحرير" in text
    assert "سلمان خالد" in text
    html = response.content.decode()
    assert 'lang="ar"' in html
    assert 'href="/"' in html  # the way back
    assert 'action="/accounts/logout/"' in html


def test_the_editing_area_refusal_follows_the_readers_language(client, db):
    client.force_login(account(roles=["Staff"]))
    client.cookies["tamayuz_language"] = "en"
    response = client.get("/admin/pages/")
    assert response.status_code == 403
    assert "You have no access to the editing area" in main_text(response)
    assert 'href="/en/"' in response.content.decode()


def test_hr_after_setting_up_two_step_verification_is_refused_the_admin_without_a_loop(client, db):
    user = account(roles=["HR"])
    response = sign_in(client, user.username)
    response = client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/2fa/totp/activate/?required=1"
    secret = client.session[SECRET_SESSION_KEY]
    client.post("/accounts/2fa/totp/activate/?required=1", {"code": totp_code(secret)})
    response = client.get("/accounts/login/?next=/admin/", follow=True)
    assert response.status_code == 403
    assert [url for url, _ in response.redirect_chain] == ["/admin/"]


def test_the_editing_area_refusal_follows_the_page_the_reader_came_from(client, db):
    client.force_login(account(roles=["HR"]))
    response = client.get("/admin/", headers={"Referer": "http://testserver/en/search/"})
    assert response.status_code == 403
    assert "You have no access to the editing area" in main_text(response)


def test_django_admin_refuses_editors_with_a_page_not_a_loop(client, db):
    client.force_login(member("Editors"))
    response = client.get("/django-admin/")
    assert response.status_code == 403
    assert "ليست لديك صلاحية الدخول إلى منطقة التحرير" in main_text(response)


# --- who must use two-step verification -----------------------------------------------------------


@pytest.mark.parametrize("role", ["Editors", "Reviewers", "HR", "Leadership"])
def test_publishing_and_personal_data_roles_must_set_up_two_step_verification(client, db, role):
    user = account(roles=[role])
    sign_in(client, user.username)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/?required=1"


# --- the flow: language, no second password, explanation, the way back ---------------------------


def test_sign_in_greets_by_full_name_in_arabic(client, db):
    account(username="fatima", roles=["Staff"], full_name_ar="فاطمة علي", full_name_en="Fatima Ali")
    response = sign_in(client, "fatima")
    assert response["Location"] == "/"
    assert [str(message) for message in get_messages(response.wsgi_request)] == ["مرحبًا بك، فاطمة علي."]


def test_signing_in_from_english_stays_english(client, db):
    account(username="fatima", roles=["Staff"], full_name_ar="فاطمة علي", full_name_en="Fatima Ali")
    response = sign_in(client, "fatima", prefix="/en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    page = client.get("/en/")
    assert page.status_code == 200
    assert "Welcome, Fatima Ali." in page.content.decode()


def test_two_step_setup_keeps_english_explains_and_returns_to_the_page_wanted(client, db, site_tree):
    user = account(roles=["Leadership"])
    wanted = "/en/search/?q=charter"
    response = client.post("/en/accounts/login/", {"login": user.username, "password": PASSWORD, "next": wanted})
    assert response["Location"] == wanted
    response = client.get(wanted)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/?required=1"
    setup = client.get(response["Location"])
    # Not asked for the password again: the sign-in seconds ago counts.
    assert setup.status_code == 200
    html = setup.content.decode()
    assert 'lang="en"' in html
    text = main_text(setup)
    assert "Your role needs two-step verification" in text
    assert "a stolen password alone is not enough" in text
    code_input = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "code"})
    assert code_input["inputmode"] == "numeric"
    assert code_input["autocomplete"] == "one-time-code"
    cancel = BeautifulSoup(html, "html.parser").find("button", attrs={"form": "cancel-two-step-setup"})
    assert cancel["class"] == ["button", "button--secondary"]

    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post("/en/accounts/2fa/totp/activate/?required=1", {"code": totp_code(secret)})
    assert activated.status_code == 302
    assert activated["Location"] == "/en/accounts/2fa/recovery-codes/"
    codes = client.get(activated["Location"])
    assert codes.status_code == 200
    assert 'lang="en"' in codes.content.decode()
    continue_link = BeautifulSoup(codes.content, "html.parser").find("a", attrs={"data-two-step-continue": True})
    assert continue_link["href"] == wanted
    # The session that set it up is verified: no second code asked right after.
    assert client.get(wanted).status_code == 200


def test_the_password_is_asked_again_once_the_sign_in_is_no_longer_recent(client, db, settings):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    user = account(roles=["HR"])
    sign_in(client, user.username)
    response = client.get("/accounts/2fa/totp/activate/?required=1")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/?next=")
    page = client.get(response["Location"])
    assert "الخاصة" in main_text(page)
    assert "الخاص بك" not in main_text(page)


def test_the_second_step_page_explains_and_cancel_is_secondary(client, db):
    user = account(roles=["HR"])
    give_totp(user)
    sign_in(client, user.username)
    page = client.get("/accounts/2fa/authenticate/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert "التحقق بخطوتين" in soup.find("h1").get_text()
    code_input = soup.find("input", attrs={"name": "code"})
    assert code_input["inputmode"] == "numeric"
    assert code_input["autocomplete"] == "one-time-code"
    cancel = soup.find("button", attrs={"form": "logout-from-stage"})
    assert cancel["class"] == ["button", "button--secondary"]
    submit = soup.find("form", attrs={"action": "/accounts/2fa/authenticate/"}).find("button", attrs={"form": None})
    assert submit["class"] == ["button"]


# --- one Arabic vocabulary ------------------------------------------------------------------------

FORBIDDEN_ARABIC = ["كود", "المصادقة الثنائية", "توثيق ذو عاملين", "كلمة المرور الخاص ", "يلغي"]


def test_the_arabic_flow_uses_one_name_for_two_step_verification(client, db):
    user = account(roles=["HR"])
    sign_in(client, user.username)
    pages = {"setup": client.get("/accounts/2fa/totp/activate/?required=1")}
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post("/accounts/2fa/totp/activate/?required=1", {"code": "000000"})
    pages["wrong code"] = wrong
    client.post("/accounts/2fa/totp/activate/?required=1", {"code": totp_code(secret)})
    pages["recovery codes"] = client.get("/accounts/2fa/recovery-codes/")
    pages["settings"] = client.get("/accounts/2fa/")
    client.post("/accounts/logout/")
    sign_in(client, user.username)
    pages["second step"] = client.get("/accounts/2fa/authenticate/")
    pages["second step, wrong code"] = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    for name, page in pages.items():
        assert page.status_code == 200, name
        text = main_text(page)
        assert [word for word in FORBIDDEN_ARABIC if word in text] == [], name
    for name in ("setup", "settings", "second step"):
        assert "التحقق بخطوتين" in main_text(pages[name]), name
    assert "الرمز غير صحيح." in main_text(pages["wrong code"])
    assert "الرمز غير صحيح." in main_text(pages["second step, wrong code"])


# --- codes in any decimal digits -----------------------------------------------------------------


def test_western_digits_reads_every_unicode_decimal_digit():
    assert western_digits("٣٦١٤٣٣") == "361433"
    assert western_digits("۳۶۱ ۴۳۳") == "361433"
    assert western_digits("१२३४५६") == "123456"  # Devanagari, also Unicode decimal digits
    assert western_digits("12ab") == "12ab"


def test_totp_activation_accepts_arabic_indic_digits(client, db):
    user = account(roles=["Leadership"])
    sign_in(client, user.username)
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret).translate(ARABIC_INDIC)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@pytest.mark.parametrize("digits", [ARABIC_INDIC, PERSIAN], ids=["arabic-indic", "persian"])
def test_second_step_accepts_arabic_and_persian_digits(client, db, digits):
    user = account(roles=["HR"])
    secret = give_totp(user)
    sign_in(client, user.username)
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret).translate(digits)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


def test_a_wrong_code_in_arabic_digits_is_still_wrong(client, db):
    user = account(roles=["HR"])
    secret = give_totp(user)
    sign_in(client, user.username)
    wrong = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6).translate(ARABIC_INDIC)
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_recovery_code_in_arabic_indic_digits_signs_in(client, db):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = account(roles=["HR"])
    give_totp(user)
    code = RecoveryCodes.activate(user).generate_codes()[0]
    assert re.fullmatch(r"\d+", code)
    sign_in(client, user.username)
    response = client.post("/accounts/2fa/authenticate/", {"code": code.translate(ARABIC_INDIC)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)


# --- the Wagtail admin: nothing sent to an avatar service, names in Arabic -------------------------


def test_the_admin_sends_no_email_hash_to_gravatar(client, db):
    client.force_login(member("superuser"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()


def test_the_arabic_admin_names_the_workflow_root_and_site_in_arabic(client, db, site_tree):
    page = create_faq(site_tree["ar"].indexes["faq"], title="سؤال")
    client.force_login(member("Editors"))
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "المراجعة التحريرية" in edit.content.decode()
    client.force_login(member("superuser"))
    explorer = client.get("/admin/pages/")
    assert explorer.status_code == 200
    assert "الجذر" in explorer.content.decode()
    dashboard = client.get("/admin/")
    assert "تميّز" in dashboard.content.decode()
