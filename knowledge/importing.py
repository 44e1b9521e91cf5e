"""Import knowledge pages from a folder of Markdown files with YAML front matter.

One file is one page. The import runs in three steps:

1. **parse** every file (UTF-8 text, a ``---`` front-matter block, then the Markdown body);
2. **validate** everything: the front matter of each file, duplicates across the run and
   the few conflicts only the database can reveal. Every problem of every file is
   collected; if there is any, :class:`KnowledgeImportError` is raised and nothing is
   written;
3. **apply** the files inside ONE ``transaction.atomic`` block: each page is matched by
   (type index page, locale, slug) and created, updated or left alone. Pages are published
   through :func:`knowledge.services.publish` (so audience restrictions and freshness
   apply) or, with ``draft=True``, only get a draft revision.

Front matter: the keys every page takes, then its type's own keys (README.md documents
them all, with an example of each type)::

    ---
    type: faq            # faq | guide | procedure | article | announcement | charter
    slug: file-a-complaint
    locale: ar           # ar | en
    title: كيف أقدم شكوى؟
    summary: ...         # optional
    audience: public     # public (default) | staff | a list of roles: [HR, Leadership]
    agency: civil-service  # optional; created (slug as placeholder names) when missing
    channels: [phone, email]
    tags: [complaints, tawasul]
    owner_team: ...      # optional
    review_by: today+30  # optional: a date, or a day relative to the import
    related: [procedure/file-complaint-tawasul, charter/charter]
    competencies: [attention, trust]  # guide, procedure, article, faq: codes of the 360° framework
    search_keywords: [ابي اشتكي, complaint]  # optional: how people ask, in words the page lacks
    ---

Files of the same type with the same slug in ``ar`` and ``en`` become translations of
each other (they share ``translation_key``), also when one side was imported earlier.
Raw HTML the page cannot hold is never dropped silently: the file is refused, naming it.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.whitelist import check_url

from knowledge import page_types
from knowledge.blocks import RICH_FEATURES, CharterSectionBlock, StageBlock
from knowledge.competencies import known_codes
from knowledge.models import (
    Channel,
    CompetencyTag,
    EtiquetteGuidePage,
    KnowledgePage,
    RelatedPage,
    ServiceProcedurePage,
    Topic,
)
from knowledge.services import ensure_site_structure, publish
from portal.models import Agency

#: type key -> page class, from the page-type registry. The parent of each type comes from
#: ``ensure_site_structure``: its index page, or the home page for types without one.
PAGE_TYPES: dict[str, type[KnowledgePage]] = {page_type.key: page_type.model for page_type in page_types.PAGE_TYPES}
LOCALES = ("ar", "en")
AUDIENCES = (KnowledgePage.AUDIENCE_PUBLIC, KnowledgePage.AUDIENCE_STAFF)
REQUIRED_KEYS = ("type", "slug", "locale", "title")
COMMON_KEYS = frozenset(
    (
        *REQUIRED_KEYS,
        "summary",
        "audience",
        "agency",
        "channels",
        "tags",
        "owner_team",
        "review_by",
        "last_reviewed_on",
        "related",
        "search_keywords",
    )
)
#: The key of the types that teach competencies (a 360° report links to their pages).
COMPETENCIES_KEY = "competencies"
#: The keys only some types take, besides ``COMMON_KEYS``.
TYPE_KEYS: dict[str, frozenset[str]] = {
    "charter": frozenset(("sections",)),
    "guide": frozenset(("kind", "stages", COMPETENCIES_KEY)),
    "procedure": frozenset(
        ("service_name", "beneficiaries", "steps", "documents", "fees", "duration", "duration_days", COMPETENCIES_KEY)
    ),
    "article": frozenset((COMPETENCIES_KEY,)),
    "announcement": frozenset(("date", "closing_date")),
    "faq": frozenset(("topic", COMPETENCIES_KEY)),
}
ALLOWED_KEYS = COMMON_KEYS.union(*TYPE_KEYS.values())
MARKDOWN_SUFFIXES = (".md", ".markdown")

#: Files larger than this are refused before they are read (``settings.TAMAYUZ_IMPORT_MAX_FILE_BYTES``).
DEFAULT_MAX_FILE_BYTES = 512 * 1024

#: Guide kinds an import derives from the channels; other kinds ("complaints", "customer
#: types") are set with ``kind:`` or chosen by editors, and kept when a file has no ``kind``.
DERIVABLE_GUIDE_KINDS = frozenset((*Channel.KEYS, "general"))
GUIDE_KINDS = tuple(key for key, _label in EtiquetteGuidePage.KIND_CHOICES)
BENEFICIARIES = tuple(key for key, _label in ServiceProcedurePage.BENEFICIARY_CHOICES)
STAGES = tuple(key for key, _label in StageBlock.STAGE_CHOICES)
CHARTER_SECTION_KINDS = tuple(key for key, _label in CharterSectionBlock.KIND_CHOICES)
#: Checklist item keys in a file -> the kind stored in ``ChecklistItemBlock``.
CHECKLIST_KINDS = {"do": "do", "avoid": "dont"}

#: Elements removed with their content before whitelisting (the whitelist alone would keep
#: their text, e.g. a script's source, as visible page text).
DROPPED_ELEMENTS = ("script", "style", "iframe", "object", "embed", "template", "noscript")

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept"
#: What an import does with a page that already exists: bring it in line with the file, or
#: leave it exactly as it is (``load_demo``: editors' work is never overwritten).
UPDATE_EXISTING, KEEP_EXISTING = "update", "keep"
_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
_RELATIVE_DAY = re.compile(r"^today\s*(?:([+-])\s*(\d{1,4}))?$")
_TITLE_MAX = Page._meta.get_field("title").max_length
_SLUG_MAX = Page._meta.get_field("slug").max_length
_AGENCY_SLUG_MAX = Agency._meta.get_field("slug").max_length
_TOPIC_SLUG_MAX = Topic._meta.get_field("slug").max_length
_CHAR_MAX = {
    "owner_team": KnowledgePage._meta.get_field("owner_team").max_length,
    "service_name": ServiceProcedurePage._meta.get_field("service_name").max_length,
    "fees": ServiceProcedurePage._meta.get_field("fees").max_length,
    "duration": ServiceProcedurePage._meta.get_field("service_level").max_length,
}
_HEADING_MAX = 200
_RULE_MAX = 400
_DOCUMENT_MAX = 300
_TAG_MAX = 100
#: A search keyword's length, and how many a page may have (``KnowledgePage.search_keywords``).
_KEYWORD_MAX = 100
_KEYWORDS_MAX = 30


def max_file_bytes() -> int:
    return int(getattr(settings, "TAMAYUZ_IMPORT_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


# --- results and errors --------------------------------------------------------------------


@dataclass(frozen=True)
class ImportProblem:
    """One problem with one file (``file`` is relative to the imported folder)."""

    file: str
    message: str

    def __str__(self) -> str:
        return _("%(file)s: %(problem)s") % {"file": self.file, "problem": self.message}


class KnowledgeImportError(Exception):
    """The folder cannot be imported; nothing was saved. Carries every problem found."""

    def __init__(self, problems: Iterable[ImportProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class ImportReport:
    """What one run did: per page type, how many pages were created, updated, unchanged or
    (keeping existing pages) kept; and which kept pages differ from their file."""

    draft: bool = False
    pages: dict[str, Counter] = field(default_factory=lambda: {key: Counter() for key in PAGE_TYPES})
    agencies_created: list[str] = field(default_factory=list)
    topics_created: list[str] = field(default_factory=list)
    #: Existing pages left alone although they differ from their file (edited since).
    kept_changed: list[str] = field(default_factory=list)

    def count(self, page_type: str, outcome: str) -> None:
        self.pages[page_type][outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.pages.values())


@dataclass(frozen=True)
class KnowledgeFile:
    """A parsed, valid file: what the page should hold.

    ``fields`` holds the values of the type's own model fields (StreamFields as raw block
    data); ``related`` the ``(type, slug)`` of each related page, in order."""

    path: str
    type: str
    slug: str
    locale: str
    title: str
    summary: str
    audience: str
    agency: str | None
    channels: tuple[str, ...]
    tags: tuple[str, ...]
    fields: dict[str, Any]
    related: tuple[tuple[str, str], ...] = ()
    owner_team: str | None = None
    topic: str | None = None
    guide_kind: str | None = None
    review_by: datetime.date | None = None
    last_reviewed_on: datetime.date | None = None
    audience_roles: tuple[str, ...] = ()  # role names, when ``audience`` is "roles"
    #: Codes of the competencies the page teaches (checked against the frameworks in step 2).
    competencies: tuple[str, ...] = ()
    #: How people ask for the page in words it does not hold (searched, never shown).
    search_keywords: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.locale, self.slug)


# --- Markdown to Wagtail rich text -------------------------------------------------------------


class _HeadingLevels(Treeprocessor):
    """Page titles are the only h1: Markdown ``#`` becomes h2, anything deeper h3."""

    def run(self, root):
        for element in root.iter():
            if element.tag == "h1":
                element.tag = "h2"
            elif element.tag in ("h2", "h3", "h4", "h5", "h6"):
                element.tag = "h3"
        return None


class _HeadingLevelsExtension(Extension):
    def extendMarkdown(self, md) -> None:  # Markdown's API name
        md.treeprocessors.register(_HeadingLevels(md), "tamayuz_heading_levels", 0)


def _snippet(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _removed_html(soup: BeautifulSoup, element_rules: dict[str, Any]) -> list[str]:
    """What the sanitiser would take out of ``soup``, each named for the reader: comments,
    elements dropped with their text, elements and attributes the page cannot hold."""
    removed: list[str] = []
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        removed.append(_("an HTML comment “%(text)s”") % {"text": _snippet(str(comment))})
    for element in soup.find_all(True):
        if element.find_parent(DROPPED_ELEMENTS) is not None:
            continue
        if element.name in DROPPED_ELEMENTS and element.text.strip():
            removed.append(
                _("<%(element)s> and its text “%(text)s”") % {"element": element.name, "text": _snippet(element.text)}
            )
        elif element.name in DROPPED_ELEMENTS:
            removed.append(_("<%(element)s> and everything in it") % {"element": element.name})
        elif element.name not in element_rules:
            removed.append(_("<%(element)s> (its markup; the text is kept)") % {"element": element.name})
        else:
            for attribute, value in element.attrs.items():
                if element.name == "a" and attribute == "href":
                    if not check_url(value):
                        removed.append(_("the link address “%(address)s”") % {"address": _snippet(value)})
                    continue
                removed.append(
                    _("the attribute “%(attribute)s” of <%(element)s>")
                    % {"attribute": attribute, "element": element.name}
                )
    return list(dict.fromkeys(removed))


def sanitise_markdown(source: str, *, features: Iterable[str] = RICH_FEATURES) -> tuple[str, list[str]]:
    """Markdown to Wagtail's database rich-text format, keeping only ``features``; and a
    description of everything the sanitiser removed (empty when nothing was).

    Raw HTML in the source never gets through: scripts, styles and frames are dropped with
    their content, then Wagtail's whitelist for the field's features strips every other
    element and attribute it does not allow (``javascript:`` links included)."""
    html = markdown.markdown(source, extensions=["sane_lists", _HeadingLevelsExtension()])
    soup = BeautifulSoup(html, "html.parser")
    converter = EditorHTMLConverter(features=list(features))
    removed = _removed_html(soup, converter.whitelister.element_rules)
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    cleaned = converter.to_database_format(str(soup))
    return cleaned.strip(), removed


def markdown_to_rich_text(source: str, *, features: Iterable[str] = RICH_FEATURES) -> str:
    """Markdown to Wagtail's database rich-text format (see :func:`sanitise_markdown`)."""
    return sanitise_markdown(source, features=features)[0]


_BLOCK_HEADING = re.compile(r"^#{1,2}[ \t]+(?P<text>.+?)[ \t#]*$")
_FENCE_OPEN = re.compile(r"^:::[ \t]*(?P<kind>[a-z]+)[ \t]*(?P<title>.*?)[ \t]*$")
_FENCE_CLOSE = re.compile(r"^:::[ \t]*$")
_ITEM_TITLE = re.compile(r"^###[ \t]+(?P<title>.+?)[ \t#]*$")


class _Body:
    """Parses a Markdown body into ``ArticleBodyBlock`` data, collecting problems.

    ``#``/``##`` lines become heading blocks, ``::: callout Title`` … ``:::`` a callout,
    ``::: items`` … ``:::`` (each item a ``### Title`` line and its text) a titled list, and
    everything else paragraph blocks."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        self.removed: list[str] = []

    def rich_text(self, source: str) -> str:
        html, removed = sanitise_markdown(source)
        self.removed.extend(removed)
        return html

    def blocks(self, source: str) -> list[dict[str, Any]]:
        blocks: list[dict[str, Any]] = []
        paragraph: list[str] = []

        def flush() -> None:
            html = self.rich_text("".join(paragraph)) if "".join(paragraph).strip() else ""
            if html:
                blocks.append({"type": "paragraph", "value": html})
            paragraph.clear()

        lines = source.splitlines(keepends=True)
        index = 0
        while index < len(lines):
            line = lines[index].rstrip("\r\n")
            heading, fence = _BLOCK_HEADING.match(line), _FENCE_OPEN.match(line)
            if heading:
                flush()
                text = heading["text"]
                if len(text) > _HEADING_MAX:
                    self.problems.append(
                        _("the heading “%(text)s” is longer than %(max)s characters")
                        % {"text": _snippet(text), "max": _HEADING_MAX}
                    )
                blocks.append({"type": "heading", "value": text})
            elif fence:
                flush()
                end = next(
                    (i for i in range(index + 1, len(lines)) if _FENCE_CLOSE.match(lines[i].rstrip("\r\n"))), None
                )
                if end is None:
                    self.problems.append(
                        _("the “::: %(kind)s” block on line %(line)s is not closed with a line “:::”")
                        % {"kind": fence["kind"], "line": index + 1}
                    )
                    return blocks
                block = self.fenced(fence["kind"], fence["title"], "".join(lines[index + 1 : end]), index + 1)
                if block is not None:
                    blocks.append(block)
                index = end
            else:
                paragraph.append(lines[index])
            index += 1
        flush()
        return blocks

    def fenced(self, kind: str, title: str, inner: str, line: int) -> dict[str, Any] | None:
        if kind == "callout":
            text = self.rich_text(inner) if inner.strip() else ""
            if not text:
                self.problems.append(_("the callout on line %(line)s has no text") % {"line": line})
                return None
            return {"type": "callout", "value": {"title": title, "text": text}}
        if kind == "items":
            items = self.titled_items(inner, line)
            return {"type": "items", "value": items} if items is not None else None
        self.problems.append(
            _("unknown block “::: %(kind)s” on line %(line)s (blocks: callout, items)") % {"kind": kind, "line": line}
        )
        return None

    def titled_items(self, inner: str, line: int) -> list[dict[str, str]] | None:
        items: list[dict[str, str]] = []
        for offset, raw in enumerate(inner.splitlines()):
            title = _ITEM_TITLE.match(raw)
            if title:
                if len(title["title"]) > _HEADING_MAX:
                    self.problems.append(
                        _("the heading “%(text)s” is longer than %(max)s characters")
                        % {"text": _snippet(title["title"]), "max": _HEADING_MAX}
                    )
                items.append({"title": title["title"], "text": ""})
            elif items:
                items[-1]["text"] += raw + "\n"
            elif raw.strip():
                self.problems.append(
                    _("line %(line)s: each item of a “::: items” block starts with a line “### title”")
                    % {"line": line + offset + 1}
                )
                return None
        for item in items:
            item["text"] = item["text"].strip()
        return items


# --- step 1 and 2: parse and validate -------------------------------------------------------


def find_markdown_files(directory: Path) -> list[Path]:
    """Markdown files in ``directory`` and its sub-folders (hidden ones skipped), sorted."""
    files = []
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in MARKDOWN_SUFFIXES:
            files.append(path)
    return sorted(files)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``(front matter, body)``, or None when the text does not start with a ``---`` block."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FRONT_MATTER_FENCE.match(lines[0].rstrip("\r\n")):
        return None
    for index in range(1, len(lines)):
        if _FRONT_MATTER_FENCE.match(lines[index].rstrip("\r\n")):
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    return None


def _text_value(data: dict, key: str, problems: list[str], *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            problems.append(_("“%(key)s” is required") % {"key": key})
        return None
    if not isinstance(value, str):
        problems.append(_("“%(key)s” must be text (put it in quotes)") % {"key": key})
        return None
    value = value.strip()
    if required and not value:
        problems.append(_("“%(key)s” must not be empty") % {"key": key})
        return None
    return value


def _choice_value(data: dict, key: str, choices: Iterable[str], problems: list[str], **kwargs) -> str | None:
    value = _text_value(data, key, problems, **kwargs)
    choices = tuple(choices)
    if value is not None and value not in choices:
        problems.append(
            _("“%(key)s” is “%(value)s”; it must be one of: %(choices)s")
            % {"key": key, "value": value, "choices": ", ".join(choices)}
        )
        return None
    return value


def _audience_values(data: dict, problems: list[str]) -> dict[str, Any]:
    """``audience``: ``public`` (default), ``staff`` (every portal role), or a list of
    portal roles (``[HR, Leadership]``, any letter case) who alone may read the page."""
    from portal.roles import ALL_ROLES

    value = data.get("audience")
    if not isinstance(value, list):
        audience = _choice_value(data, "audience", AUDIENCES, problems) or KnowledgePage.AUDIENCE_PUBLIC
        return {"audience": audience, "audience_roles": ()}
    by_name = {role.casefold(): role for role in ALL_ROLES}
    chosen = []
    for item in value:
        role = by_name.get(str(item).strip().casefold()) if isinstance(item, str | int) else None
        if role is None:
            problems.append(
                _("“audience” names the unknown role “%(role)s” (roles: %(choices)s)")
                % {"role": item, "choices": ", ".join(ALL_ROLES)}
            )
        else:
            chosen.append(role)
    if not value:
        problems.append(_("“audience” is an empty list: name at least one role, or write public or staff"))
    return {"audience": KnowledgePage.AUDIENCE_ROLES, "audience_roles": tuple(sorted(set(chosen)))}


def _slug_value(data: dict, key: str, max_length: int, problems: list[str], *, required: bool) -> str | None:
    value = _text_value(data, key, problems, required=required)
    if not value:
        return None
    try:
        validate_slug(value)
    except ValidationError:
        problems.append(
            _("“%(key)s” is “%(value)s”; use only ASCII letters, digits, hyphens and underscores")
            % {"key": key, "value": value}
        )
        return None
    if len(value) > max_length:
        problems.append(_("“%(key)s” is longer than %(max)s characters") % {"key": key, "max": max_length})
        return None
    return value


def _list_value(data: dict, key: str, problems: list[str]) -> list[str] | None:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(_("“%(key)s” must be a list of words, e.g. [a, b]") % {"key": key})
        return None
    return [item.strip() for item in value]


def _longer_than(items: list[str], limit: int, message: str, name: str, problems: list[str]) -> None:
    """A problem for each item longer than ``limit`` (``message`` names it as ``name``)."""
    problems.extend(message % {name: item, "max": limit} for item in items if len(item) > limit)


def _date_value(data: dict, key: str, problems: list[str], *, today: datetime.date) -> datetime.date | None:
    """A date (``2026-01-31``) or a day relative to the import (``today``, ``today-30``)."""
    value = data.get(key)
    if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
        return value
    match = _RELATIVE_DAY.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        problems.append(
            _("“%(key)s” must be a date (2026-01-31) or a day relative to the import (today, today-30, today+7)")
            % {"key": key}
        )
        return None
    days = int(match.group(2) or 0) * (-1 if match.group(1) == "-" else 1)
    return today + datetime.timedelta(days=days)


def _max_length(value: str | None, key: str, max_length: int, problems: list[str]) -> None:
    if value and len(value) > max_length:
        problems.append(_("“%(key)s” is longer than %(max)s characters") % {"key": key, "max": max_length})


def _mapping_list(
    data: dict, key: str, problems: list[str], parse_item: Callable[[dict, list[str]], Any]
) -> list[Any] | None:
    """A list of ``key: value`` mappings, each read by ``parse_item``; problems name the item."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(_("“%(key)s” must be a list of items, each on a line starting with “- ”") % {"key": key})
        return None
    parsed = []
    for number, item in enumerate(value, start=1):
        item_problems: list[str] = []
        if isinstance(item, dict):
            parsed.append(parse_item(item, item_problems))
        else:
            item_problems.append(_("must be “key: value” lines"))
        for problem in item_problems:
            problems.append(
                _("“%(key)s”, item %(number)s: %(problem)s") % {"key": key, "number": number, "problem": problem}
            )
    return parsed


def _only_keys(item: dict, allowed: Iterable[str], problems: list[str]) -> None:
    allowed = tuple(allowed)
    for key in sorted(str(key) for key in item if key not in allowed):
        problems.append(_("unknown key “%(key)s” (allowed: %(allowed)s)") % {"key": key, "allowed": ", ".join(allowed)})


class _TypeFields:
    """The type-specific part of a file: ``read(data, body)`` returns the type's own field
    values (what ``KnowledgeFile.fields`` holds)."""

    def __init__(self, problems: list[str], *, today: datetime.date) -> None:
        self.problems = problems
        self.today = today
        self.body = _Body(problems)

    def read(self, page_type: str, data: dict, body: str) -> dict[str, Any]:
        return getattr(self, f"read_{page_type}")(data, body)

    @property
    def removed(self) -> list[str]:
        return self.body.removed

    def read_faq(self, data: dict, body: str) -> dict[str, Any]:
        answer = self.body.rich_text(body) if body.strip() else ""
        if not answer:
            self.problems.append(_("an FAQ needs an answer: the text after the front matter is empty"))
        return {"answer": answer}

    def read_article(self, data: dict, body: str) -> dict[str, Any]:
        return {"body": self.body.blocks(body)}

    def read_announcement(self, data: dict, body: str) -> dict[str, Any]:
        date = _date_value(data, "date", self.problems, today=self.today)
        if "date" not in data:
            self.problems.append(_("“%(key)s” is required") % {"key": "date"})
        closing_date = _date_value(data, "closing_date", self.problems, today=self.today)
        if date and closing_date and closing_date < date:
            self.problems.append(_("“closing_date” is before “date”"))
        text = self.body.rich_text(body) if body.strip() else ""
        if not text:
            self.problems.append(_("an announcement needs a text: the text after the front matter is empty"))
        return {"date": date, "closing_date": closing_date, "body": text}

    def read_guide(self, data: dict, body: str) -> dict[str, Any]:
        blocks = self.body.blocks(body)
        intro = ""
        if blocks and blocks[0]["type"] == "paragraph":
            intro = blocks.pop(0)["value"]
        stages = _mapping_list(data, "stages", self.problems, self.stage) or []
        return {"intro": intro, "stages": [{"type": "stage", "value": stage} for stage in stages], "body": blocks}

    def stage(self, item: dict, problems: list[str]) -> dict[str, Any]:
        _only_keys(item, ("stage", "heading", "items"), problems)
        heading = _text_value(item, "heading", problems) or ""
        _max_length(heading, "heading", _HEADING_MAX, problems)
        return {
            "stage": _choice_value(item, "stage", STAGES, problems, required=True),
            "heading": heading,
            "items": _mapping_list(item, "items", problems, self.checklist_item) or [],
        }

    def checklist_item(self, item: dict, problems: list[str]) -> dict[str, str]:
        _only_keys(item, (*CHECKLIST_KINDS, "note"), problems)
        kinds = [key for key in CHECKLIST_KINDS if key in item]
        if len(kinds) != 1:
            problems.append(_("give the rule as “do: …” or “avoid: …”"))
            return {}
        text = _text_value(item, kinds[0], problems, required=True) or ""
        _max_length(text, kinds[0], _RULE_MAX, problems)
        return {"kind": CHECKLIST_KINDS[kinds[0]], "text": text, "note": _text_value(item, "note", problems) or ""}

    def read_procedure(self, data: dict, body: str) -> dict[str, Any]:
        problems = self.problems
        values = {
            "service_name": _text_value(data, "service_name", problems) or _text_value(data, "title", []) or "",
            "beneficiaries": _choice_value(data, "beneficiaries", BENEFICIARIES, problems) or "everyone",
            "steps": [
                {"type": "step", "value": step} for step in _mapping_list(data, "steps", problems, self.step) or []
            ],
            "required_documents": [
                {"type": "document", "value": document} for document in self.documents(data.get("documents"))
            ],
            "fees": _text_value(data, "fees", problems) or "",
            "service_level": _text_value(data, "duration", problems) or "",
            "service_level_days": None,
            "body": self.body.blocks(body),
        }
        for key, name in (("service_name", "service_name"), ("fees", "fees"), ("duration", "service_level")):
            _max_length(values[name], key, _CHAR_MAX[key], problems)
        days = data.get("duration_days")
        if days is not None:
            if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 32767:
                problems.append(_("“duration_days” must be a whole number of working days"))
            else:
                values["service_level_days"] = days
        return values

    def step(self, item: dict, problems: list[str]) -> dict[str, str]:
        _only_keys(item, ("title", "detail"), problems)
        title = _text_value(item, "title", problems, required=True) or ""
        _max_length(title, "title", _HEADING_MAX, problems)
        return {"title": title, "detail": _text_value(item, "detail", problems) or ""}

    def documents(self, value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.problems.append(_("“documents” must be a list of texts, each on a line starting with “- ”"))
            return []
        for document in value:
            _max_length(document.strip(), "documents", _DOCUMENT_MAX, self.problems)
        return [document.strip() for document in value]

    def read_charter(self, data: dict, body: str) -> dict[str, Any]:
        if body.strip():
            self.problems.append(_("a charter has only “sections”: the text after the front matter must be empty"))
        sections = _mapping_list(data, "sections", self.problems, self.charter_section) or []
        return {"sections": [{"type": "section", "value": section} for section in sections]}

    def charter_section(self, item: dict, problems: list[str]) -> dict[str, Any]:
        _only_keys(item, ("kind", "heading", "intro", "items"), problems)
        heading = _text_value(item, "heading", problems, required=True) or ""
        _max_length(heading, "heading", _HEADING_MAX, problems)
        intro = _text_value(item, "intro", problems) or ""
        return {
            "kind": _choice_value(item, "kind", CHARTER_SECTION_KINDS, problems, required=True),
            "heading": heading,
            "intro": self.body.rich_text(intro) if intro else "",
            "items": _mapping_list(item, "items", problems, self.titled_item) or [],
        }

    def titled_item(self, item: dict, problems: list[str]) -> dict[str, str]:
        _only_keys(item, ("title", "text"), problems)
        title = _text_value(item, "title", problems, required=True) or ""
        _max_length(title, "title", _HEADING_MAX, problems)
        return {"title": title, "text": _text_value(item, "text", problems) or ""}


def _related_value(data: dict, problems: list[str]) -> tuple[tuple[str, str], ...]:
    refs = _list_value(data, "related", problems) or []
    related = []
    for ref in refs:
        page_type, _slash, slug = ref.partition("/")
        if page_type not in PAGE_TYPES or not slug:
            problems.append(
                _("“related” has “%(ref)s”; write each page as type/slug, e.g. faq/file-a-complaint (types: %(types)s)")
                % {"ref": ref, "types": ", ".join(PAGE_TYPES)}
            )
            continue
        related.append((page_type, slug))
    return tuple(dict.fromkeys(related))


def _validate_front_matter(
    data: dict, body: str, problems: list[str], *, today: datetime.date
) -> dict[str, Any] | None:
    declared_type = data.get("type") if isinstance(data.get("type"), str) else None
    allowed = COMMON_KEYS | TYPE_KEYS[declared_type] if declared_type in TYPE_KEYS else ALLOWED_KEYS
    unknown = sorted(str(key) for key in data if key not in ALLOWED_KEYS)
    for key in unknown:
        problems.append(
            _("unknown key “%(key)s” (allowed: %(allowed)s)") % {"key": key, "allowed": ", ".join(sorted(allowed))}
        )
    values: dict[str, Any] = {
        "type": _choice_value(data, "type", PAGE_TYPES, problems, required=True),
        "slug": _slug_value(data, "slug", _SLUG_MAX, problems, required=True),
        "locale": _choice_value(data, "locale", LOCALES, problems, required=True),
        "title": _text_value(data, "title", problems, required=True),
        "summary": _text_value(data, "summary", problems) or "",
        **_audience_values(data, problems),
        "agency": _slug_value(data, "agency", _AGENCY_SLUG_MAX, problems, required=False),
        "owner_team": _text_value(data, "owner_team", problems),
        "review_by": _date_value(data, "review_by", problems, today=today),
        "last_reviewed_on": _date_value(data, "last_reviewed_on", problems, today=today),
        "related": _related_value(data, problems),
    }
    if values["title"] and len(values["title"]) > _TITLE_MAX:
        problems.append(_("“title” is longer than %(max)s characters") % {"max": _TITLE_MAX})
    _max_length(values["owner_team"], "owner_team", _CHAR_MAX["owner_team"], problems)

    channels = _list_value(data, "channels", problems)
    if channels is not None:
        for channel in channels:
            if channel not in Channel.KEYS:
                problems.append(
                    _("unknown channel “%(channel)s” (channels: %(choices)s)")
                    % {"channel": channel, "choices": ", ".join(Channel.KEYS)}
                )
        values["channels"] = tuple(sorted(set(channels)))
    keywords = _list_value(data, "search_keywords", problems)
    if keywords is not None:
        message = _("the search keyword “%(keyword)s” is longer than %(max)s characters")
        _longer_than(keywords, _KEYWORD_MAX, message, "keyword", problems)
        if len(keywords) > _KEYWORDS_MAX:
            problems.append(
                _("“search_keywords” holds %(count)s phrases; at most %(max)s are allowed")
                % {"count": len(keywords), "max": _KEYWORDS_MAX}
            )
        values["search_keywords"] = tuple(dict.fromkeys(keywords))
    tags = _list_value(data, "tags", problems)
    if tags is not None:
        _longer_than(tags, _TAG_MAX, _("the tag “%(tag)s” is longer than %(max)s characters"), "tag", problems)
        values["tags"] = tuple(sorted(set(tags)))

    page_type = values["type"]
    if page_type is None:
        return None
    for key in sorted(str(key) for key in data if key in ALLOWED_KEYS - COMMON_KEYS - TYPE_KEYS[page_type]):
        problems.append(
            _("“%(key)s” is not a key of the type “%(type)s” (its own keys: %(allowed)s)")
            % {"key": key, "type": page_type, "allowed": ", ".join(sorted(TYPE_KEYS[page_type])) or "-"}
        )
    type_fields = _TypeFields(problems, today=today)
    values["fields"] = type_fields.read(page_type, data, body)
    if page_type == "faq":
        values["topic"] = _slug_value(data, "topic", _TOPIC_SLUG_MAX, problems, required=False)
    if page_type == "guide":
        values["guide_kind"] = _choice_value(data, "kind", GUIDE_KINDS, problems)
    if COMPETENCIES_KEY in TYPE_KEYS[page_type]:
        values["competencies"] = tuple(sorted(set(_list_value(data, COMPETENCIES_KEY, problems) or [])))
    if type_fields.removed:
        problems.append(
            _("content the page cannot hold would be removed: %(removed)s; write it in Markdown or delete it")
            % {"removed": "; ".join(type_fields.removed)}
        )
    return None if problems else values


def parse_file(
    path: Path, *, name: str, today: datetime.date | None = None
) -> tuple[KnowledgeFile | None, list[ImportProblem]]:
    """Read and validate one file. Returns the parsed file, or None and its problems.

    ``today`` is the day relative dates (``today-30``) count from (default: today)."""
    problems: list[str] = []

    def result() -> tuple[None, list[ImportProblem]]:
        return None, [ImportProblem(name, message) for message in problems]

    try:
        size, limit = path.stat().st_size, max_file_bytes()
        if size > limit:
            problems.append(
                _("is %(size)s KB; files over %(limit)s KB are refused (split the page or shorten it)")
                % {"size": (size + 1023) // 1024, "limit": limit // 1024}
            )
            return result()
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.append(_("not UTF-8 text (invalid byte at position %(position)s)") % {"position": error.start})
        return result()
    except OSError as error:
        problems.append(_("cannot be read (%(error)s)") % {"error": error.strerror or error})
        return result()

    parts = split_front_matter(text)
    if parts is None:
        problems.append(_("no front matter: the file must start with a line “---”, then the keys, then “---”"))
        return result()
    front_matter, body = parts
    try:
        data = yaml.safe_load(front_matter)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        if mark is not None:
            # +2: the opening "---" is line 1 of the file and YAML counts from 0.
            problems.append(
                _("the front matter is not valid YAML (line %(line)s: %(problem)s)")
                % {"line": mark.line + 2, "problem": problem}
            )
        else:
            problems.append(_("the front matter is not valid YAML (%(problem)s)") % {"problem": problem})
        return result()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(_("the front matter must be “key: value” lines"))
        return result()

    values = _validate_front_matter(data, body, problems, today=today or timezone.localdate())
    if values is None:
        return result()
    return KnowledgeFile(path=name, **values), []


def read_folder(directory: Path, *, today: datetime.date | None = None) -> list[KnowledgeFile]:
    """Parse and validate every Markdown file in ``directory`` (step 1 and the file checks
    of step 2). Raises :class:`KnowledgeImportError` with every problem found."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KnowledgeImportError([ImportProblem(str(directory), _("is not a folder"))])
    paths = find_markdown_files(directory)
    if not paths:
        raise KnowledgeImportError([ImportProblem(str(directory), _("contains no Markdown (.md) files"))])

    files: list[KnowledgeFile] = []
    problems: list[ImportProblem] = []
    for path in paths:
        parsed, file_problems = parse_file(path, name=str(path.relative_to(directory)), today=today)
        problems.extend(file_problems)
        if parsed is not None:
            files.append(parsed)

    first_by_key: dict[tuple[str, str, str], KnowledgeFile] = {}
    for parsed in files:
        first = first_by_key.setdefault(parsed.key, parsed)
        if first is not parsed:
            problems.append(
                ImportProblem(
                    parsed.path,
                    _("same type, locale and slug (%(type)s, %(locale)s, %(slug)s) as %(other)s")
                    % {"type": parsed.type, "locale": parsed.locale, "slug": parsed.slug, "other": first.path},
                )
            )
    if problems:
        raise KnowledgeImportError(sorted(problems, key=lambda problem: problem.file))
    return files


# --- step 3: apply -------------------------------------------------------------------------------


def _strip_block_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _strip_block_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_strip_block_ids(item) for item in value]
    return value


def _guide_kind(parsed: KnowledgeFile, current: str | None) -> str:
    if parsed.guide_kind:
        return parsed.guide_kind
    if current and current not in DERIVABLE_GUIDE_KINDS:
        return current
    return parsed.channels[0] if len(parsed.channels) == 1 else "general"


class _Importer:
    def __init__(self, *, draft: bool, user, report: ImportReport, existing: str) -> None:
        self.draft = draft
        self.user = user
        self.report = report
        self.keep_existing = existing == KEEP_EXISTING
        self.trees = ensure_site_structure()
        self.channels = {channel.key: channel for channel in Channel.objects.all()}
        self.agencies: dict[str, Agency] = {}
        self.topics: dict[str, Topic] = {}
        #: Pages of this run by (type, locale, slug), as they are created or found.
        self.pages: dict[tuple[str, str, str], KnowledgePage] = {}

    # lookups -------------------------------------------------------------------------------
    def parent_page(self, page_type: str, locale: str) -> Page:
        tree = self.trees[locale]
        return tree.home if page_types.BY_KEY[page_type].index_model is None else tree.indexes[page_type]

    def existing_page(self, page_type: str, locale: str, slug: str) -> KnowledgePage | None:
        page_class = PAGE_TYPES[page_type]
        return page_class.objects.child_of(self.parent_page(page_type, locale)).filter(slug=slug).first()

    def counterpart(self, parsed: KnowledgeFile) -> KnowledgePage | None:
        """The page of the same type and slug in the other locale, if it exists."""
        other = next(code for code in LOCALES if code != parsed.locale)
        return self.pages.get((parsed.type, other, parsed.slug)) or self.existing_page(parsed.type, other, parsed.slug)

    def _reference(self, model, cache: dict, created: list[str], slug: str | None):
        if slug is None:
            return None
        if slug not in cache:
            obj = model.objects.filter(slug=slug).first()
            if obj is None:
                obj = model(slug=slug, name_ar=slug, name_en=slug)
                obj.full_clean()
                obj.save()
                created.append(slug)
            cache[slug] = obj
        return cache[slug]

    def agency(self, slug: str | None) -> Agency | None:
        return self._reference(Agency, self.agencies, self.report.agencies_created, slug)

    def topic(self, slug: str | None) -> Topic | None:
        return self._reference(Topic, self.topics, self.report.topics_created, slug)

    # database checks (step 2, before any write) ---------------------------------------------
    def check(self, files: list[KnowledgeFile]) -> list[ImportProblem]:
        problems = []
        in_run = {parsed.key for parsed in files}
        competencies = known_codes() if any(parsed.competencies for parsed in files) else frozenset()
        for parsed in files:
            for code in parsed.competencies:
                if code not in competencies:
                    problems.append(
                        ImportProblem(
                            parsed.path,
                            _("“competencies” names the unknown competency “%(code)s” (competencies: %(choices)s)")
                            % {"code": code, "choices": ", ".join(sorted(competencies)) or "-"},
                        )
                    )
            for page_type, slug in parsed.related:
                if (page_type, parsed.locale, slug) not in in_run and not self.existing_page(
                    page_type, parsed.locale, slug
                ):
                    problems.append(
                        ImportProblem(
                            parsed.path,
                            _("the related page “%(ref)s” is neither in this language on the site nor in this import")
                            % {"ref": f"{page_type}/{slug}"},
                        )
                    )
            existing = self.existing_page(parsed.type, parsed.locale, parsed.slug)
            if existing is not None and self.keep_existing:
                continue  # left as it is: nothing to check
            problem = self.permission_problem(parsed)
            if problem is not None:
                problems.append(ImportProblem(parsed.path, problem))
            if existing is not None:
                problem = self.work_in_progress_problem(parsed, existing)
                if problem is not None:
                    problems.append(ImportProblem(parsed.path, problem))
                continue
            counterpart = self.counterpart(parsed)
            if counterpart is None:
                continue
            translation = (
                Page.objects.filter(translation_key=counterpart.translation_key, locale__language_code=parsed.locale)
                .exclude(slug=parsed.slug)
                .first()
            )
            if translation is not None:
                problems.append(
                    ImportProblem(
                        parsed.path,
                        _(
                            "the page “%(slug)s” in the other language already has a translation in this "
                            "language with another slug (%(other)s); rename the file's slug to match it"
                        )
                        % {"slug": parsed.slug, "other": translation.url_path},
                    )
                )
        return problems

    def current_content(self, existing: KnowledgePage) -> KnowledgePage:
        """What an import builds on: the live page when publishing (an import never pushes
        an editor's unapproved draft live); the latest draft for a draft import."""
        return existing.get_latest_revision_as_object() if self.draft or not existing.live else existing.specific

    def work_in_progress_problem(self, parsed: KnowledgeFile, existing: KnowledgePage) -> str | None:
        """An import never overrides editors' work in progress: a page locked by someone
        else, or one going through moderation, is refused unless the file changes nothing."""
        locked_by_other = existing.locked and (self.user is None or existing.locked_by_id != self.user.pk)
        if not locked_by_other and not existing.workflow_in_progress:
            return None
        page = self.current_content(existing)
        if self.unchanged(existing, page, self.field_values(parsed, page), parsed):
            return None
        if locked_by_other:
            return _("the page “%(title)s” is locked in the admin; unlock it before importing over it") % {
                "title": existing.title
            }
        return _(
            "the page “%(title)s” is in moderation; approve, reject or cancel its workflow before importing over it"
        ) % {"title": existing.title}

    def permission_problem(self, parsed: KnowledgeFile) -> str | None:
        """With a named user, the import may only do what that user may do in the admin."""
        if self.user is None:
            return None
        permissions = self.parent_page(parsed.type, parsed.locale).permissions_for_user(self.user)
        if not permissions.can_add_subpage():
            return _("%(user)s may not add or edit pages here") % {"user": self.user.get_username()}
        if not self.draft and not permissions.can_publish_subpage():
            return _("%(user)s may not publish pages; import with --draft to send drafts for review") % {
                "user": self.user.get_username()
            }
        return None

    # writes ----------------------------------------------------------------------------------
    def field_values(self, parsed: KnowledgeFile, current: KnowledgePage | None) -> dict[str, Any]:
        agency = self.agency(parsed.agency)
        values: dict[str, Any] = {
            "title": parsed.title,
            "summary": parsed.summary,
            "audience": parsed.audience,
            "agency_id": agency.pk if agency else None,
            **parsed.fields,
        }
        values["search_keywords"] = "\n".join(parsed.search_keywords)
        if parsed.owner_team is not None:
            values["owner_team"] = parsed.owner_team
        if parsed.topic is not None:
            values["topic_id"] = self.topic(parsed.topic).pk
        if parsed.type == "guide":
            values["guide_kind"] = _guide_kind(parsed, getattr(current, "guide_kind", None))
        return values

    def related_ids(self, parsed: KnowledgeFile) -> list[int]:
        ids = []
        for page_type, slug in parsed.related:
            page = self.pages.get((page_type, parsed.locale, slug)) or self.existing_page(
                page_type, parsed.locale, slug
            )
            ids.append(page.pk)
        return ids

    def unchanged(
        self, existing: KnowledgePage, page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile
    ) -> bool:
        """Whether importing ``parsed`` would change nothing: ``page`` (``current_content``)
        already holds ``values``, and, when publishing, it is live."""
        return (
            self.matches(page, values, parsed) and (self.draft or existing.live) and self.dates_match(existing, parsed)
        )

    def matches(self, page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile) -> bool:
        from wagtail.fields import StreamField

        for name, value in values.items():
            model_field = page._meta.get_field(name.removesuffix("_id"))
            if isinstance(model_field, StreamField):
                stream_block = model_field.stream_block
                current = _strip_block_ids(stream_block.get_prep_value(getattr(page, name)))
                wanted = _strip_block_ids(stream_block.get_prep_value(stream_block.to_python(value)))
                if current != wanted:
                    return False
            elif getattr(page, name) != value:
                return False
        if tuple(sorted(channel.key for channel in page.channels.all())) != parsed.channels:
            return False
        if tuple(sorted(group.name for group in page.audience_roles.all())) != parsed.audience_roles:
            return False
        if [related.page_id for related in page.related_pages.all()] != self.related_ids(parsed):
            return False
        if tuple(sorted(tag.code for tag in page.competency_tags.all())) != parsed.competencies:
            return False
        return tuple(sorted(tag.name for tag in page.tags.all())) == parsed.tags

    @staticmethod
    def dates_match(existing: KnowledgePage, parsed: KnowledgeFile) -> bool:
        return all(
            wanted is None or getattr(existing, name) == wanted
            for name, wanted in (("review_by", parsed.review_by), ("last_reviewed_on", parsed.last_reviewed_on))
        )

    def create(self, parsed: KnowledgeFile) -> None:
        """Add the new page to the tree, not live and without related pages (they may be
        pages of this run still to come); :meth:`apply` fills and saves it."""
        page_class = PAGE_TYPES[parsed.type]
        parent = self.parent_page(parsed.type, parsed.locale)
        page = page_class(slug=parsed.slug, locale=self.trees[parsed.locale].locale, live=False)
        page.has_unpublished_changes = True
        counterpart = self.counterpart(parsed)
        if counterpart is not None:
            page.translation_key = counterpart.translation_key
        self.assign(page, self.field_values(parsed, None), parsed, related=False)
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=self.user, content_changed=True)
        self.pages[parsed.key] = page

    def apply(self, parsed: KnowledgeFile, *, created: bool) -> None:
        if created:
            page = self.pages[parsed.key]
            self.assign(page, self.field_values(parsed, None), parsed)
            self.save(page, parsed)
            self.report.count(parsed.type, CREATED)
            return
        existing = self.existing_page(parsed.type, parsed.locale, parsed.slug)
        self.pages[parsed.key] = existing
        if self.keep_existing:
            latest = existing.get_latest_revision_as_object()
            if existing.has_unpublished_changes or not self.matches(latest, self.field_values(parsed, latest), parsed):
                self.report.kept_changed.append(parsed.path)
            self.report.count(parsed.type, KEPT)
            return
        page = self.current_content(existing)
        values = self.field_values(parsed, page)
        if self.unchanged(existing, page, values, parsed):
            self.report.count(parsed.type, UNCHANGED)
            return
        self.assign(page, values, parsed)
        self.save(page, parsed)
        self.report.count(parsed.type, UPDATED)

    def assign(
        self, page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile, *, related: bool = True
    ) -> None:
        for name, value in values.items():
            setattr(page, name, value)
        page.channels.set([self.channels[key] for key in parsed.channels])
        page.audience_roles.set(list(Group.objects.filter(name__in=parsed.audience_roles)))
        page.tags.set(list(parsed.tags))
        existing_tags = {tag.code: tag for tag in page.competency_tags.all()}
        page.competency_tags = [existing_tags.get(code) or CompetencyTag(code=code) for code in parsed.competencies]
        if related:
            page.related_pages = [
                RelatedPage(page_id=pk, sort_order=order) for order, pk in enumerate(self.related_ids(parsed))
            ]

    def save(self, page: KnowledgePage, parsed: KnowledgeFile) -> None:
        if self.draft:
            page.save_revision(user=self.user, log_action=True)
        else:
            publish(page, user=self.user)
        # Publishing stamps a review; a file's own freshness dates come after it.
        dates = {
            name: value
            for name, value in (("review_by", parsed.review_by), ("last_reviewed_on", parsed.last_reviewed_on))
            if value is not None
        }
        if dates:
            KnowledgePage.objects.filter(pk=page.pk).update(**dates)


def import_knowledge(
    *,
    directory: Path,
    draft: bool = False,
    user=None,
    existing: str = UPDATE_EXISTING,
    today: datetime.date | None = None,
) -> ImportReport:
    """Import every Markdown file in ``directory``: all of them, or (on any problem) none.

    Raises :class:`KnowledgeImportError` listing every problem; the database is untouched
    then. ``draft=True`` saves draft revisions instead of publishing. ``existing`` says what
    happens to pages that already exist: ``"update"`` brings them in line with their file,
    ``"keep"`` leaves them exactly as they are (and reports those that differ from it).
    ``today`` is the day relative dates count from."""
    if existing not in (UPDATE_EXISTING, KEEP_EXISTING):
        raise ValueError(f"existing must be {UPDATE_EXISTING!r} or {KEEP_EXISTING!r}, not {existing!r}")
    files = read_folder(Path(directory), today=today)
    report = ImportReport(draft=draft)
    # Arabic first, then English, so a new pair's English page joins the Arabic one.
    files.sort(key=lambda parsed: (list(PAGE_TYPES).index(parsed.type), parsed.slug, LOCALES.index(parsed.locale)))
    with transaction.atomic():
        importer = _Importer(draft=draft, user=user, report=report, existing=existing)
        problems = importer.check(files)
        if problems:
            raise KnowledgeImportError(problems)
        current: KnowledgeFile | None = None
        try:
            # Every new page first, so related pages can point at any page of the run.
            created = set()
            for current in files:
                if importer.existing_page(current.type, current.locale, current.slug) is None:
                    importer.create(current)
                    created.add(current.key)
            for current in files:
                importer.apply(current, created=current.key in created)
        except ValidationError as error:
            # Anything the checks above could not foresee still rolls back the whole run.
            messages = "; ".join(error.messages)
            raise KnowledgeImportError([ImportProblem(current.path, messages)]) from error
    return report
