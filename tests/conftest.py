"""Shared fixtures: the real site structure (Arabic home as site root, English
translation, index pages) built by the same service the demo loader uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.services import LocaleTree, ensure_site_structure
from tests.factories import SignedInThroughAllauthClient


def pytest_collection_modifyitems(config, items) -> None:
    """Under pytest-xdist's ``--dist loadgroup`` (``make test``), each test module runs whole
    in one process, so its module-scoped fixtures are built once; the browser package runs
    whole in one process, so the demo content and Chromium it shares are built once."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        path = Path(item.path)
        group = "browser" if browser in path.parents else str(path.relative_to(Path(__file__).parent))
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site structure once, into the test database's starting state.

    Publishing its twelve pages takes about a second; every test that asks for
    ``site_tree`` then only looks them up (``ensure_site_structure`` is idempotent), and
    each test's transaction rolls back to this state. Tests that flush the database
    (transactional ones) get the structure rebuilt by ``site_tree`` when they need it."""
    with django_db_blocker.unblock():
        ensure_site_structure()
    yield
    with django_db_blocker.unblock():
        _end_connections_kept_by_other_threads()


def _end_connections_kept_by_other_threads() -> None:
    """Request threads (``portal.asgi_handler``) and consumer threads keep their database
    connections from one request to the next (``CONN_MAX_AGE``, as in production), so at the
    end of the session some still hold the test database open and it could not be dropped.
    On PostgreSQL, end every other session on it first."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture
def isolated_search_index(settings, tmp_path):
    """This test's own embedded index file (the FTS database lives outside the transactional
    test database, so it must not leak between tests) and a fresh synonym cache; yields the
    index file's path. Autouse for ``tests/search``; other tests ask for it by name."""
    from search.backends import reset_search_backends
    from search.synonyms import invalidate_synonyms

    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    reset_search_backends()
    invalidate_synonyms()
    yield settings.SEARCH_EMBEDDED_PATH
    reset_search_backends()
    invalidate_synonyms()


@pytest.fixture
def site_tree(db) -> dict[str, LocaleTree]:
    _restore_wagtail_root()
    return ensure_site_structure()


def _restore_wagtail_root() -> None:
    """A transactional test's flush also removes the tree root Wagtail's migrations made;
    put it back (as those migrations do) so the site structure can be rebuilt."""
    from wagtail.models import Locale, Page

    if not Page.objects.filter(depth=1).exists():
        locale, _ = Locale.objects.get_or_create(language_code="ar")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def client() -> SignedInThroughAllauthClient:
    """The test client; its ``force_login`` is a complete sign-in, second step included."""
    return SignedInThroughAllauthClient()


@pytest.fixture(autouse=True)
def empty_write_buffer():
    """Every test starts and ends with nothing buffered (page reads, search logs): what a
    test buffers is saved only by its own ``buffered_writes.flush()``."""
    from portal import buffered_writes

    buffered_writes.discard()
    yield
    buffered_writes.discard()


@pytest.fixture(autouse=True)
def fresh_content_version():
    """Every test starts with new content versions: nothing cached by an earlier test (whose
    database changes were rolled back) is served to this one."""
    from portal import content_version

    for scope in content_version.SCOPES:
        content_version.bump_now(scope)
