"""Arabic first: the interface catalogue is complete and compiled, the JavaScript catalogue
is the portal's own, and no English interface text shows on the Arabic site."""

from __future__ import annotations

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from knowledge.demo.loader import load_demo
from knowledge.models import KnowledgePage

CATALOGUE_DIR = Path(settings.LOCALE_PATHS[0]) / "ar" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def read_po(path: Path) -> list[dict]:
    """A small reader for the .po files makemessages writes (enough for these checks)."""
    entries: list[dict] = []
    entry: dict = {"flags": set()}
    field = None
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += _unquote(line)
        else:
            field, _, value = line.partition(" ")
            entry[field] = _unquote(value)
    return [entry for entry in entries if entry["msgid"]]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_interface_string_has_an_arabic_translation(domain):
    entries = read_po(CATALOGUE_DIR / f"{domain}.po")
    assert entries
    untranslated = [
        entry["msgid"]
        for entry in entries
        if "fuzzy" in entry["flags"]
        or not all(value.strip() for key, value in entry.items() if key.startswith("msgstr"))
    ]
    assert untranslated == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_the_po_file(domain):
    with (CATALOGUE_DIR / f"{domain}.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in read_po(CATALOGUE_DIR / f"{domain}.po"):
        key = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if "msgid_plural" in entry:
            forms = [entry[f"msgstr[{index}]"] for index in range(6)]
            assert [compiled.ngettext(entry["msgid"], entry["msgid_plural"], n) for n in (0, 1, 2, 3, 11, 100)] == forms
        else:
            assert compiled._catalog.get(key) == entry["msgstr"], entry["msgid"]


def _catalogue(client, url: str) -> dict:
    body = client.get(url).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))


def test_javascript_catalogue_is_the_portals_own_and_cacheable(client):
    response = client.get("/jsi18n/")
    assert response.status_code == 200
    assert "max-age=3600" in response["Cache-Control"]
    catalogue = _catalogue(client, "/jsi18n/")
    assert catalogue["Thank you for your feedback."] == "شكرًا على ملاحظاتك."
    assert catalogue["result"] == ["نتيجة", "نتيجة", "نتيجتان", "نتائج", "نتيجة", "نتيجة"]
    # Wagtail's and allauth's catalogues (hundreds of admin strings) are not shipped to readers.
    assert len(catalogue) < 100


def test_english_javascript_catalogue_has_no_arabic(client):
    body = client.get("/en/jsi18n/").content.decode()
    assert "django.gettext" in body
    # Arabic letters, literal or JSON-escaped (\u0600-\u06ff).
    assert not re.search(r"[\u0600-\u06ff]|\\u06[0-9a-f]{2}", body)


#: Latin-script words that legitimately appear in the Arabic interface.
ALLOWED_LATIN = {"English", "RSS", "WCAG", "AA", "Tamayuz", "PDF", "SMS", "BHD"}
#: Two or more Latin words in a row: an English phrase, i.e. untranslated interface text.
ENGLISH_PHRASE = re.compile(r"[A-Za-z][A-Za-z'’-]+(?:[ ,:.]+[A-Za-z][A-Za-z'’-]+)+")


def _visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for node in soup(["script", "style", "template"]):
        node.decompose()
    for node in soup.find_all(attrs={"lang": "en"}):
        node.decompose()  # text marked as English on purpose (the language switch, English results)
    texts = [soup.get_text(" ")]
    for node in soup.find_all(True):
        for attribute in ("aria-label", "title", "placeholder", "alt", "aria-description"):
            if node.get(attribute):
                texts.append(node[attribute])
    return " ".join(texts)


def test_arabic_pages_show_no_english_interface_text(client, site_tree):
    load_demo(with_users=True)
    pages = (
        KnowledgePage.objects.live()
        .public()
        .filter(locale__language_code="ar", audience=KnowledgePage.AUDIENCE_PUBLIC)
        .specific()
    )
    urls = ["/", "/search/", "/search/?q=شكوى", "/search/?q=zzzzqqq", "/accounts/login/", "/no-such-page/"]
    urls += sorted({page.get_parent().url for page in pages})  # every index page
    seen_types = set()
    for page in pages:  # one page of each type
        if type(page) not in seen_types:
            seen_types.add(type(page))
            urls.append(page.url)
    problems = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if url == "/no-such-page/" else 200), url
        assert '<html lang="ar" dir="rtl">' in response.content.decode(), url
        phrases = [
            phrase
            for phrase in ENGLISH_PHRASE.findall(_visible_text(response.content.decode()))
            if not set(re.findall(r"[A-Za-z'’-]+", phrase)) <= ALLOWED_LATIN
        ]
        if phrases:
            problems[url] = phrases
    assert len(seen_types) >= 6
    assert problems == {}
