"""Support for the role x URL security matrix: every URL pattern (the portal's, Wagtail's,
allauth's, Django admin's) turned into a real address filled with real objects, and a
client signed in as each role (privileged roles through allauth's two steps)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, PageViewRestriction, Site, Task, Workflow

from knowledge.models import KnowledgePage
from search.models import PromotedResult, Synonym
from tests.factories import UserFactory, create_faq, give_totp
from tests.signin import current_totp_code

PASSWORD = "correct-horse-battery"
ROLES = ["anonymous", "staff", "editor", "reviewer", "hr", "leadership", "superuser"]
ROLE_GROUPS = {
    "staff": ["Staff"],
    "editor": ["Editors"],
    "reviewer": ["Reviewers"],
    "hr": ["HR"],
    "leadership": ["Leadership"],
}


@dataclass
class Fixtures:
    public_page: KnowledgePage
    staff_page: KnowledgePage
    ids: dict[str, object]


def build_fixtures(site_tree) -> Fixtures:
    from tests.portal.test_uploads import png_bytes

    public = create_faq(site_tree["en"].indexes["faq"], title="Public question", slug="public-question")
    staff = create_faq(site_tree["en"].indexes["faq"], title="Staff question", slug="staff-question", audience="staff")
    public.save_revision()
    root_collection = Collection.get_first_root_node()
    image = get_image_model().objects.create(
        title="photo", file=SimpleUploadedFile("photo.png", png_bytes()), collection=root_collection
    )
    document = get_document_model().objects.create(
        title="notes", file=SimpleUploadedFile("notes.txt", b"notes"), collection=root_collection
    )
    synonym = Synonym.objects.create(terms="شكوى، بلاغ")
    PromotedResult.objects.create(query="شكوى", page=public)
    redirect = Redirect.objects.create(old_path="/old-address", redirect_page=public)
    other_user = UserFactory(roles=["Staff"])
    ids: dict[str, object] = {
        "page": public.pk,
        "parent_page": public.get_parent().pk,
        "revision": public.latest_revision.pk,
        "image": image.pk,
        "document": document.pk,
        "document_filename": document.filename,
        "collection": root_collection.pk,
        "redirect": redirect.pk,
        "synonym": synonym.pk,
        "user": other_user.pk,
        "group": Group.objects.get(name="Staff").pk,
        "site": Site.objects.first().pk,
        "locale": Locale.objects.get(language_code="en").pk,
        "workflow": Workflow.objects.first().pk,
        "task": Task.objects.first().pk,
        # Audiences no longer use Wagtail's view restrictions; the routes that take one get
        # a sign-in restriction on the staff page (which needs a sign-in anyway).
        "restriction": PageViewRestriction.objects.get_or_create(
            page=staff, defaults={"restriction_type": PageViewRestriction.LOGIN}
        )[0].pk,
    }
    return Fixtures(public_page=public, staff_page=staff, ids=ids)


# --- URL patterns made concrete ---------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    pattern: str  # the pattern as written, for messages
    path: str


def _walk(patterns, prefix: str = "", localized: bool = False):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            is_locale = isinstance(entry.pattern, LocalePrefixPattern)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), localized or is_locale)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry, localized


#: ``pk`` means a different object under each admin prefix.
PK_BY_PREFIX = [
    ("admin/users/", "user"),
    ("admin/groups/", "group"),
    ("admin/sites/", "site"),
    ("admin/locales/", "locale"),
    ("admin/workflows/tasks/", "task"),
    ("admin/workflows/", "workflow"),
    ("admin/collections/", "collection"),
    ("admin/redirects/", "redirect"),
    ("admin/snippets/", "synonym"),
    ("admin/images/", "image"),
    ("admin/documents/", "document"),
]


def _value(name: str, pattern: str, ids: dict[str, object]) -> str:
    if name in {"pk", "object_id"}:
        for prefix, kind in PK_BY_PREFIX:
            if pattern.startswith(prefix):
                return str(ids[kind])
        return str(ids["page"])
    named = {
        "page_id": "page",
        "page_pk": "page",
        "page_to_move_id": "page",
        "parent_page_id": "parent_page",
        "destination_id": "parent_page",
        "revision_id": "revision",
        "image_id": "image",
        "doc_id": "document",
        "document_id": "document",
        "collection_id": "collection",
        "redirect_id": "redirect",
        "task_id": "task",
        "workflow_pk": "workflow",
        "restriction_id": "restriction",
        "page_view_restriction_id": "restriction",
        "user_id": "user",
        "group_id": "group",
    }
    if name in named:
        return str(ids[named[name]])
    literal = {
        "app_label": "search",
        "app_name": "search",
        "content_type_app_name": "search",
        "model_name": "synonym",
        "content_type_model_name": "synonym",
        "content_type_id": "1",
        "filter_spec": "original",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "action": "delete",
        "action_name": "delete",
        "key": "not-a-key",
        "uidb36": "0",
        "uidb64": "MA",
        "token": "not-a-token",
        "unknown_path": "no-such-endpoint/",
        "url": "no-such-thing/",
        "rest": "",
    }
    return literal.get(name, "1")


#: Regex patterns written out by hand (anything in them but named groups).
REGEX_PATHS = {
    r"documents/^(\d+)/(.*)$": lambda ids: f"documents/{ids['document']}/{ids['document_filename']}",
    r"^((?:[\w\-]+/)*)$": lambda ids: "",
    r"django-admin/^(?P<app_label>wagtaildocs|wagtailimages|taggit|account|mfa|auth)/$": lambda ids: (
        "django-admin/auth/"
    ),
}


def concrete_path(pattern: str, entry: URLPattern, ids: dict[str, object]) -> str:
    if pattern in REGEX_PATHS:
        return "/" + REGEX_PATHS[pattern](ids)
    path = pattern
    if isinstance(entry.pattern, RegexPattern) or "^" in path:
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: _value(match.group(1), pattern, ids), path)
        path = path.replace("^", "").replace("$", "").replace("\\.", ".")
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: _value(match.group(1), pattern, ids), path)
    return "/" + path


def every_address(ids: dict[str, object]) -> list[Address]:
    """Every pattern once (Arabic, unprefixed), the localised ones again under /en/."""
    addresses = []
    for pattern, entry, localized in _walk(get_resolver().url_patterns):
        path = concrete_path(pattern, entry, ids)
        addresses.append(Address(pattern, path))
        if localized:
            addresses.append(Address(pattern, "/en" + path))
    return addresses


# --- Signed-in clients --------------------------------------------------------------------------


def client_for(role: str) -> Client:
    """A client for ``role``; privileged roles sign in through allauth with their second step,
    so their session is the one a real sign-in gives."""
    client = Client(raise_request_exception=False)
    if role == "anonymous":
        return client
    if role == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    else:
        user = UserFactory(roles=ROLE_GROUPS[role])
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    if role in {"editor", "reviewer", "hr", "leadership", "superuser"}:
        secret = give_totp(user)
        response = client.post("/accounts/login/", {"login": user.username, "password": PASSWORD})
        assert response.status_code == 302, response.status_code
        response = client.post("/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
        assert response.status_code == 302, response.status_code
    else:
        client.force_login(user)
    client.user = user
    return client
