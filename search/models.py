"""Search data editors manage (synonyms, promoted results) and what readers leave behind
(anonymous query logs, clicks, page feedback)."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Synonym(models.Model):
    """One group of words that mean the same idea, e.g. «عميل، مستفيد، مراجع، متعامل».

    Applied at query time by both search backends."""

    LANGUAGE_CHOICES = [("ar", _("Arabic")), ("en", _("English"))]
    KIND_CHOICES = [
        ("synonym", _("Synonym")),
        ("dialect", _("Dialect or everyday word")),
        ("loanword", _("Loanword")),
        ("cross_language", _("Cross-language (English to Arabic)")),
    ]

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("Words or phrases that mean the same thing, separated by commas or new lines."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="synonym")
    expands_to = models.TextField(
        _("one-way expansions"),
        blank=True,
        help_text=_(
            "Leave empty for a two-way group. Otherwise the terms above also find these words or phrases, "
            "but these do not find the terms (e.g. a dialect word finding the formal word)."
        ),
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="ar")
    is_active = models.BooleanField(_("active"), default=True)
    notes = models.CharField(_("notes"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("terms"),
        FieldPanel("kind"),
        FieldPanel("expands_to"),
        FieldPanel("language"),
        FieldPanel("is_active"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["language", "id"]

    @staticmethod
    def split_terms(text: str) -> list[str]:
        raw = text.replace("\u060c", ",").replace("\n", ",")
        return [term.strip() for term in raw.split(",") if term.strip()]

    def term_list(self) -> list[str]:
        return self.split_terms(self.terms)

    def expansion_list(self) -> list[str]:
        return self.split_terms(self.expands_to)

    @property
    def is_one_way(self) -> bool:
        return bool(self.expansion_list())

    def __str__(self) -> str:
        text = " = ".join(self.term_list()[:4])
        expansions = self.expansion_list()
        return f"{text} → {', '.join(expansions[:3])}" if expansions else text


class PromotedResult(models.Model):
    """A "best bet": a page pinned to the top of the results for a query."""

    query = models.CharField(_("query"), max_length=255, db_index=True)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.CharField(_("note for editors"), max_length=255, blank=True)

    panels = [FieldPanel("query"), FieldPanel("page"), FieldPanel("sort_order"), FieldPanel("note")]

    class Meta:
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")
        ordering = ["query", "sort_order"]
        constraints = [models.UniqueConstraint(fields=["query", "page"], name="unique_promoted_result")]

    def __str__(self) -> str:
        return f"{self.query} → {self.page}"


class SearchQueryLog(models.Model):
    """One search as typed, with its result count. Never stores who searched."""

    query = models.CharField(_("query"), max_length=255)
    normalized_query = models.CharField(_("normalised query"), max_length=255, db_index=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    result_count = models.PositiveIntegerField(_("result count"), default=0)
    #: A random id the search page sends with as-you-type searches: one burst of typing
    #: updates one row (the query the reader settled on) instead of adding one per keystroke.
    #: Random per burst, so it says nothing about who searched.
    burst_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        indexes = [models.Index(fields=["created_at", "normalized_query"])]


class SearchClick(models.Model):
    """A click on a result, tied to the query log entry it came from."""

    query_log = models.ForeignKey(SearchQueryLog, on_delete=models.CASCADE, related_name="clicks")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("clicked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("search click")
        verbose_name_plural = _("search clicks")
        constraints = [models.UniqueConstraint(fields=["query_log", "page"], name="unique_click_per_query")]


class PageFeedback(models.Model):
    """ "Was this helpful?" on a knowledge page. ``submission_key`` is a hash that makes a
    reader's repeated submissions update one row instead of adding more (idempotent)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=2, blank=True)
    submission_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        constraints = [models.UniqueConstraint(fields=["page", "submission_key"], name="unique_feedback_per_reader")]

    @staticmethod
    def submission_key_for(*, session_key: str, page_id: int) -> str:
        """One reader's key for one page: a hash, so the session key itself is never stored."""
        return hashlib.sha256(f"{session_key}:{page_id}".encode()).hexdigest()

    @staticmethod
    def address_submission_key_for(*, address: str, page_id: int) -> str:
        """The key of a reader without a session: one answer per client address and page.
        A keyed hash (the site's secret), so the stored key does not reveal the address."""
        return salted_hmac("search.PageFeedback.address", f"{address}:{page_id}", algorithm="sha256").hexdigest()


class IndexChange(models.Model):
    """The search index's outbox: one row per page change the index must follow (publish,
    unpublish, deletion, move, slug or audience change).

    Written in the SAME database transaction as the change (by the signal handlers of
    ``search.indexing``), so a committed change always has its row and a rolled-back one
    never does. After commit the index is refreshed from the live pages and the row is
    marked ``applied_at``, only once the index has accepted the change. Rows still
    unapplied (the process died, the engine was down) are replayed by
    ``manage.py search_index --replay``, at start-up and periodically. ``rebuild_index``
    also replays the rows written while it was building.

    No foreign key: the page may have been deleted. Applied rows older than a day are pruned."""

    page_id = models.BigIntegerField()
    include_descendants = models.BooleanField(default=False)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")
        indexes = [
            models.Index(
                fields=["changed_at"], condition=models.Q(applied_at__isnull=True), name="index_change_unapplied"
            )
        ]
