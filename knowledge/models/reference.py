"""Bilingual reference data shared by every locale's pages: agencies, channels, topics.

These are not Wagtail-translatable snippets on purpose: an agency is one entity with an
Arabic and an English name, referenced by pages in both locales."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class BilingualNameMixin(models.Model):
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        abstract = True

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    @property
    def name(self) -> str:
        return self.localized_name()

    def __str__(self) -> str:
        return self.localized_name()


class Agency(BilingualNameMixin, index.Indexed):
    """A government entity that owns services, FAQs and staff."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name_ar"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("is_active"),
    ]
    search_fields = [
        index.SearchField("name_ar"),
        index.SearchField("name_en"),
        index.FilterField("slug"),
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name_ar"]


class Channel(BilingualNameMixin):
    """A service channel. The five keys are fixed (seeded by a migration)."""

    CENTRE = "centre"
    PHONE = "phone"
    EMAIL = "email"
    VIDEO = "video"
    CHAT = "chat"
    KEYS = (CENTRE, PHONE, EMAIL, VIDEO, CHAT)

    key = models.SlugField(_("key"), max_length=20, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name_ar"), FieldPanel("name_en"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["sort_order", "key"]


class Topic(BilingualNameMixin):
    """An FAQ topic; the FAQ index groups questions by topic."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name_ar"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "slug"]
