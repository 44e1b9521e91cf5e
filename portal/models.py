"""What every app of the portal points at: the user model (a custom model from day one so
profile fields can be added later without a painful migration), the bilingual-name mixin
and the government agencies that own content, staff, evaluation cycles and awards."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index


class User(AbstractUser):
    """A portal account: staff, editors, reviewers, HR and leadership."""

    full_name_ar = models.CharField(_("full name (Arabic)"), max_length=200, blank=True)
    full_name_en = models.CharField(_("full name (English)"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    def display_name(self, language: str = "ar") -> str:
        preferred = self.full_name_ar if language == "ar" else self.full_name_en
        return preferred or self.full_name_en or self.full_name_ar or self.get_full_name() or self.username


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


@register_setting(icon="cogs")
class DigitSettings(BaseSiteSetting):
    """The digits of a site's Arabic pages, one convention per page, interface and content
    alike (``frontend.formatting``). English pages always use Western digits."""

    WESTERN = "western"
    ARABIC_INDIC = "arabic-indic"
    CHOICES = [
        (WESTERN, _("Western digits (0123456789)")),
        (ARABIC_INDIC, _("Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩)")),
    ]

    arabic_digits = models.CharField(
        _("digits on Arabic pages"),
        max_length=20,
        choices=CHOICES,
        default=WESTERN,
        help_text=_(
            "One convention for the whole page, its interface and its content alike. "
            "English pages always use Western digits."
        ),
    )

    panels = [FieldPanel("arabic_digits")]

    class Meta:
        verbose_name = _("digits")
        verbose_name_plural = _("digits")
