"""No way around two-step verification: every sign-in route in the URL map (Django's,
Wagtail's, allauth's) goes through allauth, and a session counts as verified only when it
passed the second step itself."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin import AdminSite
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import LoginView
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from tests.factories import give_totp
from tests.portal.test_accounts import PASSWORD, account, sign_in, totp_code

CREDENTIAL_FIELDS = ("username", "login", "email")


def superuser_with_totp():
    user = account(username="chief", email="chief@agency.gov.bh", is_superuser=True, is_staff=True)
    return user, give_totp(user)


def credentials(user) -> dict[str, str]:
    """The admin's username and password under every field name a login form might read."""
    return {**dict.fromkeys(CREDENTIAL_FIELDS, user.username), "password": PASSWORD}


# --- walking the URL map -------------------------------------------------------------------------

_ROUTE_CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?\w+>")
_SAMPLE_BY_CONVERTER = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
_REGEX_GROUP = re.compile(r"\(\?P<\w+>[^)]*\)|\([^)]*\)")


def _concrete(pattern) -> str | None:
    """A path segment that the pattern matches, with sample values for its parameters."""
    if isinstance(pattern, LocalePrefixPattern):
        return ""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        return _ROUTE_CONVERTER.sub(lambda m: _SAMPLE_BY_CONVERTER.get(m.group("converter") or "", "x"), route)
    if isinstance(pattern, RegexPattern):
        regex = pattern.regex.pattern.lstrip("^").rstrip("$").replace("\\Z", "")
        regex = _REGEX_GROUP.sub("x", regex)
        if re.search(r"[\\\[\]*+?{}|()]", regex):
            return None
        return regex
    return None


def every_url_pattern(resolver=None, prefix: str = ""):
    """(path, pattern) for every URL pattern in the map, in both languages where the pattern is
    under the language prefix (Arabic unprefixed, English under /en/)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        prefixes = [prefix]
        if isinstance(entry, URLResolver) and isinstance(entry.pattern, LocalePrefixPattern):
            prefixes = [prefix, prefix + "en/"]
        for language_prefix in prefixes:
            segment = _concrete(entry.pattern)
            if segment is None:
                continue
            if isinstance(entry, URLResolver):
                yield from every_url_pattern(entry, language_prefix + segment)
            elif isinstance(entry, URLPattern):
                yield "/" + language_prefix + segment, entry


def is_login_view(pattern: URLPattern) -> bool:
    """A view that signs a user in without allauth: Django's LoginView or any subclass of it
    (Wagtail's admin sign-in and Wagtail's front-end ``_util/login/`` are both), or the Django
    admin's ``AdminSite.login``."""
    return is_login_view_class(pattern.callback)


def test_the_url_map_is_walked_whole():
    paths = {path for path, _ in every_url_pattern()}
    # Django admin, Wagtail admin, Wagtail front-end, allauth, in both languages.
    for expected in ("/django-admin/", "/admin/pages/1/edit/", "/_util/login/", "/en/_util/login/", "/accounts/login/"):
        assert expected in paths
    assert len(paths) > 300


def test_every_login_view_is_out_of_reach():
    """Every Django/Wagtail login view in the map exists there (Wagtail's admin, the Django
    admin, Wagtail's front end in both languages) but its address resolves to the redirect to
    allauth, never to the view itself."""
    login_paths = sorted({path for path, pattern in every_url_pattern() if is_login_view(pattern)})
    assert {"/admin/login/", "/django-admin/login/", "/_util/login/", "/en/_util/login/"} <= set(login_paths)
    reachable = [path for path in login_paths if is_login_view_class(resolve(path).func)]
    assert reachable == []


def is_login_view_class(func) -> bool:
    if getattr(func, "__func__", None) is AdminSite.login:
        return True
    view_class = getattr(func, "view_class", None)
    return isinstance(view_class, type) and issubclass(view_class, LoginView)


@pytest.mark.parametrize(
    ("login_path", "allauth_path"),
    [
        ("/_util/login/", "/accounts/login/"),
        ("/en/_util/login/", "/en/accounts/login/"),
        ("/admin/login/", "/accounts/login/"),
        ("/django-admin/login/", "/accounts/login/"),
    ],
)
def test_other_login_forms_send_the_visitor_to_allauth(client, db, login_path, allauth_path):
    response = client.get(f"{login_path}?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{allauth_path}?next=/admin/"


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("has_totp", [True, False])
def test_posting_admin_credentials_to_wagtail_front_end_login_gives_no_session(db, prefix, has_totp):
    user = account(username="chief", is_superuser=True, is_staff=True)
    if has_totp:
        give_totp(user)
    browser = Client()
    response = browser.post(f"{prefix}/_util/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == f"{prefix}/accounts/login/"
    assert SESSION_KEY not in browser.session
    admin = browser.get("/admin/")
    assert admin.status_code == 302
    assert admin["Location"] == "/accounts/login/?next=/admin/"


def test_the_bypass_is_not_a_brute_force_route(db):
    """Wrong passwords posted to /_util/login/ are not checked at all, so they neither succeed
    nor escape allauth's limit: the right password there still gives nothing."""
    user, _ = superuser_with_totp()
    browser = Client()
    for _ in range(15):
        browser.post("/_util/login/", {"username": user.username, "password": "wrong"})
    browser.post("/_util/login/", {"username": user.username, "password": PASSWORD})
    assert SESSION_KEY not in browser.session
    assert browser.get("/admin/users/").status_code == 302


def test_no_route_in_the_url_map_signs_the_admin_in_without_the_second_step(db, site_tree):
    """The admin's username and password posted to every route of the URL map (with sample
    values for parameters): none leaves a signed-in session. allauth's own sign-in accepts the
    password and then waits for the code, with nobody signed in yet."""
    user, _ = superuser_with_totp()
    posted = 0
    for path, _pattern in every_url_pattern():
        try:
            resolve(path)
        except Resolver404:
            continue
        browser = Client(raise_request_exception=False)
        browser.post(path, credentials(user))
        posted += 1
        assert SESSION_KEY not in browser.session, path
    assert posted > 300


def test_allauth_sign_in_waits_for_the_code(client, db):
    user, secret = superuser_with_totp()
    response = sign_in(client, user.username)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.get("/admin/").status_code == 200


# --- a session counts as verified only if it passed the second step --------------------------------


def plain_django_session(user) -> Client:
    """A session made without allauth (as Django's or Wagtail's own login views make one):
    the user is signed in, but allauth recorded no authentication in it."""
    browser = Client()
    Client.force_login(browser, user)
    return browser


@pytest.mark.parametrize(
    ("path", "sign_in_path"),
    [
        ("/admin/", "/accounts/login/?next=/admin/"),
        ("/admin/users/", "/accounts/login/?next=/admin/users/"),
        ("/django-admin/", "/accounts/login/?next=/django-admin/"),
        ("/", "/accounts/login/?next=/"),
        ("/en/", "/en/accounts/login/?next=/en/"),
    ],
)
def test_a_session_that_skipped_the_second_step_is_signed_out(db, path, sign_in_path):
    user, _ = superuser_with_totp()
    browser = plain_django_session(user)
    response = browser.get(path)
    assert response.status_code == 302
    assert response["Location"] == sign_in_path
    assert SESSION_KEY not in browser.session


@pytest.mark.parametrize(
    "path", ["/accounts/2fa/", "/accounts/2fa/totp/deactivate/", "/accounts/2fa/recovery-codes/", "/accounts/email/"]
)
def test_a_session_that_skipped_the_second_step_cannot_change_two_step_settings(db, path):
    user, _ = superuser_with_totp()
    browser = plain_django_session(user)
    response = browser.post(path, {})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert SESSION_KEY not in browser.session
    assert user.authenticator_set.filter(type="totp").exists()


@pytest.mark.parametrize("role", ["Editors", "Reviewers", "HR", "Leadership"])
def test_a_role_member_with_an_authenticator_needs_the_code_in_this_session(db, role):
    user = account(roles=[role])
    give_totp(user)
    browser = plain_django_session(user)
    response = browser.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


def test_a_session_that_passed_the_second_step_is_let_through(client, db):
    user, secret = superuser_with_totp()
    sign_in(client, user.username)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_the_code_passed_in_one_session_does_not_verify_another(db):
    user, secret = superuser_with_totp()
    verified = Client()
    sign_in(verified, user.username)
    verified.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    other = plain_django_session(user)
    assert verified.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302
