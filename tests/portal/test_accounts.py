"""Accounts through django-allauth: sign-in (username or email), sign-out, password reset,
email verification, rate limiting (per account and per real client address), sign-up closed,
and TOTP two-step verification, required for Editors, Reviewers, HR, Leadership and
superusers, including in the Wagtail admin."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth import SESSION_KEY
from django.core import mail

from tests.factories import UserFactory, give_totp
from tests.signin import current_totp_code as totp_code

PASSWORD = "correct-horse-battery"
ARABIC = re.compile(r"[\u0621-\u064A]")


def account(*, verified: bool = True, **kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    return user


def sign_in(client, login: str, password: str = PASSWORD, *, prefix: str = ""):
    return client.post(f"{prefix}/accounts/login/", {"login": login, "password": password})


def signed_in_user_id(client):
    return client.session.get(SESSION_KEY)


def reauthenticate(client, *, prefix: str = "") -> None:
    """allauth asks for the password again before a security change such as adding TOTP."""
    response = client.post(f"{prefix}/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


def activate_totp(client, *, prefix: str = ""):
    reauthenticate(client, prefix=prefix)
    assert client.get(f"{prefix}/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    return client.post(f"{prefix}/accounts/2fa/totp/activate/", {"code": totp_code(secret)})


# --- signing in and out -------------------------------------------------------------------------


def test_sign_in_with_username(client, db):
    user = account(username="fatima")
    response = sign_in(client, "fatima")
    assert response.status_code == 302
    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_with_email(client, db):
    user = account(username="fatima", email="fatima@agency.gov.bh")
    sign_in(client, "fatima@agency.gov.bh")
    assert signed_in_user_id(client) == str(user.pk)


def test_wrong_password_is_refused_with_a_message(client, db):
    account(username="fatima")
    response = sign_in(client, "fatima", "wrong", prefix="/en")
    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    assert "not correct" in response.content.decode()


def test_sign_out(client, db):
    account(username="fatima")
    sign_in(client, "fatima")
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def login_form(html: str) -> str:
    return html.split("<form", 1)[1].split("</form>", 1)[0]


def test_login_page_is_arabic_by_default(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert 'lang="ar"' in html
    assert 'dir="rtl"' in html
    assert ARABIC.search(login_form(html))


def test_login_page_in_english(client, db):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'lang="en"' in html
    assert 'dir="ltr"' in html
    assert "sign in" in html.lower()
    assert not ARABIC.search(login_form(html))


# --- email verification, password reset, sign-up ------------------------------------------------


def test_unverified_email_must_be_confirmed_before_signing_in(client, db):
    account(username="fatima", verified=False)
    response = sign_in(client, "fatima")
    assert signed_in_user_id(client) is None
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_password_reset_sends_an_email(client, db):
    account(username="fatima", email="fatima@agency.gov.bh")
    response = client.post("/accounts/password/reset/", {"email": "fatima@agency.gov.bh"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@agency.gov.bh"]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_for_an_unknown_address_reveals_nothing(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@agency.gov.bh"})
    assert response.status_code == 302
    assert all("/password/reset/key/" not in message.body for message in mail.outbox)


def test_self_sign_up_is_closed_by_default(client, db):
    from portal.models import User

    client.post(
        "/en/accounts/signup/",
        {"email": "new@example.com", "username": "newbie", "password1": "Xy7!long-pass", "password2": "Xy7!long-pass"},
    )
    assert not User.objects.filter(username="newbie").exists()
    assert "closed" in client.get("/en/accounts/signup/").content.decode().lower()


# --- rate limiting -------------------------------------------------------------------------------


def test_too_many_failed_logins_are_refused_with_a_message(client, db):
    account(username="fatima")
    for _ in range(5):
        sign_in(client, "fatima", "wrong", prefix="/en")
    response = sign_in(client, "fatima", prefix="/en")  # even the right password
    assert signed_in_user_id(client) is None
    assert "Too many failed login attempts" in response.content.decode()


def test_failed_logins_below_the_limit_do_not_lock_the_account(client, db):
    account(username="fatima")
    for _ in range(4):
        sign_in(client, "fatima", "wrong")
    sign_in(client, "fatima")
    assert signed_in_user_id(client) is not None


# --- two-factor authentication ---------------------------------------------------------------------


def privileged(kind: str):
    if kind == "superuser":
        return account(is_superuser=True, is_staff=True)
    return account(roles=[kind])


@pytest.mark.parametrize("kind", ["Editors", "Reviewers", "Leadership", "HR", "superuser"])
def test_privileged_users_are_sent_to_totp_setup(client, db, kind):
    user = privileged(kind)
    sign_in(client, user.username)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_totp_setup_redirect_follows_the_language(client, db):
    user = privileged("Leadership")
    sign_in(client, user.username, prefix="/en")
    response = client.get("/en/")
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


@pytest.mark.parametrize("kind", ["Leadership", "HR", "superuser"])
def test_privileged_user_passes_after_activating_totp(client, db, kind):
    user = privileged(kind)
    sign_in(client, user.username)
    response = activate_totp(client)
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get("/").status_code == 200


def test_wrong_totp_code_does_not_activate(client, db):
    user = privileged("Leadership")
    sign_in(client, user.username)
    reauthenticate(client)
    client.get("/accounts/2fa/totp/activate/")
    client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert not Authenticator.objects.filter(user=user).exists()
    assert client.get("/").status_code == 302


def test_staff_user_is_not_forced_to_set_up_totp(client, db):
    user = account(roles=["Staff"])
    sign_in(client, user.username)
    assert client.get("/").status_code == 200


def test_any_user_may_set_up_totp(client, db):
    user = account(roles=["Staff"])
    sign_in(client, user.username)
    activate_totp(client)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_user_with_totp_must_give_a_code_to_sign_in(client, db):
    user = privileged("Leadership")
    secret = give_totp(user)
    response = sign_in(client, user.username)
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert signed_in_user_id(client) is None
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert signed_in_user_id(client) == str(user.pk)
    assert client.get("/").status_code == 200


def test_two_factor_guards_the_wagtail_admin(client, db):
    user = privileged("superuser")
    sign_in(client, user.username)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_two_factor_guards_the_django_admin(client, db):
    user = privileged("superuser")
    sign_in(client, user.username)
    response = client.get("/django-admin/")
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("page", ["/accounts/2fa/totp/activate/", "/accounts/logout/", "/accounts/reauthenticate/"])
def test_setup_and_sign_out_pages_stay_reachable_before_totp(client, db, prefix, page):
    user = privileged("Leadership")
    sign_in(client, user.username, prefix=prefix)
    reauthenticate(client, prefix=prefix)
    assert client.get(f"{prefix}{page}").status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_totp_setup_works_in_both_languages(client, db, prefix):
    user = privileged("Leadership")
    sign_in(client, user.username, prefix=prefix)
    activate_totp(client, prefix=prefix)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert client.get(f"{prefix}/").status_code == 200


def test_user_who_must_set_up_totp_can_sign_out(client, db):
    user = privileged("HR")
    sign_in(client, user.username)
    client.post("/en/accounts/logout/")
    assert signed_in_user_id(client) is None


# --- the Wagtail admin signs in through allauth ------------------------------------------------------


def test_wagtail_admin_sends_anonymous_visitors_to_allauth(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_wagtail_admin_login_view_redirects_to_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


@pytest.mark.parametrize("login_path", ["/admin/login/", "/django-admin/login/"])
def test_admin_login_forms_cannot_bypass_two_factor(client, db, login_path):
    user = privileged("superuser")
    give_totp(user)
    client.post(login_path, {"username": user.username, "password": PASSWORD})
    assert signed_in_user_id(client) is None


def test_superuser_reaches_the_wagtail_admin_after_two_factor_sign_in(client, db):
    user = privileged("superuser")
    secret = give_totp(user)
    sign_in(client, user.username)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/admin/").status_code == 200


# --- failed sign-ins: per account and per real client address --------------------------------------

PROXY = "10.0.0.2"


def sign_in_from(client, address: str, login: str, password: str = PASSWORD, *, via_proxy: bool = True):
    """A sign-in from ``address``: through the reverse proxy (which appends the address it
    received the request from to X-Forwarded-For), or straight to the portal."""
    if via_proxy:
        return client.post(
            "/en/accounts/login/",
            {"login": login, "password": password},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )
    return client.post("/en/accounts/login/", {"login": login, "password": password}, REMOTE_ADDR=address)


def test_behind_the_proxy_one_persons_failures_do_not_lock_out_everyone(db, settings):
    """Five bad passwords lock that account only; another person behind the same proxy signs in."""
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    account(username="fatima")
    account(username="omar")
    attacker, colleague = Client(), Client()
    for _ in range(5):
        sign_in_from(attacker, "198.51.100.7", "fatima", "wrong")
    locked = sign_in_from(attacker, "198.51.100.7", "fatima")
    assert "Too many failed login attempts" in locked.content.decode()
    assert signed_in_user_id(attacker) is None
    sign_in_from(colleague, "203.0.113.9", "omar")
    assert signed_in_user_id(colleague) is not None


def test_failures_lock_the_account_from_every_address(db, settings):
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    account(username="fatima")
    for number in range(5):
        sign_in_from(Client(), f"198.51.100.{number + 1}", "fatima", "wrong")
    browser = Client()
    response = sign_in_from(browser, "203.0.113.9", "fatima")
    assert "Too many failed login attempts" in response.content.decode()
    assert signed_in_user_id(browser) is None


def test_one_address_trying_many_accounts_is_limited_by_its_real_address(db, settings):
    """Twenty failures from one real client over many accounts lock that client out, even of an
    account it never tried, and nobody else behind the proxy."""
    from django.test import Client

    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        account(username=f"staff{number}")
    account(username="fatima")
    attacker = Client()
    for attempt in range(20):
        sign_in_from(attacker, "198.51.100.7", f"staff{attempt % 5}", "wrong")
    response = sign_in_from(attacker, "198.51.100.7", "fatima")
    assert "Too many failed login attempts" in response.content.decode()
    colleague = Client()
    sign_in_from(colleague, "203.0.113.9", "fatima")
    assert signed_in_user_id(colleague) is not None


def test_without_a_trusted_proxy_a_forged_forwarded_address_is_ignored(db, settings):
    """With TRUSTED_PROXY_COUNT=0 (the default) X-Forwarded-For is the client's own words: a
    new forged address per attempt does not escape the per-address limit."""
    from django.test import Client

    assert settings.TRUSTED_PROXY_COUNT == 0
    for number in range(5):
        account(username=f"staff{number}")
    attacker = Client()
    for attempt in range(20):
        attacker.post(
            "/en/accounts/login/",
            {"login": f"staff{attempt % 5}", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt + 1}",
        )
    response = attacker.post(
        "/en/accounts/login/",
        {"login": "staff0", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert "Too many failed login attempts" in response.content.decode()


@pytest.mark.parametrize(
    ("trusted_proxy_count", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no trusted proxy: the header is ignored
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # the client's own prefix is not trusted
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.9", "192.0.2.1"),
        (2, "192.0.2.1", "10.0.0.2"),  # shorter than the proxy chain: the connection's address
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "", "10.0.0.2"),
    ],
)
def test_client_address_behind_trusted_proxies(rf, settings, trusted_proxy_count, forwarded_for, expected):
    from portal.client import client_address

    settings.TRUSTED_PROXY_COUNT = trusted_proxy_count
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_address(request) == expected


def test_the_adapter_gives_allauth_the_real_client_address(rf, settings):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.1")
    assert get_adapter(request).get_client_ip(request) == "192.0.2.1"
