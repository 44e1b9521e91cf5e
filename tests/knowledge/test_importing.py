"""``import_knowledge``: Markdown files with YAML front matter become knowledge pages.

Real files in ``tmp_path``, the real database and the real publishing service."""

from __future__ import annotations

import datetime

import pytest
import yaml
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, Revision

from knowledge.importing import KnowledgeImportError, import_knowledge, markdown_to_rich_text
from knowledge.models import (
    AnnouncementPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    HomePage,
    KnowledgeArticlePage,
    KnowledgePage,
    ServiceProcedurePage,
    Topic,
)
from portal.models import Agency
from tests.factories import AgencyFactory, UserFactory, create_faq


@pytest.fixture(autouse=True)
def english_messages():
    """The assertions below quote the English messages; the default (Arabic) catalogue is
    checked by ``test_messages_follow_the_default_language_arabic``."""
    with translation.override("en"):
        yield


def write(folder, name: str, body: str = "Some text.", **front_matter) -> None:
    """Write ``folder/name`` with ``front_matter`` as YAML and ``body`` as Markdown."""
    front = {"type": "faq", "slug": "file-a-complaint", "locale": "ar", "title": "كيف أقدم شكوى؟", **front_matter}
    front = {key: value for key, value in front.items() if value is not None}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def revision_count(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def problems_of(folder) -> list[str]:
    with pytest.raises(KnowledgeImportError) as caught:
        import_knowledge(directory=folder)
    return [str(problem) for problem in caught.value.problems]


# --- where each type goes ------------------------------------------------------------------


def test_faq_answer_is_the_markdown_body_under_the_faq_index_of_its_locale(site_tree, tmp_path):
    write(tmp_path, "a.md", "Open **Tawasul** and choose the agency.", locale="en", title="How do I complain?")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.get_parent().pk == site_tree["en"].indexes["faq"].pk
    assert page.locale.language_code == "en"
    assert page.title == "How do I complain?"
    assert page.answer == "<p>Open <strong>Tawasul</strong> and choose the agency.</p>"


def test_article_body_is_one_paragraph_block(site_tree, tmp_path):
    write(tmp_path, "a.md", "Listen, Apologise, Solve, Thank.", type="article", slug="last-method")
    import_knowledge(directory=tmp_path)
    page = KnowledgeArticlePage.objects.get(slug="last-method")
    assert page.get_parent().pk == site_tree["ar"].indexes["article"].pk
    assert [(block.block_type, block.value.source) for block in page.body] == [
        ("paragraph", "<p>Listen, Apologise, Solve, Thank.</p>")
    ]


def test_procedure_body_is_a_paragraph_block_and_service_name_is_the_title(site_tree, tmp_path):
    write(tmp_path, "p.md", "Bring your ID.", type="procedure", slug="renew-id", title="تجديد الهوية")
    import_knowledge(directory=tmp_path)
    page = ServiceProcedurePage.objects.get(slug="renew-id")
    assert page.get_parent().pk == site_tree["ar"].indexes["procedure"].pk
    assert page.service_name == "تجديد الهوية"
    assert [block.value.source for block in page.body] == ["<p>Bring your ID.</p>"]


def test_guide_intro_is_the_body_and_kind_comes_from_its_only_channel(site_tree, tmp_path):
    write(tmp_path, "g.md", "Answer fast.", type="guide", slug="phone", channels=["phone"])
    import_knowledge(directory=tmp_path)
    page = EtiquetteGuidePage.objects.get(slug="phone")
    assert page.get_parent().pk == site_tree["ar"].indexes["guide"].pk
    assert page.intro == "<p>Answer fast.</p>"
    assert page.guide_kind == "phone"


@pytest.mark.parametrize("channels", [None, ["phone", "email"]])
def test_guide_kind_is_general_without_exactly_one_channel(site_tree, tmp_path, channels):
    write(tmp_path, "g.md", type="guide", slug="manners", channels=channels)
    import_knowledge(directory=tmp_path)
    assert EtiquetteGuidePage.objects.get(slug="manners").guide_kind == "general"


def test_optional_fields_are_set(site_tree, tmp_path):
    write(tmp_path, "a.md", summary="ملخص قصير", channels=["phone", "chat"], tags=["شكاوى", "tawasul"])
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.summary == "ملخص قصير"
    assert sorted(page.channels.values_list("key", flat=True)) == ["chat", "phone"]
    assert sorted(page.tags.names()) == ["tawasul", "شكاوى"]
    assert page.audience == KnowledgePage.AUDIENCE_PUBLIC


# --- Markdown and rich text --------------------------------------------------------------------


def test_markdown_headings_become_h2_and_h3():
    html = markdown_to_rich_text("# One\n\n## Two\n\n#### Four")
    assert html == "<h2>One</h2>\n<h3>Two</h3>\n<h3>Four</h3>"


def test_markdown_lists_and_links_are_kept():
    html = markdown_to_rich_text("- a\n- b\n\n1. one\n2. two\n\n[site](https://www.bahrain.bh)")
    assert "<ul>\n<li>a</li>\n<li>b</li>\n</ul>" in html
    assert "<ol>\n<li>one</li>\n<li>two</li>\n</ol>" in html
    assert '<a href="https://www.bahrain.bh">site</a>' in html


RAW_HTML_BODY = (
    '<script>alert("owned")</script>\n\n'
    '<p onclick="steal()">Hi <img src=x onerror=alert(1)></p>\n\n'
    '<iframe src="https://evil.example"></iframe>\n\n'
    "[click](javascript:alert(2))"
)


def test_the_sanitiser_keeps_no_raw_html_or_script():
    html = markdown_to_rich_text(RAW_HTML_BODY)
    for forbidden in ("<script", "alert", "onclick", "<img", "onerror", "<iframe", "evil.example", "javascript:"):
        assert forbidden not in html
    assert "Hi" in html


def test_a_file_whose_raw_html_the_sanitiser_would_remove_is_refused_naming_each_removal(site_tree, tmp_path):
    write(tmp_path, "a.md", RAW_HTML_BODY)
    write(tmp_path, "b.md", "Fine text.", slug="fine")
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("a.md: content the page cannot hold would be removed: ")
    for removal in (
        '<script> and its text “alert("owned")”',
        "the attribute “onclick” of <p>",
        "<img>",
        "<iframe> and everything in it",
        "the link address “javascript:alert(2)”",
    ):
        assert removal in problem
    assert not FAQPage.objects.exists()


def test_text_after_stray_html_is_not_lost_silently(site_tree, tmp_path):
    write(tmp_path, "a.md", "First paragraph.\n\n<style>\n\nThe rest of the answer.\n\nAnd more.")
    (problem,) = problems_of(tmp_path)
    assert "<style> and everything in it" in problem


def test_an_html_comment_is_named(site_tree, tmp_path):
    write(tmp_path, "a.md", "Text <!-- editors' note --> more.")
    (problem,) = problems_of(tmp_path)
    assert "an HTML comment “editors' note”" in problem


def test_allowed_inline_html_is_kept_without_a_problem(site_tree, tmp_path):
    write(tmp_path, "a.md", "Line one<br>line <b>two</b>.")
    import_knowledge(directory=tmp_path)
    assert FAQPage.objects.get().answer == "<p>Line one<br/>line <b>two</b>.</p>"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(site_tree, tmp_path, settings):
    settings.TAMAYUZ_IMPORT_MAX_FILE_BYTES = 2048
    write(tmp_path, "big.md", "x" * 3000)
    write(tmp_path, "small.md", "Fine.", slug="small")
    assert problems_of(tmp_path) == ["big.md: is 4 KB; files over 2 KB are refused (split the page or shorten it)"]
    assert not FAQPage.objects.exists()


def test_the_default_size_limit_is_512_kb(site_tree, tmp_path):
    write(tmp_path, "big.md", "word " * (512 * 1024 // 5 + 10))
    (problem,) = problems_of(tmp_path)
    assert "files over 512 KB are refused" in problem


# --- audience, agency, publishing --------------------------------------------------------------


def test_staff_audience_is_the_pages_own_audience(site_tree, tmp_path):
    write(tmp_path, "a.md", audience="staff")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.audience == KnowledgePage.AUDIENCE_STAFF
    assert list(page.audience_roles.all()) == []
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_a_list_of_roles_is_an_audience_of_those_roles_only(site_tree, tmp_path):
    write(tmp_path, "a.md", audience=["HR", "leadership"])
    report = import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.live
    assert page.audience == KnowledgePage.AUDIENCE_ROLES
    assert sorted(page.audience_roles.values_list("name", flat=True)) == ["HR", "Leadership"]
    assert report.pages["faq"]["created"] == 1
    # The same file again changes nothing; another set of roles updates the page.
    assert import_knowledge(directory=tmp_path).pages["faq"]["unchanged"] == 1
    write(tmp_path, "a.md", audience=["HR"])
    assert import_knowledge(directory=tmp_path).pages["faq"]["updated"] == 1
    assert list(FAQPage.objects.get(pk=page.pk).audience_roles.values_list("name", flat=True)) == ["HR"]


def test_unknown_roles_and_an_empty_list_are_refused_by_name(site_tree, tmp_path):
    write(tmp_path, "a.md", audience=["HR", "Auditors"])
    write(tmp_path, "b.md", audience=[], slug="other")
    problems = problems_of(tmp_path)
    assert any("a.md" in problem and "Auditors" in problem for problem in problems), problems
    assert any("b.md" in problem and "empty list" in problem for problem in problems), problems
    assert not FAQPage.objects.filter(slug__in=["file-a-complaint", "other"]).exists()


def test_missing_agency_is_created_with_its_slug_as_placeholder_names(site_tree, tmp_path):
    write(tmp_path, "a.md", agency="civil-service")
    report = import_knowledge(directory=tmp_path)
    agency = Agency.objects.get(slug="civil-service")
    assert (agency.name_ar, agency.name_en) == ("civil-service", "civil-service")
    assert FAQPage.objects.get(slug="file-a-complaint").agency == agency
    assert report.agencies_created == ["civil-service"]


def test_existing_agency_is_reused_and_keeps_its_names(site_tree, tmp_path):
    agency = AgencyFactory(slug="civil-service", name_ar="ديوان الخدمة المدنية", name_en="Civil Service Bureau")
    write(tmp_path, "a.md", agency="civil-service")
    import_knowledge(directory=tmp_path)
    assert Agency.objects.get(slug="civil-service").name_en == "Civil Service Bureau"
    assert FAQPage.objects.get(slug="file-a-complaint").agency == agency


def test_published_page_is_live_with_review_date_a_year_ahead(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    today = timezone.localdate()
    assert page.live
    assert page.last_reviewed_on == today
    assert page.review_by == today + relativedelta(months=12)


# --- translations ----------------------------------------------------------------------------


def test_same_slug_in_both_languages_become_translations(site_tree, tmp_path):
    write(tmp_path, "ar.md", locale="ar")
    write(tmp_path, "en.md", locale="en", title="How do I complain?")
    import_knowledge(directory=tmp_path)
    ar = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="ar")
    en = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="en")
    assert ar.translation_key == en.translation_key


def test_english_file_imported_later_joins_the_existing_arabic_page(site_tree, tmp_path):
    write(tmp_path, "ar.md", locale="ar")
    import_knowledge(directory=tmp_path)
    write(tmp_path, "en.md", locale="en", title="How do I complain?")
    import_knowledge(directory=tmp_path)
    ar = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="ar")
    en = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="en")
    assert en.translation_key == ar.translation_key


def test_arabic_file_imported_alone_later_joins_the_existing_english_page(site_tree, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write(first, "en.md", locale="en", title="How do I complain?")
    import_knowledge(directory=first)
    write(second, "ar.md", locale="ar")
    import_knowledge(directory=second)
    ar = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="ar")
    en = FAQPage.objects.get(slug="file-a-complaint", locale__language_code="en")
    assert ar.translation_key == en.translation_key


def test_same_slug_of_different_types_are_not_translations(site_tree, tmp_path):
    write(tmp_path, "faq.md", locale="ar", slug="complaints")
    write(tmp_path, "article.md", locale="en", slug="complaints", type="article")
    import_knowledge(directory=tmp_path)
    faq = FAQPage.objects.get(slug="complaints")
    article = KnowledgeArticlePage.objects.get(slug="complaints")
    assert faq.translation_key != article.translation_key


def test_a_translation_with_another_slug_is_a_problem(site_tree, tmp_path):
    ar = create_faq(site_tree["ar"].indexes["faq"], title="كيف أقدم شكوى؟", slug="file-a-complaint")
    create_faq(
        site_tree["en"].indexes["faq"], title="Complaints", slug="complaints", translation_key=ar.translation_key
    )
    write(tmp_path, "en.md", locale="en", title="How do I complain?")
    problems = problems_of(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith("en.md: ")
    assert "/complaints/" in problems[0]
    assert not FAQPage.objects.filter(slug="file-a-complaint", locale__language_code="en").exists()


# --- running again -----------------------------------------------------------------------------


def test_running_twice_does_not_duplicate_pages(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path)
    import_knowledge(directory=tmp_path)
    assert FAQPage.objects.filter(slug="file-a-complaint").count() == 1


def test_unchanged_file_creates_no_new_revision(site_tree, tmp_path):
    write(tmp_path, "a.md", channels=["phone"], tags=["x"], agency="civil-service", type="article", slug="last")
    import_knowledge(directory=tmp_path)
    page = KnowledgeArticlePage.objects.get(slug="last")
    revisions = revision_count(page)
    report = import_knowledge(directory=tmp_path)
    assert revision_count(page) == revisions
    assert report.pages["article"]["unchanged"] == 1


def test_changed_file_updates_the_live_page(site_tree, tmp_path):
    write(tmp_path, "a.md", "Old answer.")
    import_knowledge(directory=tmp_path)
    write(tmp_path, "a.md", "New answer.", audience="staff")
    report = import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.answer == "<p>New answer.</p>"
    assert page.audience == KnowledgePage.AUDIENCE_STAFF
    assert report.pages["faq"]["updated"] == 1


def test_update_keeps_an_editor_chosen_guide_kind(site_tree, tmp_path):
    write(tmp_path, "g.md", "v1", type="guide", slug="complaints")
    import_knowledge(directory=tmp_path)
    page = EtiquetteGuidePage.objects.get(slug="complaints")
    page.guide_kind = "complaints"
    page.save()
    write(tmp_path, "g.md", "v2", type="guide", slug="complaints")
    import_knowledge(directory=tmp_path)
    assert EtiquetteGuidePage.objects.get(slug="complaints").guide_kind == "complaints"


# --- drafts ------------------------------------------------------------------------------------


def test_draft_import_creates_pages_that_are_not_live(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path, draft=True)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert not page.live
    assert page.has_unpublished_changes
    assert revision_count(page) == 1


def test_draft_import_keeps_the_live_version_and_adds_a_draft(site_tree, tmp_path):
    write(tmp_path, "a.md", "Old answer.")
    import_knowledge(directory=tmp_path)
    write(tmp_path, "a.md", "New answer.")
    import_knowledge(directory=tmp_path, draft=True)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.live
    assert page.answer == "<p>Old answer.</p>"
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().answer == "<p>New answer.</p>"


def test_draft_import_of_an_unchanged_draft_adds_no_revision(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path, draft=True)
    page = FAQPage.objects.get(slug="file-a-complaint")
    report = import_knowledge(directory=tmp_path, draft=True)
    assert revision_count(page) == 1
    assert report.pages["faq"]["unchanged"] == 1


def test_publishing_import_publishes_a_page_left_as_draft(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path, draft=True)
    import_knowledge(directory=tmp_path)
    assert FAQPage.objects.get(slug="file-a-complaint").live


# --- invalid files: every problem, nothing saved ------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ({"colour": "red"}, "unknown key “colour”"),
        ({"type": "recipe"}, "“type” is “recipe”"),
        ({"locale": "fr"}, "“locale” is “fr”"),
        ({"audience": "everyone"}, "“audience” is “everyone”"),
        ({"slug": "bad slug!"}, "“slug” is “bad slug!”"),
        ({"slug": "شكوى"}, "“slug” is “شكوى”"),
        ({"agency": "Civil Service"}, "“agency” is “Civil Service”"),
        ({"title": None}, "“title” is required"),
        ({"title": "  "}, "“title” must not be empty"),
        ({"title": 2024}, "“title” must be text"),
        ({"channels": ["fax"]}, "unknown channel “fax”"),
        ({"channels": "phone"}, "“channels” must be a list"),
        ({"tags": [1, 2]}, "“tags” must be a list"),
    ],
)
def test_invalid_front_matter_is_reported_with_the_file_name(site_tree, tmp_path, front_matter, expected):
    write(tmp_path, "bad.md", **front_matter)
    problems = problems_of(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith("bad.md: ")
    assert expected in problems[0]


def test_faq_without_an_answer_is_a_problem(site_tree, tmp_path):
    write(tmp_path, "bad.md", "   \n")
    assert "needs an answer" in problems_of(tmp_path)[0]


def test_broken_yaml_is_reported(site_tree, tmp_path):
    (tmp_path / "bad.md").write_text("---\ntype: faq\nslug: [unclosed\n---\nbody\n", encoding="utf-8")
    assert "not valid YAML" in problems_of(tmp_path)[0]


def test_missing_front_matter_is_reported(site_tree, tmp_path):
    (tmp_path / "bad.md").write_text("# Just Markdown\n", encoding="utf-8")
    assert "no front matter" in problems_of(tmp_path)[0]


def test_front_matter_that_is_not_a_mapping_is_reported(site_tree, tmp_path):
    (tmp_path / "bad.md").write_text("---\n- a\n- b\n---\nbody\n", encoding="utf-8")
    assert "“key: value”" in problems_of(tmp_path)[0]


def test_non_utf8_file_is_reported(site_tree, tmp_path):
    (tmp_path / "bad.md").write_bytes("---\ntype: faq\ntitle: été\n---\n".encode("latin-1"))
    assert "not UTF-8" in problems_of(tmp_path)[0]


def test_duplicate_type_locale_and_slug_in_one_run_is_reported(site_tree, tmp_path):
    write(tmp_path, "a.md")
    write(tmp_path, "sub/b.md")
    problems = problems_of(tmp_path)
    assert problems == ["sub/b.md: same type, locale and slug (faq, ar, file-a-complaint) as a.md"]


def test_every_problem_of_every_file_is_reported(site_tree, tmp_path):
    write(tmp_path, "one.md", colour="red", locale="fr")
    write(tmp_path, "two.md", slug="two", channels=["fax"])
    (tmp_path / "three.md").write_text("no front matter", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert [problem.split(":")[0] for problem in problems] == ["one.md", "one.md", "three.md", "two.md"]


def test_nothing_is_saved_when_any_file_is_invalid(site_tree, tmp_path):
    write(tmp_path, "good.md", agency="new-agency", type="article", slug="good")
    write(tmp_path, "bad.md", colour="red")
    problems_of(tmp_path)
    assert not KnowledgeArticlePage.objects.filter(slug="good").exists()
    assert not Agency.objects.filter(slug="new-agency").exists()


def test_nothing_is_updated_when_any_file_is_invalid(site_tree, tmp_path):
    write(tmp_path, "good.md", "Old answer.")
    import_knowledge(directory=tmp_path)
    write(tmp_path, "good.md", "New answer.")
    write(tmp_path, "bad.md", slug="other", locale="xx")
    problems_of(tmp_path)
    assert FAQPage.objects.get(slug="file-a-complaint").answer == "<p>Old answer.</p>"


def test_hidden_folders_and_other_files_are_ignored(site_tree, tmp_path):
    write(tmp_path, "a.md")
    write(tmp_path, ".git/b.md", colour="red")
    (tmp_path / "notes.txt").write_text("not markdown", encoding="utf-8")
    report = import_knowledge(directory=tmp_path)
    assert report.total("created") == 1


def test_empty_folder_is_a_problem(site_tree, tmp_path):
    assert "no Markdown" in problems_of(tmp_path)[0]


# --- the command -------------------------------------------------------------------------------


def test_command_prints_a_summary_per_type(site_tree, tmp_path, capsys):
    write(tmp_path, "a.md")
    write(tmp_path, "b.md", type="article", slug="b")
    call_command("import_knowledge", str(tmp_path))
    import_knowledge(directory=tmp_path)  # unchanged now
    write(tmp_path, "b.md", "changed", type="article", slug="b")
    call_command("import_knowledge", str(tmp_path))
    out = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["faq", "created", "0", "updated", "0", "unchanged", "1"] for line in out)
    assert any(line.split() == ["article", "created", "0", "updated", "1", "unchanged", "0"] for line in out)


def test_command_draft_option_saves_drafts(site_tree, tmp_path, capsys):
    write(tmp_path, "a.md")
    call_command("import_knowledge", str(tmp_path), "--draft")
    assert not FAQPage.objects.get(slug="file-a-complaint").live
    assert "draft" in capsys.readouterr().out


def test_command_fails_with_every_problem_and_a_non_zero_exit_code(site_tree, tmp_path):
    write(tmp_path, "one.md", colour="red")
    write(tmp_path, "two.md", slug="two", channels=["fax"])
    with pytest.raises(CommandError) as caught:
        call_command("import_knowledge", str(tmp_path))
    message = str(caught.value)
    assert caught.value.returncode != 0
    assert "2 problems" in message
    assert "one.md: unknown key “colour”" in message
    assert "two.md: unknown channel “fax”" in message
    assert not FAQPage.objects.exists()


def test_command_rejects_a_missing_folder(site_tree, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("import_knowledge", str(tmp_path / "missing"))


def test_command_records_the_given_user_on_revisions(site_tree, tmp_path):
    reviewer = UserFactory(username="reviewer", roles=["Reviewers"])
    write(tmp_path, "a.md")
    call_command("import_knowledge", str(tmp_path), "--user", "reviewer")
    assert FAQPage.objects.get(slug="file-a-complaint").get_latest_revision().user == reviewer


def test_a_user_who_may_not_publish_can_only_import_drafts(site_tree, tmp_path):
    UserFactory(username="editor", roles=["Editors"])
    write(tmp_path, "a.md")
    with pytest.raises(CommandError, match=r"a\.md: editor may not publish pages"):
        call_command("import_knowledge", str(tmp_path), "--user", "editor")
    call_command("import_knowledge", str(tmp_path), "--user", "editor", "--draft")
    assert not FAQPage.objects.get(slug="file-a-complaint").live


def test_a_user_without_page_permissions_may_not_import(site_tree, tmp_path):
    UserFactory(username="staff", roles=["Staff"])
    write(tmp_path, "a.md")
    with pytest.raises(CommandError, match="staff may not add or edit pages here"):
        call_command("import_knowledge", str(tmp_path), "--user", "staff", "--draft")


def test_command_rejects_an_unknown_user(site_tree, tmp_path):
    write(tmp_path, "a.md")
    with pytest.raises(CommandError, match="nobody"):
        call_command("import_knowledge", str(tmp_path), "--user", "nobody")


def test_review_date_is_not_moved_by_an_unchanged_import(site_tree, tmp_path):
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path)
    later = datetime.date(2030, 1, 1)
    FAQPage.objects.filter(slug="file-a-complaint").update(review_by=later)
    import_knowledge(directory=tmp_path)
    assert FAQPage.objects.get(slug="file-a-complaint").review_by == later


def test_messages_follow_the_default_language_arabic(site_tree, tmp_path):
    write(tmp_path, "bad.md", colour="blue")
    with translation.override("ar"):
        problems = problems_of(tmp_path)
    allowed = (
        "agency, audience, channels, competencies, last_reviewed_on, locale, owner_team, related, review_by, "
        "search_keywords, slug, summary, tags, title, topic, type"
    )
    assert problems == [f"bad.md: مفتاح غير معروف «colour» (المسموح: {allowed})"]


# --- editors' work in progress ------------------------------------------------------------


def test_a_page_locked_by_an_editor_is_not_imported_over(site_tree, tmp_path):
    write(tmp_path, "a.md", "First answer.")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    page.locked, page.locked_by, page.locked_at = True, UserFactory(roles=["Editors"]), timezone.now()
    page.save()
    revisions = revision_count(page)

    import_knowledge(directory=tmp_path)  # changes nothing: allowed
    write(tmp_path, "a.md", "Second answer.")
    assert problems_of(tmp_path) == [
        "a.md: the page “كيف أقدم شكوى؟” is locked in the admin; unlock it before importing over it"
    ]
    page.refresh_from_db()
    assert page.answer == "<p>First answer.</p>"
    assert revision_count(page) == revisions


def test_the_editor_who_locked_a_page_may_import_over_it(site_tree, tmp_path):
    reviewer = UserFactory(username="reviewer", roles=["Reviewers"])
    write(tmp_path, "a.md", "First answer.")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    page.locked, page.locked_by, page.locked_at = True, reviewer, timezone.now()
    page.save()
    write(tmp_path, "a.md", "Second answer.")
    import_knowledge(directory=tmp_path, user=reviewer)
    page.refresh_from_db()
    assert page.answer == "<p>Second answer.</p>"


def test_a_page_in_moderation_is_not_imported_over_until_its_workflow_ends(site_tree, tmp_path):
    write(tmp_path, "a.md", "First answer.")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    editor = UserFactory(roles=["Editors"])
    page.answer = "<p>The editor's proposal.</p>"
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    assert page.workflow_in_progress

    write(tmp_path, "a.md", "Second answer.")
    (problem,) = problems_of(tmp_path)
    assert problem == (
        "a.md: the page “كيف أقدم شكوى؟” is in moderation;"
        " approve, reject or cancel its workflow before importing over it"
    )
    page.refresh_from_db()
    assert page.answer == "<p>First answer.</p>"
    assert page.get_latest_revision_as_object().answer == "<p>The editor's proposal.</p>"

    workflow_state.cancel(user=editor)
    import_knowledge(directory=tmp_path)
    page.refresh_from_db()
    assert page.answer == "<p>Second answer.</p>"


# --- every page type's own fields --------------------------------------------------------------

GUIDE_BODY = """Greet every customer.

## Phrases that help

::: callout Remember
Say **what you can do**.
:::

::: items
### Waiting
Ask permission first.

Thank them when you return.
### Transfer
Give the reason.
:::
"""


def test_a_guide_takes_its_kind_stages_introduction_and_blocks(site_tree, tmp_path):
    stages = [
        {"stage": "before", "heading": "Before", "items": [{"do": "Arrive early.", "note": "15 minutes."}]},
        {"stage": "during", "items": [{"avoid": "Do not eat."}]},
    ]
    write(tmp_path, "g.md", GUIDE_BODY, type="guide", slug="g", kind="customer_types", stages=stages)
    import_knowledge(directory=tmp_path)
    page = EtiquetteGuidePage.objects.get(slug="g")
    assert page.guide_kind == "customer_types"
    assert page.intro == "<p>Greet every customer.</p>"
    assert [(s.value["stage"], s.value["heading"]) for s in page.stages] == [("before", "Before"), ("during", "")]
    items = [dict(item) for stage in page.stages for item in stage.value["items"]]
    assert items == [
        {"kind": "do", "text": "Arrive early.", "note": "15 minutes."},
        {"kind": "dont", "text": "Do not eat.", "note": ""},
    ]
    assert [block.block_type for block in page.body] == ["heading", "callout", "items"]
    assert page.body[1].value["title"] == "Remember"
    assert page.body[1].value["text"].source == "<p>Say <strong>what you can do</strong>.</p>"
    assert [dict(item) for item in page.body[2].value] == [
        {"title": "Waiting", "text": "Ask permission first.\n\nThank them when you return."},
        {"title": "Transfer", "text": "Give the reason."},
    ]


def test_a_procedure_takes_steps_documents_fees_duration_and_its_service_name(site_tree, tmp_path):
    write(
        tmp_path,
        "p.md",
        "## More\n\nDetails.",
        type="procedure",
        slug="p",
        service_name="Renewal",
        beneficiaries="individuals",
        steps=[{"title": "Apply", "detail": "Online."}, {"title": "Pay"}],
        documents=["ID card", "Photo"],
        fees="5 dinars",
        duration="3 working days",
        duration_days=3,
    )
    import_knowledge(directory=tmp_path)
    page = ServiceProcedurePage.objects.get(slug="p")
    assert (page.service_name, page.beneficiaries, page.fees) == ("Renewal", "individuals", "5 dinars")
    assert (page.service_level, page.service_level_days) == ("3 working days", 3)
    assert [dict(step.value) for step in page.steps] == [
        {"title": "Apply", "detail": "Online."},
        {"title": "Pay", "detail": ""},
    ]
    assert [document.value for document in page.required_documents] == ["ID card", "Photo"]
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]


def test_an_announcement_takes_a_date_and_a_closing_date_relative_to_the_import(site_tree, tmp_path):
    day = datetime.date(2030, 5, 10)
    write(tmp_path, "a.md", "News.", type="announcement", slug="a", date="today-3", closing_date="today+7")
    write(tmp_path, "b.md", "Old news.", type="announcement", slug="b", date=datetime.date(2030, 1, 2))
    import_knowledge(directory=tmp_path, today=day)
    page = AnnouncementPage.objects.get(slug="a")
    assert (page.date, page.closing_date) == (datetime.date(2030, 5, 7), datetime.date(2030, 5, 17))
    assert page.body == "<p>News.</p>"
    assert AnnouncementPage.objects.get(slug="b").closing_date is None


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ({"closing_date": "today"}, "“date” is required"),
        ({"date": "yesterday"}, "“date” must be a date (2026-01-31) or a day relative to the import"),
        ({"date": "today", "closing_date": "today-1"}, "“closing_date” is before “date”"),
    ],
)
def test_bad_announcement_dates_are_problems(site_tree, tmp_path, front_matter, expected):
    write(tmp_path, "a.md", "News.", type="announcement", slug="a", **front_matter)
    (problem,) = problems_of(tmp_path)
    assert expected in problem


def test_a_charter_takes_its_sections(site_tree, tmp_path):
    sections = [
        {
            "kind": "duties",
            "heading": "Our duty",
            "intro": "We reply within **24 hours**.",
            "items": [{"title": "Respect"}],
        }
    ]
    write(tmp_path, "c.md", "", type="charter", slug="charter", sections=sections)
    import_knowledge(directory=tmp_path)
    page = CharterPage.objects.get(slug="charter")
    assert page.get_parent().specific_class is HomePage
    (section,) = page.sections
    assert section.value["heading"] == "Our duty"
    assert section.value["intro"].source == "<p>We reply within <strong>24 hours</strong>.</p>"
    assert [dict(item) for item in section.value["items"]] == [{"title": "Respect", "text": ""}]


def test_an_faq_takes_its_topic_and_owner_team(site_tree, tmp_path):
    topic = Topic.objects.create(slug="complaints", name_ar="الشكاوى", name_en="Complaints")
    write(tmp_path, "a.md", topic="complaints", owner_team="Complaints Unit")
    write(tmp_path, "b.md", slug="other", topic="brand-new")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert (page.topic, page.owner_team) == (topic, "Complaints Unit")
    assert FAQPage.objects.get(slug="other").topic.name_en == "brand-new"


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ({"stages": []}, "“stages” is not a key of the type “faq” (its own keys: competencies, topic)"),
        ({"type": "guide", "stages": [{"stage": "later", "items": []}]}, "“stages”, item 1: “stage” is “later”"),
        ({"type": "guide", "stages": [{"stage": "before", "items": [{"do": "a", "avoid": "b"}]}]}, "“items”, item 1"),
        ({"type": "procedure", "steps": "apply"}, "“steps” must be a list of items"),
        ({"type": "procedure", "duration_days": "five"}, "“duration_days” must be a whole number"),
        ({"related": ["nothing"]}, "“related” has “nothing”; write each page as type/slug"),
        ({"type": "charter", "sections": [{"kind": "purpose"}]}, "“sections”, item 1: “heading” is required"),
    ],
)
def test_bad_structured_values_are_reported_with_where_they_are(site_tree, tmp_path, front_matter, expected):
    write(tmp_path, "bad.md", "", **({"type": "faq"} | front_matter))
    problems = problems_of(tmp_path)
    assert any(expected in problem for problem in problems), problems


def test_an_unclosed_block_is_a_problem(site_tree, tmp_path):
    write(tmp_path, "a.md", "Intro.\n\n::: callout Note\nText without an end.", type="article", slug="a")
    assert problems_of(tmp_path) == ["a.md: the “::: callout” block on line 3 is not closed with a line “:::”"]


# --- related pages, review dates, keeping existing pages ---------------------------------------


def test_related_pages_point_at_pages_of_the_same_run_in_their_order(site_tree, tmp_path):
    write(tmp_path, "a.md", related=["article/b", "procedure/c"])
    write(tmp_path, "b.md", type="article", slug="b")
    write(tmp_path, "c.md", type="procedure", slug="c")
    import_knowledge(directory=tmp_path)
    faq = FAQPage.objects.get(slug="file-a-complaint")
    assert [related.page.slug for related in faq.related_pages.all()] == ["b", "c"]
    revisions = revision_count(faq)
    import_knowledge(directory=tmp_path)
    assert revision_count(faq) == revisions


def test_a_related_page_that_exists_nowhere_is_a_problem(site_tree, tmp_path):
    write(tmp_path, "a.md", related=["article/missing"])
    assert problems_of(tmp_path) == [
        "a.md: the related page “article/missing” is neither in this language on the site nor in this import"
    ]


def test_review_dates_of_a_file_are_kept_after_publishing(site_tree, tmp_path):
    day = timezone.localdate()
    write(tmp_path, "a.md", review_by="today-5", last_reviewed_on="today-370")
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert (page.review_by, page.last_reviewed_on) == (
        day - datetime.timedelta(days=5),
        day - datetime.timedelta(days=370),
    )
    assert page.is_review_overdue


def test_keeping_existing_pages_leaves_them_as_they_are_and_reports_those_that_differ(site_tree, tmp_path):
    write(tmp_path, "a.md", "First answer.")
    write(tmp_path, "b.md", "Other answer.", slug="other")
    import_knowledge(directory=tmp_path)
    write(tmp_path, "a.md", "A new answer from the file.")
    write(tmp_path, "c.md", "Third.", slug="third")
    revisions = Revision.objects.count()

    report = import_knowledge(directory=tmp_path, existing="keep")

    assert FAQPage.objects.get(slug="file-a-complaint").answer == "<p>First answer.</p>"
    assert report.pages["faq"] == {"kept": 2, "created": 1}
    assert report.kept_changed == ["a.md"]
    assert Revision.objects.count() == revisions + 1


# --- search keywords ---------------------------------------------------------------------------


def test_search_keywords_are_imported_one_phrase_per_line(site_tree, tmp_path):
    write(tmp_path, "a.md", search_keywords=["ابي اشتكي", "complaint", "ابي اشتكي", "بلاغ, شكوى"])
    import_knowledge(directory=tmp_path)
    page = FAQPage.objects.get(slug="file-a-complaint")
    assert page.search_keywords == "ابي اشتكي\ncomplaint\nبلاغ, شكوى"
    assert page.search_keyword_list == ("ابي اشتكي", "complaint", "بلاغ", "شكوى")
    # Importing the same file again changes nothing (no new revision).
    revisions = revision_count(page)
    import_knowledge(directory=tmp_path)
    assert revision_count(FAQPage.objects.get(pk=page.pk)) == revisions


def test_removing_the_search_keywords_from_a_file_clears_them(site_tree, tmp_path):
    write(tmp_path, "a.md", search_keywords=["ابي اشتكي"])
    import_knowledge(directory=tmp_path)
    write(tmp_path, "a.md")
    import_knowledge(directory=tmp_path)
    assert FAQPage.objects.get(slug="file-a-complaint").search_keywords == ""


def test_bad_search_keywords_are_named_and_nothing_is_imported(site_tree, tmp_path):
    write(tmp_path, "a.md", search_keywords="ابي اشتكي")
    write(tmp_path, "b.md", slug="other", search_keywords=["ك" * 101])
    write(tmp_path, "c.md", slug="third", search_keywords=[f"عبارة {number}" for number in range(31)])
    with translation.override("en"):
        problems = problems_of(tmp_path)
    assert problems == [
        "a.md: “search_keywords” must be a list of words, e.g. [a, b]",
        f"b.md: the search keyword “{'ك' * 101}” is longer than 100 characters",
        "c.md: “search_keywords” holds 31 phrases; at most 30 are allowed",
    ]
    assert not FAQPage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stored", "phrases"),
    [
        ("", ()),
        ("ابي احجز\nكنسل الموعد", ("ابي احجز", "كنسل الموعد")),
        ("ابي احجز، كنسل الموعد , appointment", ("ابي احجز", "كنسل الموعد", "appointment")),
        ("  booking \n\n booking,", ("booking",)),
    ],
)
def test_search_keyword_list_splits_lines_and_commas(stored, phrases):
    assert FAQPage(search_keywords=stored).search_keyword_list == phrases
