"""Bilingual reference data shared by every locale's pages: channels and topics.

These are not Wagtail-translatable snippets on purpose: a channel is one entity with an
Arabic and an English name, referenced by pages in both locales. Agencies live in
`portal.models`, beside the user model, because knowledge, evaluations and awards all
point at them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.models import BilingualNameMixin


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
