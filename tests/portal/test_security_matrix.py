"""Role x URL matrix: every URL pattern of the project (the portal's, Wagtail's admin and
page serving, allauth's, Django's admin), filled with real objects, requested by an
anonymous visitor and by each role (HR, Leadership and superusers signed in through
allauth with their second step).

For every role and address: never a server error. Then, per class of address, the exact
answer: the admins send visitors without access to sign in, Wagtail's settings and user
management turn Editors and Reviewers away, the Django admin is for superusers only,
staff-only pages send anonymous visitors to sign in and open for every role."""

from __future__ import annotations

import pytest

from tests.portal.security_matrix_support import ROLES, Address, build_fixtures, client_for, every_address

pytestmark = pytest.mark.django_db

#: Wagtail's own deliberate failure ("This is a test of the emergency broadcast system"),
#: for admins to check error reporting. Checked separately below.
WAGTAIL_ERROR_TEST = "/admin/failwhale/"
#: Requested last: a GET may sign the client out.
SIGN_OUT_WORDS = ("logout",)

ADMIN_ROLES = {"editor", "reviewer", "superuser"}
NO_ADMIN_ROLES = {"anonymous", "staff", "hr", "leadership"}
#: Wagtail settings and user management: superusers only.
SUPERUSER_ADMIN_PREFIXES = (
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/locales/",
    "/admin/workflows/list/",
    "/admin/workflows/add/",
    "/admin/workflows/edit/",
    "/admin/workflows/disable/",
    "/admin/workflows/usage/",
    "/admin/workflows/tasks/index/",
    "/admin/workflows/tasks/edit/",
    "/admin/workflows/tasks/disable/",
    "/admin/collections/",
    "/admin/redirects/",
)
#: Views that check permission before the method or the object (the superuser gets 405 or
#: 404 here: the import step answers POST only, the root collection cannot be edited).
PERMISSION_CHECKED_FIRST = {"/admin/redirects/import/process/", "/admin/collections/1/"}
#: Served to anyone by the Wagtail admin: its icon sprite and its JavaScript catalogue.
ADMIN_ASSETS = {"/admin/sprite/", "/admin/jsi18n/"}
#: The Django admin's sign-out answers a GET by sending the visitor to the admin's index
#: (which then asks to sign in); it shows nothing itself.
DJANGO_ADMIN_SIGN_OUT = "/django-admin/logout/"
#: Wagtail's own password reset is switched off (allauth resets passwords).
ADMIN_PASSWORD_RESET = "/admin/password_reset/"


def is_admin(path: str) -> bool:
    return path.startswith("/admin/")


def is_django_admin(path: str) -> bool:
    return path.startswith("/django-admin/")


def location(response) -> str:
    return response.get("Location", "")


def sends_to_sign_in(response) -> bool:
    """A redirect to allauth's sign-in page, or to an admin login address (which itself
    redirects to allauth: tests/portal/test_accounts.py)."""
    return response.status_code == 302 and location(response).startswith(
        ("/accounts/login/", "/en/accounts/login/", "/admin/login/", "/django-admin/login/")
    )


@pytest.fixture
def matrix_fixtures(site_tree):
    return build_fixtures(site_tree)


def run_matrix(role: str, fixtures) -> tuple[dict[Address, object], list[str]]:
    """Every address requested (GET) by ``role``; returns the responses and the problems."""
    client = client_for(role)
    addresses = every_address(fixtures.ids)
    addresses += [
        Address("staff-only page", fixtures.staff_page.get_url()),
        Address("public page", fixtures.public_page.get_url()),
    ]
    ordered = sorted(
        (address for address in addresses if address.path != WAGTAIL_ERROR_TEST),
        key=lambda address: any(word in address.path for word in SIGN_OUT_WORDS),
    )
    responses = {}
    for address in ordered:
        responses[address] = client.get(address.path)
    return responses, [
        f"{address.path} ({address.pattern}): {response.status_code}"
        for address, response in responses.items()
        if response.status_code >= 500
    ]


def refuses_the_editing_area(role: str, response) -> bool:
    """Anonymous readers are sent to sign in; signed-in people without editing rights get
    the page (403, in their language) saying they have no access, never a redirect loop."""
    if role == "anonymous":
        return sends_to_sign_in(response)
    return response.status_code == 403


def admin_access_problems(responses, role: str) -> list[str]:
    """For a role without admin access: both admins refuse it (bar the assets)."""
    wrong = []
    for address, response in responses.items():
        path = address.path
        if not (is_admin(path) or is_django_admin(path)):
            continue
        if path in ADMIN_ASSETS:
            # The icon sprite and catalogue: open to a visitor's sign-in page; refused like
            # the rest of the editing area once a person without editing rights signed in.
            expected_ok = response.status_code == (200 if role == "anonymous" else 403)
        elif path.startswith(ADMIN_PASSWORD_RESET) and role == "anonymous":
            expected_ok = response.status_code == 302 and location(response) == "/accounts/password/reset/"
        elif path == DJANGO_ADMIN_SIGN_OUT and role == "anonymous":
            expected_ok = response.status_code == 302 and location(response) == "/django-admin/"
        else:
            expected_ok = refuses_the_editing_area(role, response)
        if not expected_ok:
            wrong.append(f"{path}: {response.status_code} {location(response)}")
    return wrong


def superuser_area_problems(responses, fixtures) -> list[str]:
    """For Editors and Reviewers: Wagtail's settings and user management send them back to
    the dashboard; addresses that answer no GET, or name nothing, say so to everyone."""
    superuser = client_for("superuser")
    wrong, checked = [], 0
    for address, response in responses.items():
        path = address.path
        if not path.startswith(SUPERUSER_ADMIN_PREFIXES):
            continue
        checked += 1
        reference = superuser.get(path).status_code
        if reference in (404, 405) and path not in PERMISSION_CHECKED_FIRST:
            expected_ok = response.status_code == reference
        else:
            expected_ok = response.status_code == 302 and location(response) == "/admin/"
        if not expected_ok:
            wrong.append(f"{path}: {response.status_code} {location(response)} (superuser: {reference})")
    if checked < 50:
        wrong.append(f"only {checked} settings and user management addresses checked")
    return wrong


def django_admin_problems(responses) -> list[str]:
    """Editors and Reviewers have no Django admin: they get the refusal page (403)."""
    wrong = []
    for address, response in responses.items():
        if not is_django_admin(address.path):
            continue
        expected_ok = response.status_code == 403
        if not expected_ok:
            wrong.append(f"{address.path}: {response.status_code} {location(response)}")
    return wrong


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(role, matrix_fixtures):
    responses, server_errors = run_matrix(role, matrix_fixtures)
    assert len(responses) > 350
    assert server_errors == []
    if role in NO_ADMIN_ROLES:
        assert admin_access_problems(responses, role) == []
    if role in {"editor", "reviewer"}:
        assert django_admin_problems(responses) == []
        assert superuser_area_problems(responses, matrix_fixtures) == []
    if role == "superuser":
        opened = {address.path: response.status_code for address, response in responses.items()}
        for path in ["/admin/", "/admin/users/", "/admin/groups/", "/admin/sites/", "/django-admin/"]:
            assert opened[path] == 200, path
    staff_page = responses[Address("staff-only page", matrix_fixtures.staff_page.get_url())]
    if role == "anonymous":
        assert staff_page.status_code == 302
        assert location(staff_page).startswith("/en/accounts/login/?next=")
    else:
        assert staff_page.status_code == 200
    assert responses[Address("public page", matrix_fixtures.public_page.get_url())].status_code == 200


def test_superusers_open_settings_and_user_management(matrix_fixtures):
    client = client_for("superuser")
    for path in ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/locales/", "/admin/workflows/list/"]:
        assert client.get(path).status_code == 200, path
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.parametrize("role", sorted(NO_ADMIN_ROLES))
def test_reports_and_editing_are_never_open_to_roles_without_admin_access(role, matrix_fixtures):
    client = client_for(role)
    for path in [
        "/admin/",
        "/admin/search-reports/top-queries/",
        "/admin/search-reports/top-queries/?export=csv",
        "/admin/content-freshness/",
        f"/admin/pages/{matrix_fixtures.public_page.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
    ]:
        response = client.get(path)
        assert refuses_the_editing_area(role, response), (path, response.status_code, location(response))


def test_wagtails_error_test_view_is_admin_only(client, matrix_fixtures):
    """The one deliberate 500 (Wagtail's error-reporting check) is not reachable without
    admin access."""
    for role in sorted(NO_ADMIN_ROLES):
        response = client_for(role).get(WAGTAIL_ERROR_TEST)
        assert refuses_the_editing_area(role, response), role
