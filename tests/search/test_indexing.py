"""The index follows the content: publish, draft, unpublish, delete, move, slug change,
privacy change and translation, each applied when the transaction commits (and never when
it rolls back), with a broken index never breaking publishing.

Real pages through the knowledge services; the signal handlers run as in production
(``django_capture_on_commit_callbacks(execute=True)`` stands in for the commit)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge.models import Channel, FAQPage, KnowledgePage
from knowledge.services import publish
from search import indexing
from search.backends import reset_search_backends
from search.backends.base import AUDIENCE_PUBLIC, AUDIENCE_STAFF
from search.selectors import search_knowledge
from tests.factories import AgencyFactory, UserFactory, create_draft_faq, create_faq
from tests.search.web_support import found_page_ids, indexed_documents, staff_user


@pytest.fixture(autouse=True)
def no_leftover_refreshes():
    """Refreshes scheduled by earlier tests whose transaction never committed (the test
    database rolls back) must not run in this test's commits."""
    indexing._pending.pages = {}
    yield
    indexing._pending.pages = {}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed():`` runs what the block schedules for commit, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def new_faq(parent, *, title: str, answer: str, **fields) -> FAQPage:
    """An FAQ with channels and tags set before its first publish."""
    channels = fields.pop("channels", [])
    tags = fields.pop("tags", [])
    page = FAQPage(title=title, answer=answer, locale=parent.locale, **fields)
    page.channels = channels
    parent.add_child(instance=page)
    page.tags.add(*tags)
    return publish(page)


# --- Publishing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "summary", "answer", "tag"),
    [
        (
            "ar",
            "كيف أحجز موعدا في مركز الخدمة؟",
            "خطوات حجز الموعد عبر التطبيق.",
            "<p>افتح التطبيق واختر <b>حجز موعد</b> ثم حدد المركز.</p>",
            "مواعيد",
        ),
        (
            "en",
            "How do I book an appointment at a service centre?",
            "Steps to book an appointment in the app.",
            "<p>Open the app, choose <b>Book an appointment</b> and pick the centre.</p>",
            "appointments",
        ),
    ],
)
def test_publishing_indexes_the_page_with_every_listed_field(
    site_tree, committed, language, title, summary, answer, tag
):
    agency = AgencyFactory(slug="civil-service")
    channels = list(Channel.objects.filter(key__in=[Channel.CENTRE, Channel.PHONE]))
    with committed():
        page = new_faq(
            site_tree[language].indexes["faq"],
            title=title,
            slug="book-appointment",
            summary=summary,
            answer=answer,
            agency=agency,
            channels=channels,
            tags=[tag],
        )

    document = indexed_documents()[page.pk]
    assert document.locale == language
    assert document.title == title
    assert document.slug == "book-appointment"
    assert document.url == page.get_url()
    assert document.url.startswith("/en/faq/" if language == "en" else "/faq/")
    assert document.type == "faq"
    assert document.summary == summary
    assert ("حجز موعد" if language == "ar" else "Book an appointment") in document.body
    assert "<b>" not in document.body
    assert document.agency == "civil-service"
    assert sorted(document.channels) == sorted([Channel.CENTRE, Channel.PHONE])
    assert document.tags == (tag,)
    assert document.audience == AUDIENCE_PUBLIC
    assert document.last_updated == page.last_published_at


def test_a_published_page_is_found_by_anonymous_readers(site_tree, committed):
    with committed():
        page = create_faq(site_tree["ar"].indexes["faq"], title="تجديد رخصة القيادة", slug="licence-renewal")
    assert found_page_ids("رخصة القيادة") == [page.pk]


def test_a_staff_only_page_is_indexed_for_staff_only(site_tree, committed):
    with committed():
        page = create_faq(
            site_tree["ar"].indexes["faq"],
            title="دليل التصعيد الداخلي للمشرفين",
            slug="internal-escalation",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF
    assert found_page_ids("التصعيد الداخلي") == []
    assert found_page_ids("التصعيد الداخلي", user=staff_user()) == [page.pk]


# --- Drafts -------------------------------------------------------------------------------


def test_saving_a_draft_of_a_live_page_keeps_the_live_text_indexed(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    before = indexed_documents()[page.pk]

    with committed():
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        draft.answer = "<p>Zanzibarite rules apply.</p>"
        draft.save_revision()

    assert indexed_documents()[page.pk] == before
    assert found_page_ids("passport") == [page.pk]
    assert found_page_ids("Zanzibarite") == []


def test_a_refresh_while_a_draft_is_pending_indexes_the_live_text(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        draft.save_revision()
    # Something else refreshes the page (here: a privacy change) while the draft waits.
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    document = indexed_documents()[page.pk]
    assert document.title == "Renewing a passport"
    assert document.audience == AUDIENCE_STAFF


def test_a_never_published_draft_is_not_searchable(site_tree, committed):
    with committed():
        draft = create_draft_faq(site_tree["en"].indexes["faq"], title="Unreleased Zanzibarite procedure")
    assert draft.pk not in indexed_documents()
    assert found_page_ids("Zanzibarite", user=staff_user()) == []
    indexing.rebuild_index()
    assert draft.pk not in indexed_documents()


def test_publishing_the_draft_replaces_the_indexed_text(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        draft = Page.objects.get(pk=page.pk).specific
        draft.title = "Renewing a Zanzibarite passport"
        publish(draft)
    assert indexed_documents()[page.pk].title == "Renewing a Zanzibarite passport"
    assert found_page_ids("Zanzibarite") == [page.pk]


# --- Unpublish, delete ---------------------------------------------------------------------


def test_unpublishing_removes_the_page(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert page.pk in indexed_documents()
    with committed():
        page.unpublish()
    assert page.pk not in indexed_documents()
    assert found_page_ids("passport") == []


def test_unpublishing_a_section_with_its_descendants_removes_them(site_tree, committed):
    faq_index = site_tree["en"].indexes["faq"]
    with committed():
        first = create_faq(faq_index, title="Renewing a passport", slug="passport")
        second = create_faq(faq_index, title="Replacing a lost passport", slug="lost-passport")
        other = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
    with committed():
        reviewer = UserFactory(roles=["Reviewers"])
        UnpublishPageAction(faq_index, user=reviewer, include_descendants=True).execute()
    assert set(indexed_documents()) == {other.pk}
    assert first.pk not in indexed_documents() and second.pk not in indexed_documents()


def test_deleting_a_page_removes_it(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        kept = create_faq(site_tree["en"].indexes["faq"], title="Passport fees", slug="passport-fees")
    with committed():
        Page.objects.get(pk=page.pk).delete()
    assert set(indexed_documents()) == {kept.pk}


def test_deleting_a_section_removes_its_descendants(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        other = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
    with committed():
        Page.objects.get(pk=site_tree["en"].indexes["faq"].pk).delete()
    assert page.pk not in indexed_documents()
    assert set(indexed_documents()) == {other.pk}


# --- Move, slug -----------------------------------------------------------------------------


def test_moving_a_page_updates_its_url(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert indexed_documents()[page.pk].url == "/en/faq/passport/"
    with committed():
        Page.objects.get(pk=page.pk).move(site_tree["en"].indexes["article"], pos="last-child")
    assert indexed_documents()[page.pk].url == "/en/articles/passport/"


def test_moving_a_page_under_a_restricted_section_makes_it_staff_only(site_tree, committed):
    articles = site_tree["en"].indexes["article"]
    with committed():
        PageViewRestriction.objects.create(page=articles, restriction_type=PageViewRestriction.LOGIN)
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    assert indexed_documents()[page.pk].audience == AUDIENCE_PUBLIC
    with committed():
        Page.objects.get(pk=page.pk).move(articles, pos="last-child")
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF
    assert found_page_ids("passport") == []


def test_changing_a_page_slug_updates_its_url(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.slug = "passport-renewal"
        publish(page)
    document = indexed_documents()[page.pk]
    assert document.url == "/en/faq/passport-renewal/"
    assert document.slug == "passport-renewal"


def test_changing_a_section_slug_updates_the_urls_of_its_descendants(site_tree, committed):
    faq_index = site_tree["en"].indexes["faq"]
    with committed():
        first = create_faq(faq_index, title="Renewing a passport", slug="passport")
        second = create_faq(faq_index, title="Replacing a lost passport", slug="lost-passport")
    with committed():
        section = Page.objects.get(pk=faq_index.pk).specific
        section.slug = "questions"
        publish(section)
    documents = indexed_documents()
    assert documents[first.pk].url == "/en/questions/passport/"
    assert documents[second.pk].url == "/en/questions/lost-passport/"


# --- Privacy ------------------------------------------------------------------------------


def test_adding_a_view_restriction_makes_the_page_staff_only_at_once(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF
    assert found_page_ids("passport") == []
    assert found_page_ids("passport", user=staff_user()) == [page.pk]


def test_removing_the_view_restriction_makes_the_page_public_again(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF
    with committed():
        restriction.delete()
    assert indexed_documents()[page.pk].audience == AUDIENCE_PUBLIC
    assert found_page_ids("passport") == [page.pk]


def test_restricting_a_section_makes_its_descendants_staff_only(site_tree, committed):
    faq_index = site_tree["en"].indexes["faq"]
    with committed():
        page = create_faq(faq_index, title="Renewing a passport", slug="passport")
    with committed():
        PageViewRestriction.objects.create(page=faq_index, restriction_type=PageViewRestriction.LOGIN)
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF


def test_publishing_with_audience_staff_makes_the_page_staff_only(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_STAFF
        publish(page)
    assert indexed_documents()[page.pk].audience == AUDIENCE_STAFF
    assert found_page_ids("passport") == []


def test_publishing_with_audience_public_makes_a_staff_page_public(site_tree, committed):
    with committed():
        page = create_faq(
            site_tree["en"].indexes["faq"],
            title="Renewing a passport",
            slug="passport",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    with committed():
        page = Page.objects.get(pk=page.pk).specific
        page.audience = KnowledgePage.AUDIENCE_PUBLIC
        publish(page)
    assert indexed_documents()[page.pk].audience == AUDIENCE_PUBLIC
    assert found_page_ids("passport") == [page.pk]


# --- Translations ---------------------------------------------------------------------------


def test_publishing_a_translation_indexes_it_as_its_own_document(site_tree, committed):
    with committed():
        arabic = create_faq(
            site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport", answer="<p>جواز</p>"
        )
        translation = arabic.copy_for_translation(Locale.objects.get(language_code="en"))
    # The translation is a draft until published: not indexed yet.
    assert set(indexed_documents()) == {arabic.pk}

    with committed():
        translation.title = "Renewing a passport"
        translation.answer = "<p>Passport renewal steps.</p>"
        publish(translation)

    documents = indexed_documents()
    assert set(documents) == {arabic.pk, translation.pk}
    assert documents[translation.pk].locale == "en"
    assert documents[translation.pk].url == "/en/faq/passport/"
    assert documents[arabic.pk].locale == "ar"
    assert documents[arabic.pk].title == "تجديد جواز السفر"
    assert found_page_ids("passport", lang="en") == [translation.pk]


def test_unpublishing_a_translation_keeps_the_original(site_tree, committed):
    with committed():
        arabic = create_faq(site_tree["ar"].indexes["faq"], title="تجديد جواز السفر", slug="passport")
        english = create_faq(
            site_tree["en"].indexes["faq"],
            title="Renewing a passport",
            slug="passport",
            translation_key=arabic.translation_key,
        )
    with committed():
        english.unpublish()
    assert set(indexed_documents()) == {arabic.pk}


# --- Transactions and failures --------------------------------------------------------------


def test_a_rolled_back_transaction_indexes_nothing(site_tree, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        raise RuntimeError("the request failed after publishing")
    assert callbacks == []
    assert not FAQPage.objects.exists()
    assert indexed_documents() == {}


def test_a_rolled_back_republish_keeps_the_indexed_version(site_tree, committed):
    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
    before = indexed_documents()[page.pk]
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        changed = Page.objects.get(pk=page.pk).specific
        changed.title = "Renewing a Zanzibarite passport"
        publish(changed)
        raise RuntimeError("the request failed after publishing")
    assert indexed_documents()[page.pk] == before


def test_indexing_happens_only_when_the_transaction_commits(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")
        assert page.pk not in indexed_documents()
    assert callbacks
    for callback in callbacks:
        callback()
    assert page.pk in indexed_documents()


def test_a_failing_index_never_breaks_publishing_and_check_reports_the_gap(
    site_tree, committed, settings, isolated_search_index, tmp_path
):
    indexing.rebuild_index()  # the real index exists (empty)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the index directory should be")
    settings.SEARCH_EMBEDDED_PATH = blocker / "search.sqlite3"
    reset_search_backends()

    with committed():
        page = create_faq(site_tree["en"].indexes["faq"], title="Renewing a passport", slug="passport")

    page.refresh_from_db()
    assert page.live
    assert FAQPage.objects.live().filter(pk=page.pk).exists()

    settings.SEARCH_EMBEDDED_PATH = isolated_search_index
    reset_search_backends()
    stdout = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("search_index", "--check", stdout=stdout)
    assert str(page.pk) in str(error.value) + stdout.getvalue()
    assert indexing.check_index().missing == [page.pk]


def test_search_results_reflect_the_index_for_each_reader(site_tree, committed):
    """The reader's audiences filter on the indexed audience keyword."""
    with committed():
        public = create_faq(site_tree["en"].indexes["faq"], title="Passport renewal", slug="passport")
        staff = create_faq(
            site_tree["en"].indexes["faq"],
            title="Passport escalation",
            slug="passport-escalation",
            audience=KnowledgePage.AUDIENCE_STAFF,
        )
    anonymous = search_knowledge(user=AnonymousUser(), params={"q": "passport"})
    signed_in = search_knowledge(user=staff_user(), params={"q": "passport"})
    assert [hit.page_id for hit in anonymous.hits] == [public.pk]
    assert {hit.page_id for hit in signed_in.hits} == {public.pk, staff.pk}


# --- Changes made while the index is being rebuilt ------------------------------------------


def test_a_page_published_while_the_index_rebuilds_survives_the_swap(site_tree, committed):
    parent = site_tree["ar"].indexes["faq"]
    with committed():
        new_faq(parent, title="سؤال عن المواعيد", answer="<p>نص</p>", slug="before-rebuild")
    published: list[FAQPage] = []

    def publish_meanwhile(_count: int) -> None:
        # Called after each batch is written to the new index, before the swap: a publish
        # now is written to the index being replaced.
        if not published:
            with committed():
                published.append(new_faq(parent, title="سؤال عن الزنجبيل", answer="<p>نص</p>", slug="during-rebuild"))

    indexing.rebuild_index(progress=publish_meanwhile)
    assert published and found_page_ids("الزنجبيل") == [published[0].pk]
    assert indexing.check_index().missing == []


def test_a_page_unpublished_while_the_index_rebuilds_stays_out_after_the_swap(site_tree, committed):
    parent = site_tree["ar"].indexes["faq"]
    with committed():
        page = new_faq(parent, title="سؤال عن الزنجبيل", answer="<p>نص</p>", slug="leaving")
    unpublished: list[int] = []

    def unpublish_meanwhile(_count: int) -> None:
        if not unpublished:
            with committed():
                UnpublishPageAction(page).execute(skip_permission_checks=True)
            unpublished.append(page.pk)

    indexing.rebuild_index(progress=unpublish_meanwhile)
    assert unpublished and found_page_ids("الزنجبيل") == []


def test_old_index_changes_are_pruned(site_tree, committed):
    from datetime import timedelta

    from django.utils import timezone

    from search.models import IndexChange

    old = IndexChange.objects.create(page_id=1, changed_at=timezone.now() - timedelta(days=2))
    with committed():
        page = new_faq(site_tree["ar"].indexes["faq"], title="سؤال", answer="<p>نص</p>", slug="recent")
    assert not IndexChange.objects.filter(pk=old.pk).exists()
    assert IndexChange.objects.filter(page_id=page.pk).exists()
