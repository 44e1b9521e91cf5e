"""Knowledge pages tagged with the competencies of the 360° framework (by their stable
codes): through ``import_knowledge`` (all or nothing, unknown codes refused), the editor's
form (a list of competencies named in the editor's language), and the selector a report
reads ("what to read next": live pages the reader may open, in the reader's language,
guides first, at most three per competency, a fixed number of queries)."""

from __future__ import annotations

import datetime

import pytest
import yaml
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from evaluations.models import Competency, Framework
from knowledge.importing import KnowledgeImportError, import_knowledge
from knowledge.models import (
    CompetencyTag,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    ServiceProcedurePage,
)
from knowledge.selectors import learning_pages
from knowledge.services import publish
from tests.factories import UserFactory, create_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_messages():
    with translation.override("en"):
        yield


def write(folder, name: str, body: str = "Some text.", **front_matter) -> None:
    front = {"type": "guide", "slug": "centre", "locale": "ar", "title": "إرشادات المركز", **front_matter}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def codes_of(page) -> list[str]:
    return sorted(tag.code for tag in CompetencyTag.objects.filter(page=page))


def problems_of(folder) -> list[str]:
    with pytest.raises(KnowledgeImportError) as caught:
        import_knowledge(directory=folder)
    return [str(problem) for problem in caught.value.problems]


# --- the framework's codes ---------------------------------------------------------------------


def test_the_seeded_framework_gives_the_codes_pages_are_tagged_with():
    from knowledge.competencies import competency_choices, known_codes

    assert {"empathy", "attention", "trust", "justice-inclusiveness"} <= known_codes()
    assert ("attention", "Attention") in competency_choices("en")
    assert ("attention", "الاهتمام") in competency_choices("ar")


def test_a_code_of_an_older_version_stays_known_named_as_in_the_newest_that_has_it():
    from knowledge.competencies import competency_choices

    newer = Framework.objects.create(name_ar="الإصدار الجديد", name_en="New version")
    Competency.objects.create(framework=newer, code="attention", name_ar="الانتباه", name_en="Focus", sort_order=0)
    choices = dict(competency_choices("en"))
    assert choices["attention"] == "Focus"  # the newest version's name
    assert choices["empathy"] == "Empathy"  # only in version 1, still a known code
    assert next(iter(choices)) == "attention"  # the newest version's order first


# --- import_knowledge --------------------------------------------------------------------------


def test_import_tags_a_guide_an_article_a_procedure_and_an_faq(site_tree, tmp_path):
    write(tmp_path, "guide.md", competencies=["attention", "trust"])
    write(tmp_path, "article.md", type="article", slug="last", title="LAST", competencies=["attention"])
    write(tmp_path, "procedure.md", type="procedure", slug="renew", title="Renew", competencies=["care"])
    write(tmp_path, "faq.md", type="faq", slug="why", title="Why?", competencies=["empathy"])
    import_knowledge(directory=tmp_path)
    assert codes_of(EtiquetteGuidePage.objects.get(slug="centre")) == ["attention", "trust"]
    assert codes_of(KnowledgeArticlePage.objects.get(slug="last")) == ["attention"]
    assert codes_of(ServiceProcedurePage.objects.get(slug="renew")) == ["care"]
    assert codes_of(FAQPage.objects.get(slug="why")) == ["empathy"]


def test_reimport_changes_the_tags_and_an_unchanged_file_changes_nothing(site_tree, tmp_path):
    write(tmp_path, "guide.md", competencies=["attention", "trust"])
    import_knowledge(directory=tmp_path)
    page = EtiquetteGuidePage.objects.get(slug="centre")
    report = import_knowledge(directory=tmp_path)
    assert report.pages["guide"]["unchanged"] == 1
    write(tmp_path, "guide.md", competencies=["empathy"])
    report = import_knowledge(directory=tmp_path)
    assert report.pages["guide"]["updated"] == 1
    assert codes_of(page) == ["empathy"]
    write(tmp_path, "guide.md")
    import_knowledge(directory=tmp_path)
    assert codes_of(page) == []


def test_an_unknown_code_stops_the_whole_import_naming_the_file(site_tree, tmp_path):
    write(tmp_path, "good.md", slug="good", competencies=["attention"])
    write(tmp_path, "bad.md", slug="bad", competencies=["attention", "patience"])
    problems = problems_of(tmp_path)
    assert len(problems) == 1
    assert problems[0].startswith("bad.md: ")
    assert "unknown competency “patience”" in problems[0]
    assert "attention" in problems[0]  # the known codes are listed
    assert not EtiquetteGuidePage.objects.filter(slug__in=("good", "bad")).exists()
    assert not CompetencyTag.objects.exists()


def test_competencies_must_be_a_list_and_only_on_the_types_that_teach(site_tree, tmp_path):
    write(tmp_path, "a.md", slug="a", competencies="attention")
    write(
        tmp_path,
        "b.md",
        type="announcement",
        slug="b",
        date=datetime.date(2026, 1, 1),
        competencies=["attention"],
    )
    problems = problems_of(tmp_path)
    assert problems == [
        "a.md: “competencies” must be a list of words, e.g. [a, b]",
        "b.md: “competencies” is not a key of the type “announcement” (its own keys: closing_date, date)",
    ]


# --- the editor's form ---------------------------------------------------------------------------


def edit_form(page, data=None):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(data, instance=page, for_user=UserFactory(is_superuser=True))


def test_the_editor_ticks_competencies_named_in_their_language(site_tree):
    page = create_page(site_tree["ar"].indexes["guide"], EtiquetteGuidePage, title="دليل", slug="guide")
    with translation.override("ar"):
        arabic = dict(edit_form(page).fields["competencies"].choices)
    english = dict(edit_form(page).fields["competencies"].choices)
    assert arabic["attention"] == "الاهتمام" and english["attention"] == "Attention"
    assert len(english) == Competency.objects.values("code").distinct().count()


def test_the_edit_page_shows_the_competencies_with_the_current_ones_ticked(client, site_tree):
    page = create_page(
        site_tree["ar"].indexes["article"],
        KnowledgeArticlePage,
        title="مقالة",
        slug="article",
        competency_tags=[CompetencyTag(code="trust")],
    )
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="competencies" value="trust"' in html
    checked = [chunk for chunk in html.split("<input")[1:] if 'name="competencies"' in chunk]
    assert len(checked) == Competency.objects.values("code").distinct().count()
    assert [chunk for chunk in checked if "checked" in chunk.split(">")[0]] == [
        chunk for chunk in checked if 'value="trust"' in chunk
    ]


def test_saving_the_form_keeps_the_tags_in_the_revision_until_published(site_tree):
    page = create_page(site_tree["ar"].indexes["faq"], FAQPage, title="سؤال؟", slug="question")
    form = edit_form(page, None)
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(
        {
            "title": "سؤال؟",
            "slug": "question",
            "answer": '{"blocks":[{"key":"a","type":"unstyled","text":"جواب","depth":0,'
            '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "competencies": ["attention", "care"],
            "audience": "public",
        }
    )
    for prefix in ("related_pages", "comments"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"})
    form = edit_form(page.get_latest_revision_as_object(), data)
    assert form.is_valid(), form.errors
    draft = form.save(commit=False)
    draft.save_revision()
    assert codes_of(page) == []  # a draft: the live page teaches nothing yet
    assert sorted(tag.code for tag in page.get_latest_revision_as_object().competency_tags.all()) == [
        "attention",
        "care",
    ]
    publish(page.get_latest_revision_as_object())
    assert codes_of(page) == ["attention", "care"]

    refused = edit_form(page.get_latest_revision_as_object(), {**data, "competencies": ["patience"]})
    assert not refused.is_valid()
    assert "competencies" in refused.errors


# --- the selector a report reads ---------------------------------------------------------------


def guide(tree, title, *, codes, slug, audience="public", **fields):
    return create_page(
        tree.indexes["guide"],
        EtiquetteGuidePage,
        title=title,
        slug=slug,
        audience=audience,
        competency_tags=[CompetencyTag(code=code) for code in codes],
        **fields,
    )


def test_pages_are_listed_per_code_guides_first_then_by_title_three_at_most(site_tree):
    ar = site_tree["ar"]
    create_page(ar.indexes["faq"], FAQPage, title="أ سؤال", slug="q", competency_tags=[CompetencyTag(code="attention")])
    create_page(
        ar.indexes["article"],
        KnowledgeArticlePage,
        title="ب مقالة",
        slug="a",
        competency_tags=[CompetencyTag(code="attention")],
    )
    guide(ar, "ي دليل", codes=["attention"], slug="g2")
    guide(ar, "ت دليل", codes=["attention", "trust"], slug="g1")
    found = learning_pages(None, codes=["attention", "trust", "care"], language="ar")
    assert [page.title for page in found["attention"]] == ["ت دليل", "ي دليل", "ب مقالة"]
    assert [page.title for page in found["trust"]] == ["ت دليل"]
    assert "care" not in found
    assert found["trust"][0].url == EtiquetteGuidePage.objects.get(slug="g1").url
    assert found["trust"][0].type_label == "Etiquette guide"


def test_the_readers_language_is_used_when_the_page_has_a_translation_there(site_tree):
    arabic = guide(site_tree["ar"], "إرشادات مركز الخدمة", codes=["attention"], slug="centre")
    english = create_page(
        site_tree["en"].indexes["guide"],
        EtiquetteGuidePage,
        title="Service-centre etiquette",
        slug="centre",
        translation_key=arabic.translation_key,
    )
    only_arabic = guide(site_tree["ar"], "دليل بلا ترجمة", codes=["attention"], slug="alone")
    in_english = learning_pages(None, codes=["attention"], language="en")["attention"]
    assert [(page.title, page.language, page.url) for page in in_english] == [
        ("Service-centre etiquette", "en", english.url),
        ("دليل بلا ترجمة", "ar", only_arabic.url),  # no English page: the Arabic one
    ]
    in_arabic = learning_pages(None, codes=["attention"], language="ar")["attention"]
    assert [page.title for page in in_arabic] == ["إرشادات مركز الخدمة", "دليل بلا ترجمة"]


def test_only_live_pages_the_reader_may_open_are_listed(site_tree):
    ar = site_tree["ar"]
    guide(ar, "للجميع", codes=["trust"], slug="public")
    guide(ar, "للموظفين", codes=["trust"], slug="staff", audience="staff")
    hr_only = guide(ar, "للموارد البشرية", codes=["trust"], slug="hr")
    hr_only = EtiquetteGuidePage.objects.get(pk=hr_only.pk)
    hr_only.audience = KnowledgePage.AUDIENCE_ROLES
    hr_only.audience_roles = list(Group.objects.filter(name="HR"))
    publish(hr_only)
    unpublished = guide(ar, "غير منشور", codes=["trust"], slug="gone")
    unpublished.unpublish()

    def titles(user):
        return sorted(page.title for page in learning_pages(user, codes=["trust"], language="ar").get("trust", []))

    assert titles(None) == ["للجميع"]
    assert titles(UserFactory(roles=["Staff"])) == ["للجميع", "للموظفين"]
    assert titles(UserFactory(roles=["Staff", "HR"])) == ["للجميع", "للموارد البشرية", "للموظفين"]


def test_one_lookup_for_every_code(site_tree):
    ar = site_tree["ar"]
    codes = ["empathy", "attention", "care", "partnership", "trust"]
    for number, code in enumerate(codes):
        for copy in range(3):
            guide(ar, f"دليل {number}-{copy}", codes=[code], slug=f"g-{number}-{copy}")
    reader = UserFactory(roles=["Staff"])
    reader = type(reader).objects.get(pk=reader.pk)
    learning_pages(reader, codes=["empathy"], language="ar")  # warm the content-type cache
    reader = type(reader).objects.get(pk=reader.pk)
    with CaptureQueriesContext(connection) as one:
        learning_pages(reader, codes=["empathy"], language="ar")
    reader = type(reader).objects.get(pk=reader.pk)
    with CaptureQueriesContext(connection) as five:
        found = learning_pages(reader, codes=codes, language="ar")
    assert sum(len(pages) for pages in found.values()) == 15
    assert len(five) == len(one) <= 4


# --- the demo content ---------------------------------------------------------------------------


def test_every_competency_of_the_framework_has_one_to_three_demo_pages_in_each_language():
    from collections import defaultdict

    from knowledge.competencies import known_codes
    from knowledge.demo.loader import CONTENT_DIR
    from knowledge.importing import read_folder

    pages: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for parsed in read_folder(CONTENT_DIR):
        for code in parsed.competencies:
            pages[parsed.locale][code].add(f"{parsed.type}/{parsed.slug}")
    for locale in ("ar", "en"):
        assert set(pages[locale]) == known_codes(), locale
        assert all(1 <= len(tagged) <= 3 for tagged in pages[locale].values()), locale
    assert pages["ar"] == pages["en"]  # a page and its translation teach the same
    assert pages["en"]["attention"] == {
        "guide/service-centre-etiquette",
        "article/last-method",
        "faq/staff-before-the-centre-opens",
    }
