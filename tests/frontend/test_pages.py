"""Page templates: what each page type shows and how it is structured."""

from __future__ import annotations

import datetime

from django.utils import timezone

from knowledge.models import Channel, Topic
from knowledge.services import publish
from tests.factories import AgencyFactory, choose_arabic_digits
from tests.frontend import builders
from tests.frontend.test_layout import soup


def test_home_page_has_hero_search_charter_highlight_channels_and_sections(client, site_tree):
    ar = site_tree["ar"]
    charter = builders.charter(ar.home)
    guide = builders.guide(ar.indexes["guide"], kind="phone")
    page = soup(client.get("/"))
    assert page.select_one(".hero h1").get_text(strip=True)
    assert page.select_one(".hero form[role=search] input[name=q]")
    highlight = page.select_one(".home-charter")
    assert charter.summary in highlight.get_text()
    duties = [li.select_one(".numbered-list__title").get_text() for li in highlight.select("ol li")]
    assert duties == ["الالتزام 1", "الالتزام 2", "الالتزام 3"]
    assert highlight.select_one(f"a[href='{charter.url}']")
    channels = page.select(".channel-grid li")
    assert len(channels) == Channel.objects.count() == 5
    assert page.select_one(f".channel-grid a[href='{guide.url}']")
    section_links = {a["href"] for a in page.select(".home-browse a")}
    assert {"/faq/", "/guides/", "/procedures/", "/articles/", "/news/", charter.url} <= section_links


def test_charter_sections_are_numbered_lists_with_a_table_of_contents(client, site_tree):
    charter = builders.charter(site_tree["ar"].home)
    page = soup(client.get(charter.url))
    toc = [a["href"] for a in page.select("nav.toc a")]
    assert toc == ["#section-1", "#section-2"]
    for anchor in toc:
        assert page.select_one(anchor).name == "section"
    duties = page.select_one("#section-2 ol.numbered-list")
    assert len(duties.select("li")) == 10
    assert page.select_one("#section-2 .charter-section__number").get_text() == "2"


def test_etiquette_guide_shows_do_and_avoid_items_with_text_and_icons(client, site_tree):
    guide = builders.guide(site_tree["en"].indexes["guide"], kind="centre", title="Service centre etiquette")
    page = soup(client.get(guide.url))
    do = page.select_one(".checklist__item--do")
    avoid = page.select_one(".checklist__item--dont")
    assert do.select_one(".checklist__kind").get_text(strip=True) == "Do"
    assert avoid.select_one(".checklist__kind").get_text(strip=True) == "Avoid"
    assert do.select_one("svg.icon--check") and avoid.select_one("svg.icon--cross")
    assert do.select_one(".checklist__note").get_text(strip=True) == "ملاحظة"
    assert page.select_one(".stage h2").get_text(strip=True).startswith("Before service")


def test_knowledge_page_meta_shows_agency_channels_dates_and_owner(client, site_tree):
    agency = AgencyFactory(slug="bureau", name_ar="ديوان الخدمة", name_en="Service Bureau")
    procedure = builders.procedure(site_tree["en"].indexes["procedure"], agency=agency, owner_team="Quality team")
    procedure.channels.set(Channel.objects.filter(key__in=["centre", "phone"]))
    publish(procedure)
    page = soup(client.get(procedure.url))
    meta = page.select_one("dl.page-meta").get_text(" ", strip=True)
    assert "Service Bureau" in meta and "Quality team" in meta
    assert "Last updated" in meta and "Last reviewed on" in meta
    reviewed = timezone.localdate()
    assert page.select_one(f"dl.page-meta time[datetime='{reviewed.isoformat()}']")
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "حجز موعد في مركز الخدمة" in facts
    # The expected time shows once: the text when there is one, else the working days.
    assert facts.count("تأكيد فوري") == 1 and "working days" not in facts
    assert [li.get_text(strip=True) for li in page.select("ol.steps li strong")] == ["اختر الخدمة"]
    assert page.select_one("ul.doc-checklist li").get_text(strip=True) == "بطاقة الهوية"


def test_arabic_meta_dates_use_arabic_month_names_and_the_sites_digits(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="question")
    text = soup(client.get(faq.url)).select_one("dl.page-meta time").get_text()
    assert any(digit in text for digit in "0123456789")
    assert not any(digit in text for digit in "٠١٢٣٤٥٦٧٨٩") and "،" not in text
    choose_arabic_digits("arabic-indic")
    text = soup(client.get(faq.url)).select_one("dl.page-meta time").get_text()
    assert any(digit in text for digit in "٠١٢٣٤٥٦٧٨٩")
    assert not any(digit in text for digit in "0123456789")


def test_faq_index_groups_questions_by_topic_in_topic_order(client, site_tree):
    index = site_tree["ar"].indexes["faq"]
    second = Topic.objects.create(slug="b-second", name_ar="الموضوع الثاني", name_en="Second", sort_order=2)
    first = Topic.objects.create(slug="z-first", name_ar="الموضوع الأول", name_en="First", sort_order=1)
    builders.faq(index, title="سؤال ثانٍ", slug="q2", topic=second)
    builders.faq(index, title="سؤال أول", slug="q1", topic=first)
    builders.faq(index, title="سؤال بلا موضوع", slug="q3")
    groups = soup(client.get("/faq/")).select("section.faq-group")
    assert [group.h2.get_text(strip=True) for group in groups][:2] == ["الموضوع الأول", "الموضوع الثاني"]
    assert groups[0].select_one("a").get_text(strip=True) == "سؤال أول"
    assert len(groups) == 3


def test_faq_page_shows_the_question_as_the_heading_and_its_topic(client, site_tree):
    topic = Topic.objects.create(slug="complaints", name_ar="الشكاوى", name_en="Complaints", sort_order=1)
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="كيف أشتكي؟", slug="complain", topic=topic)
    page = soup(client.get(faq.url))
    assert page.select_one("main h1").get_text(strip=True) == "كيف أشتكي؟"
    assert "الشكاوى" in page.select_one("dl.page-meta").get_text()
    assert page.select_one("#page-feedback")


def test_procedure_index_is_a_table_of_service_agency_time_and_channels(client, site_tree):
    builders.procedure(site_tree["ar"].indexes["procedure"])
    table = soup(client.get("/procedures/")).select_one("table.data-table")
    assert len(table.select("thead th")) == 4
    row = table.select_one("tbody tr")
    assert row.th.get_text(strip=True) == "حجز موعد في مركز الخدمة"
    assert "تأكيد فوري" in row.get_text()


def test_news_index_lists_newest_first_and_paginates(client, site_tree):
    index = site_tree["ar"].indexes["announcement"]
    start = datetime.date(2026, 1, 1)
    for number in range(12):
        builders.announcement(
            index, title=f"خبر {number}", slug=f"news-{number}", date=start + datetime.timedelta(days=number)
        )
    first = soup(client.get("/news/"))
    titles = [a.get_text(strip=True) for a in first.select(".teaser__title a")]
    assert titles[:2] == ["خبر 11", "خبر 10"] and len(titles) == 10
    assert first.select_one("nav.pagination a[rel=next]")["href"] == "?page=2"
    second = soup(client.get("/news/", {"page": 2}))
    assert [a.get_text(strip=True) for a in second.select(".teaser__title a")] == ["خبر 1", "خبر 0"]
    assert soup(client.get("/news/", {"page": "x"})).select(".teaser__title a")


def test_owner_label_follows_the_reader_language(site_tree):
    from django.utils import translation

    from tests.factories import UserFactory
    from tests.frontend.builders import faq

    owner = UserFactory(full_name_ar="سارة الأحمد", full_name_en="Sara Al-Ahmad")
    page = faq(site_tree["ar"].indexes["faq"], title="سؤال", slug="owned-question", content_owner=owner)
    with translation.override("en"):
        assert page.get_owner_label() == "Sara Al-Ahmad"
    with translation.override("ar"):
        assert page.get_owner_label() == "سارة الأحمد"


# --- announcements, procedures, footer, guides -------------------------------------------------


def test_announcements_show_open_or_closed_and_the_home_lists_current_ones_first(client, site_tree):
    news = site_tree["en"].indexes["announcement"]
    today = timezone.localdate()
    builders.announcement(
        news,
        title="Closed call",
        slug="closed",
        date=today - datetime.timedelta(days=2),
        closing_date=today - datetime.timedelta(days=1),
    )
    builders.announcement(
        news,
        title="Open call",
        slug="open",
        date=today - datetime.timedelta(days=30),
        closing_date=today + datetime.timedelta(days=10),
    )
    builders.announcement(news, title="Plain news", slug="plain", date=today - datetime.timedelta(days=20))
    home = soup(client.get("/en/"))
    titles = [a.get_text(strip=True) for a in home.select(".news-list__title")]
    assert titles == ["Plain news", "Open call", "Closed call"]
    statuses = [p.get_text(strip=True) for p in home.select(".news-list .badge")]
    closing = today + datetime.timedelta(days=10)
    assert statuses[0] == f"Open until {closing.day} {closing:%B %Y}"
    assert statuses[1].startswith("Closed (closing date: ")
    page = soup(client.get("/en/news/closed/"))
    assert page.select_one(".page-header .badge--closed")


def test_the_feed_dates_each_announcement_by_its_own_date(client, site_tree):
    builders.announcement(
        site_tree["en"].indexes["announcement"], title="Old news", slug="old", date=datetime.date(2024, 2, 1)
    )
    response = client.get("/en/feeds/announcements/")
    assert response.status_code == 200
    assert "<pubDate>Thu, 01 Feb 2024 00:00:00 " in response.content.decode()


def test_a_procedure_without_a_duration_text_shows_its_working_days(client, site_tree):
    procedure = builders.procedure(site_tree["en"].indexes["procedure"], service_level="", service_level_days=5)
    facts = soup(client.get(procedure.url)).select_one(".facts").get_text(" ", strip=True)
    assert facts.count("5 working days") == 1


def test_the_footer_links_to_contact_privacy_and_terms_pages(client, site_tree):
    articles = site_tree["en"].indexes["article"]
    for slug, title in (("terms", "Terms of use"), ("contact", "Contact us"), ("privacy", "Privacy policy")):
        builders.article(articles, slug=slug, title=title)
    links = [
        (a.get_text(strip=True), a["href"]) for a in soup(client.get("/en/")).select("footer .site-footer__links a")
    ]
    assert links[-3:] == [
        ("Contact us", "/en/articles/contact/"),
        ("Privacy policy", "/en/articles/privacy/"),
        ("Terms of use", "/en/articles/terms/"),
    ]


def test_titled_items_with_several_parts_show_each_part_and_its_label(client, site_tree):
    body = [
        {
            "type": "items",
            "value": [{"title": "The angry customer", "text": "Traits: loud.\n\nHow to serve them: stay calm."}],
        }
    ]
    guide = builders.guide(site_tree["en"].indexes["guide"], kind="customer_types", title="Types", body=body)
    page = soup(client.get(guide.url))
    parts = page.select(".titled-list--parts .titled-list__text p")
    assert [(p.select_one(".titled-list__label").get_text(), p.get_text(" ", strip=True)) for p in parts] == [
        ("Traits:", "Traits: loud."),
        ("How to serve them:", "How to serve them: stay calm."),
    ]
    assert page.select_one("button[data-print][hidden]")


def test_the_english_menu_uses_the_short_type_labels(client, site_tree):
    builders.charter(site_tree["ar"].home)
    labels = [a.get_text(strip=True) for a in soup(client.get("/en/")).select("nav.primary-nav a")]
    assert labels == ["Etiquette guides", "Service procedures", "FAQs", "Articles", "News"]
