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

Front matter (no other keys allowed)::

    ---
    type: faq            # faq | guide | procedure | article
    slug: file-a-complaint
    locale: ar           # ar | en
    title: كيف أقدم شكوى؟
    summary: ...         # optional
    audience: public     # public (default) | staff | a list of roles: [HR, Leadership]
    agency: civil-service  # optional; created (slug as placeholder names) when missing
    channels: [phone, email]
    tags: [complaints, tawasul]
    ---

Files of the same type with the same slug in ``ar`` and ``en`` become translations of
each other (they share ``translation_key``), also when one side was imported earlier.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.log_actions import log
from wagtail.models import Page

from knowledge.blocks import RICH_FEATURES
from knowledge.models import (
    Channel,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    ServiceProcedurePage,
)
from knowledge.services import ensure_site_structure, publish
from portal.models import Agency

#: type key -> page class. The index page of each type comes from ``ensure_site_structure``.
PAGE_TYPES: dict[str, type[KnowledgePage]] = {
    "faq": FAQPage,
    "guide": EtiquetteGuidePage,
    "procedure": ServiceProcedurePage,
    "article": KnowledgeArticlePage,
}
LOCALES = ("ar", "en")
AUDIENCES = (KnowledgePage.AUDIENCE_PUBLIC, KnowledgePage.AUDIENCE_STAFF)
REQUIRED_KEYS = ("type", "slug", "locale", "title")
ALLOWED_KEYS = frozenset((*REQUIRED_KEYS, "summary", "audience", "agency", "channels", "tags"))
MARKDOWN_SUFFIXES = (".md", ".markdown")

#: Guide kinds an import can set; other kinds ("complaints", "customer types") are chosen by
#: editors in the admin and are kept when a file updates the page.
DERIVABLE_GUIDE_KINDS = frozenset((*Channel.KEYS, "general"))

#: Elements removed with their content before whitelisting (the whitelist alone would keep
#: their text, e.g. a script's source, as visible page text).
DROPPED_ELEMENTS = ("script", "style", "iframe", "object", "embed", "template", "noscript")

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
_FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
_TITLE_MAX = Page._meta.get_field("title").max_length
_SLUG_MAX = Page._meta.get_field("slug").max_length
_AGENCY_SLUG_MAX = Agency._meta.get_field("slug").max_length
_TAG_MAX = 100


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
    """What one run did: per page type, how many pages were created, updated or unchanged."""

    draft: bool = False
    pages: dict[str, Counter] = field(default_factory=lambda: {key: Counter() for key in PAGE_TYPES})
    agencies_created: list[str] = field(default_factory=list)

    def count(self, page_type: str, outcome: str) -> None:
        self.pages[page_type][outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.pages.values())


@dataclass(frozen=True)
class KnowledgeFile:
    """A parsed, valid file: what the page should hold."""

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
    body_html: str
    audience_roles: tuple[str, ...] = ()  # role names, when ``audience`` is "roles"

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


def markdown_to_rich_text(source: str, *, features: Iterable[str] = RICH_FEATURES) -> str:
    """Markdown to Wagtail's database rich-text format, keeping only ``features``.

    Raw HTML in the source never gets through: scripts, styles and frames are dropped with
    their content, then Wagtail's whitelist for the field's features strips every other
    element and attribute it does not allow (``javascript:`` links included)."""
    html = markdown.markdown(source, extensions=["sane_lists", _HeadingLevelsExtension()])
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(DROPPED_ELEMENTS):
        element.decompose()
    cleaned = EditorHTMLConverter(features=list(features)).to_database_format(str(soup))
    return cleaned.strip()


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


def _validate_front_matter(data: dict, body: str, problems: list[str]) -> dict[str, Any] | None:
    unknown = sorted(str(key) for key in data if key not in ALLOWED_KEYS)
    for key in unknown:
        problems.append(
            _("unknown key “%(key)s” (allowed: %(allowed)s)") % {"key": key, "allowed": ", ".join(sorted(ALLOWED_KEYS))}
        )
    values: dict[str, Any] = {
        "type": _choice_value(data, "type", PAGE_TYPES, problems, required=True),
        "slug": _slug_value(data, "slug", _SLUG_MAX, problems, required=True),
        "locale": _choice_value(data, "locale", LOCALES, problems, required=True),
        "title": _text_value(data, "title", problems, required=True),
        "summary": _text_value(data, "summary", problems) or "",
        **_audience_values(data, problems),
        "agency": _slug_value(data, "agency", _AGENCY_SLUG_MAX, problems, required=False),
    }
    if values["title"] and len(values["title"]) > _TITLE_MAX:
        problems.append(_("“title” is longer than %(max)s characters") % {"max": _TITLE_MAX})

    channels = _list_value(data, "channels", problems)
    if channels is not None:
        for channel in channels:
            if channel not in Channel.KEYS:
                problems.append(
                    _("unknown channel “%(channel)s” (channels: %(choices)s)")
                    % {"channel": channel, "choices": ", ".join(Channel.KEYS)}
                )
        values["channels"] = tuple(sorted(set(channels)))
    tags = _list_value(data, "tags", problems)
    if tags is not None:
        for tag in tags:
            if len(tag) > _TAG_MAX:
                message = _("the tag “%(tag)s” is longer than %(max)s characters")
                problems.append(message % {"tag": tag, "max": _TAG_MAX})
        values["tags"] = tuple(sorted(set(tags)))

    values["body_html"] = markdown_to_rich_text(body) if body.strip() else ""
    if values["type"] == "faq" and not values["body_html"]:
        problems.append(_("an FAQ needs an answer: the text after the front matter is empty"))
    return None if problems else values


def parse_file(path: Path, *, name: str) -> tuple[KnowledgeFile | None, list[ImportProblem]]:
    """Read and validate one file. Returns the parsed file, or None and its problems."""
    problems: list[str] = []

    def result() -> tuple[None, list[ImportProblem]]:
        return None, [ImportProblem(name, message) for message in problems]

    try:
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

    values = _validate_front_matter(data, body, problems)
    if values is None:
        return result()
    return KnowledgeFile(path=name, **values), []


def read_folder(directory: Path) -> list[KnowledgeFile]:
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
        parsed, file_problems = parse_file(path, name=str(path.relative_to(directory)))
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


def _paragraph_stream(html: str) -> list[dict[str, Any]]:
    return [{"type": "paragraph", "value": html}] if html else []


def _guide_kind(parsed: KnowledgeFile, current: str | None) -> str:
    if current and current not in DERIVABLE_GUIDE_KINDS:
        return current
    return parsed.channels[0] if len(parsed.channels) == 1 else "general"


class _Importer:
    def __init__(self, *, draft: bool, user, report: ImportReport) -> None:
        self.draft = draft
        self.user = user
        self.report = report
        self.trees = ensure_site_structure()
        self.channels = {channel.key: channel for channel in Channel.objects.all()}
        self.agencies: dict[str, Agency] = {}

    # lookups -------------------------------------------------------------------------------
    def index_page(self, page_type: str, locale: str) -> Page:
        return self.trees[locale].indexes[page_type]

    def existing_page(self, page_type: str, locale: str, slug: str) -> KnowledgePage | None:
        page_class = PAGE_TYPES[page_type]
        return page_class.objects.child_of(self.index_page(page_type, locale)).filter(slug=slug).first()

    def counterpart(self, parsed: KnowledgeFile) -> KnowledgePage | None:
        """The page of the same type and slug in the other locale, if it exists."""
        other = next(code for code in LOCALES if code != parsed.locale)
        return self.existing_page(parsed.type, other, parsed.slug)

    def agency(self, slug: str | None) -> Agency | None:
        if slug is None:
            return None
        if slug not in self.agencies:
            agency = Agency.objects.filter(slug=slug).first()
            if agency is None:
                agency = Agency(slug=slug, name_ar=slug, name_en=slug)
                agency.full_clean()
                agency.save()
                self.report.agencies_created.append(slug)
            self.agencies[slug] = agency
        return self.agencies[slug]

    # database checks (step 2, before any write) ---------------------------------------------
    def check(self, files: list[KnowledgeFile]) -> list[ImportProblem]:
        problems = []
        for parsed in files:
            problem = self.permission_problem(parsed)
            if problem is not None:
                problems.append(ImportProblem(parsed.path, problem))
            existing = self.existing_page(parsed.type, parsed.locale, parsed.slug)
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
        permissions = self.index_page(parsed.type, parsed.locale).permissions_for_user(self.user)
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
        }
        if parsed.type == "faq":
            values["answer"] = parsed.body_html
        elif parsed.type == "article":
            values["body"] = _paragraph_stream(parsed.body_html)
        elif parsed.type == "guide":
            values["intro"] = parsed.body_html
            values["guide_kind"] = _guide_kind(parsed, getattr(current, "guide_kind", None))
        elif parsed.type == "procedure":
            values["service_name"] = parsed.title
            values["body"] = _paragraph_stream(parsed.body_html)
        return values

    def unchanged(
        self, existing: KnowledgePage, page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile
    ) -> bool:
        """Whether importing ``parsed`` would change nothing: ``page`` (``current_content``)
        already holds ``values``, and, when publishing, it is live."""
        return self.matches(page, values, parsed) and (self.draft or existing.live)

    @staticmethod
    def matches(page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile) -> bool:
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
        return tuple(sorted(tag.name for tag in page.tags.all())) == parsed.tags

    def apply(self, parsed: KnowledgeFile) -> None:
        existing = self.existing_page(parsed.type, parsed.locale, parsed.slug)
        if existing is None:
            self.create(parsed)
            return
        page = self.current_content(existing)
        values = self.field_values(parsed, page)
        if self.unchanged(existing, page, values, parsed):
            self.report.count(parsed.type, UNCHANGED)
            return
        self.assign(page, values, parsed)
        self.save(page)
        self.report.count(parsed.type, UPDATED)

    def create(self, parsed: KnowledgeFile) -> None:
        page_class = PAGE_TYPES[parsed.type]
        parent = self.index_page(parsed.type, parsed.locale)
        page = page_class(slug=parsed.slug, locale=self.trees[parsed.locale].locale, live=False)
        page.has_unpublished_changes = True
        counterpart = self.counterpart(parsed)
        if counterpart is not None:
            page.translation_key = counterpart.translation_key
        self.assign(page, self.field_values(parsed, None), parsed)
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=self.user, content_changed=True)
        self.save(page)
        self.report.count(parsed.type, CREATED)

    def assign(self, page: KnowledgePage, values: dict[str, Any], parsed: KnowledgeFile) -> None:
        for name, value in values.items():
            setattr(page, name, value)
        page.channels.set([self.channels[key] for key in parsed.channels])
        page.audience_roles.set(list(Group.objects.filter(name__in=parsed.audience_roles)))
        page.tags.set(list(parsed.tags))

    def save(self, page: KnowledgePage) -> None:
        if self.draft:
            page.save_revision(user=self.user, log_action=True)
        else:
            publish(page, user=self.user)


def import_knowledge(*, directory: Path, draft: bool = False, user=None) -> ImportReport:
    """Import every Markdown file in ``directory``: all of them, or (on any problem) none.

    Raises :class:`KnowledgeImportError` listing every problem; the database is untouched
    then. ``draft=True`` saves draft revisions instead of publishing."""
    files = read_folder(Path(directory))
    report = ImportReport(draft=draft)
    # Arabic first, then English, so a new pair's English page joins the Arabic one.
    files.sort(key=lambda parsed: (parsed.type, parsed.slug, LOCALES.index(parsed.locale)))
    with transaction.atomic():
        importer = _Importer(draft=draft, user=user, report=report)
        problems = importer.check(files)
        if problems:
            raise KnowledgeImportError(problems)
        for parsed in files:
            try:
                importer.apply(parsed)
            except ValidationError as error:
                # Anything the checks above could not foresee still rolls back the whole run.
                messages = "; ".join(error.messages)
                raise KnowledgeImportError([ImportProblem(parsed.path, messages)]) from error
    return report
