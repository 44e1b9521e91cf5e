"""django-allauth pages in the portal layout, in both languages, with accessible forms."""

from __future__ import annotations

import pytest

from tests.frontend.test_layout import soup


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [
        ("/accounts/login/", "ar", "rtl"),
        ("/en/accounts/login/", "en", "ltr"),
        ("/accounts/password/reset/", "ar", "rtl"),
        ("/en/accounts/password/reset/", "en", "ltr"),
    ],
)
def test_account_pages_use_the_portal_layout(client, site_tree, path, lang, direction):
    response = client.get(path)
    assert response.status_code == 200
    page = soup(response)
    assert (page.html["lang"], page.html["dir"]) == (lang, direction)
    assert page.select_one("header.site-header nav.primary-nav")
    assert page.select_one("footer.site-footer")
    assert page.select_one("main.site-main--account h1")


def test_sign_in_fields_have_labels(client, site_tree):
    form = soup(client.get("/en/accounts/login/")).select_one("main form")
    for field in form.select("input:not([type=hidden])"):
        assert form.select_one(f"label[for={field['id']}]"), field


def test_sign_in_errors_are_announced_and_linked_to_their_fields(client, site_tree):
    response = client.post("/en/accounts/login/", {"login": "", "password": ""})
    assert response.status_code == 200
    page = soup(response)
    login = page.select_one("input[name=login]")
    assert login["aria-invalid"] == "true"
    for described_id in login["aria-describedby"].split():
        assert page.select_one(f"#{described_id}"), described_id
    assert page.select_one(f"#{login['id']}_error").get_text(strip=True)


def test_wrong_password_is_reported_in_an_alert(client, site_tree):
    from tests.factories import UserFactory

    UserFactory(username="reem")
    response = client.post("/en/accounts/login/", {"login": "reem", "password": "wrong-password"})
    alert = soup(response).select_one("main [role=alert]")
    assert alert is not None and alert.get_text(strip=True)


def test_two_factor_pages_use_the_layout(client, site_tree):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["Staff"]))
    page = soup(client.get("/en/accounts/2fa/"))
    assert page.html["dir"] == "ltr"
    assert page.select_one("main.site-main--manage nav.account-nav")
    assert page.select_one("main h1")
