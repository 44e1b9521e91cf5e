"""``manage.py search_index --rebuild`` (with a progress bar) and ``--check`` (pages missing
from, stale in or orphaned in the index)."""

from __future__ import annotations

import dataclasses
import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page

from knowledge.models import KnowledgePage
from knowledge.services import publish
from search import indexing
from search.backends import get_search_backend
from search.backends.base import SearchDocument
from tests.factories import create_draft_faq, create_faq
from tests.search.web_support import indexed_documents


@pytest.fixture(autouse=True)
def no_leftover_refreshes():
    indexing._pending.rows = set()
    yield
    indexing._pending.rows = set()


@pytest.fixture(autouse=True)
def english():
    """The command speaks the active language; these tests read English."""
    with translation.override("en"):
        yield


@pytest.fixture
def pages(site_tree):
    """Three live knowledge pages (two languages, one staff-only) and a draft. The test
    database never commits, so publishing here leaves the index empty."""
    return {
        "ar": create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport"),
        "en": create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport"),
        "staff": create_faq(
            site_tree["en"].indexes["faq"],
            title="Passport escalation",
            slug="passport-escalation",
            audience=KnowledgePage.AUDIENCE_STAFF,
        ),
        "draft": create_draft_faq(site_tree["en"].indexes["faq"], title="Unreleased passport rules"),
    }


def run(*args) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("search_index", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def check_error() -> str:
    stdout = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("search_index", "--check", stdout=stdout, stderr=io.StringIO())
    return str(error.value)


# --- --rebuild --------------------------------------------------------------------------------


def test_rebuild_indexes_every_live_knowledge_page_and_prints_the_count(pages):
    assert indexed_documents() == {}
    stdout, _stderr = run("--rebuild")
    assert set(indexed_documents()) == {pages["ar"].pk, pages["en"].pk, pages["staff"].pk}
    assert "Indexed 3 pages into a new index." in stdout


def test_rebuild_shows_a_progress_bar_on_stderr(pages):
    stdout, stderr = run("--rebuild")
    assert "Indexing" in stderr
    assert "3/3" in stderr
    assert "3/3" not in stdout


def test_rebuild_without_progress_bar(pages):
    _stdout, stderr = run("--rebuild", "--no-progress")
    assert stderr == ""
    assert len(indexed_documents()) == 3


def test_rebuild_drops_documents_of_pages_that_are_gone(pages):
    run("--rebuild")
    Page.objects.get(pk=pages["en"].pk).delete()
    run("--rebuild")
    assert set(indexed_documents()) == {pages["ar"].pk, pages["staff"].pk}


def test_rebuild_of_an_empty_site_prints_zero(site_tree):
    stdout, _stderr = run("--rebuild")
    assert "Indexed 0 pages into a new index." in stdout
    assert indexed_documents() == {}


# --- --check ----------------------------------------------------------------------------------


def test_check_passes_on_a_clean_index(pages):
    run("--rebuild")
    stdout, _stderr = run("--check")
    assert "The search index matches the live pages." in stdout


def test_check_reports_pages_missing_from_the_index(pages):
    run("--rebuild")
    added = create_faq(pages["en"].get_parent(), title="Passport fees", slug="passport-fees")
    message = check_error()
    assert f"Missing from the index: 1 ({added.pk})" in message
    assert "Stale" not in message and "Orphaned" not in message


def test_check_reports_pages_published_again_without_an_index_update(pages):
    run("--rebuild")
    page = Page.objects.get(pk=pages["ar"].pk).specific
    page.title = "تجديد جواز السفر إلكترونيا"
    publish(page)  # the test transaction never commits: the index keeps the old version
    message = check_error()
    assert f"Stale in the index: 1 ({page.pk})" in message
    assert "Missing" not in message and "Orphaned" not in message


def test_check_reports_a_document_older_than_the_live_page(pages):
    run("--rebuild")
    backend = get_search_backend()
    document = indexed_documents()[pages["en"].pk]
    older = document.last_updated - datetime.timedelta(hours=1)
    backend.index_documents([dataclasses.replace(document, last_updated=older)])
    assert f"Stale in the index: 1 ({pages['en'].pk})" in check_error()


def test_check_reports_orphaned_documents(pages):
    run("--rebuild")
    get_search_backend().index_documents(
        [SearchDocument(page_id=987654, slug="ghost", locale="en", title="Ghost", url="/en/ghost/", type="faq")]
    )
    pages["staff"].unpublish()  # not committed: the document stays behind
    message = check_error()
    assert f"Orphaned in the index: 2 ({pages['staff'].pk}, 987654)" in message


def test_check_lists_every_kind_of_problem_at_once(pages):
    run("--rebuild")
    get_search_backend().delete_documents([pages["ar"].pk])
    page = Page.objects.get(pk=pages["en"].pk).specific
    publish(page)
    pages["staff"].unpublish()
    message = check_error()
    assert f"Missing from the index: 1 ({pages['ar'].pk})" in message
    assert f"Stale in the index: 1 ({pages['en'].pk})" in message
    assert f"Orphaned in the index: 1 ({pages['staff'].pk})" in message
    assert "search_index --rebuild" in message


def test_check_after_rebuild_is_clean_again(pages):
    run("--rebuild")
    publish(Page.objects.get(pk=pages["en"].pk).specific)
    with pytest.raises(CommandError):
        run("--check")
    run("--rebuild")
    stdout, _stderr = run("--check")
    assert "matches" in stdout


def test_messages_are_in_arabic_by_default(pages):
    with translation.override("ar"):
        stdout, _stderr = run("--rebuild")
        assert "3" in stdout and "Indexed" not in stdout
        create_faq(pages["en"].get_parent(), title="Passport fees", slug="passport-fees")
        message = check_error()
    assert "search_index --rebuild" in message
    assert "Missing" not in message and "فهرس" in message


# --- arguments --------------------------------------------------------------------------------


def test_one_of_the_actions_is_required(site_tree):
    with pytest.raises(CommandError, match="one of the arguments --create --rebuild --check --replay is required"):
        call_command("search_index")


def test_rebuild_and_check_cannot_be_combined(site_tree):
    with pytest.raises(CommandError, match="not allowed with argument"):
        call_command("search_index", "--rebuild", "--check")
