"""The competency framework the 360° questionnaire is built from (the capability model of
the unified customer-service guide, chapter 3): versioned, so a cycle keeps the exact
wording it opened with.

A framework version is edited freely until a cycle that is no longer a draft uses it; from
then on it is frozen and an edit makes a new version (``services.framework``)."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from portal.models import BilingualNameMixin

#: The 1–5 anchored scale, each point labelled. "Not observed" is stored as no score.
SCALE: tuple[tuple[int, str], ...] = (
    (1, _("Rarely or never")),
    (2, _("Sometimes")),
    (3, _("Often")),
    (4, _("Usually")),
    (5, _("Always, and sets an example")),
)
SCALE_MIN, SCALE_MAX = 1, 5
NOT_OBSERVED_LABEL = _("Not observed")

code_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_-]*$", _("Use lower-case Latin letters, digits, hyphens and underscores.")
)


class FrameworkQuerySet(models.QuerySet):
    def latest_version(self) -> Framework | None:
        return self.order_by("-version").first()


class Framework(ClusterableModel):
    """One version of the competency framework."""

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = FrameworkQuerySet.as_manager()

    panels = [
        FieldPanel("name_ar"),
        FieldPanel("name_en"),
        InlinePanel("competencies", heading=_("Competencies"), label=_("competency")),
    ]

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["-version"]

    def __str__(self) -> str:
        return _("%(name)s (version %(version)s)") % {"name": self.localized_name(), "version": self.version}

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar

    def save(self, *args, **kwargs) -> None:
        if not self.version:
            top = Framework.objects.aggregate(top=models.Max("version"))["top"] or 0
            self.version = top + 1
        super().save(*args, **kwargs)

    @property
    def is_in_use(self) -> bool:
        """Used by a cycle that has left the draft state: its wording is frozen."""
        from .cycle import Cycle

        return self.cycles.exclude(status__in=(Cycle.Status.DRAFT, Cycle.Status.CANCELLED)).exists()


class Competency(ClusterableModel, Orderable, BilingualNameMixin):
    framework = ParentalKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    code = models.CharField(_("code"), max_length=60, validators=[code_validator])

    panels = [
        FieldPanel("code"),
        FieldPanel("name_ar"),
        FieldPanel("name_en"),
        InlinePanel("items", heading=_("Behavioural statements"), label=_("statement"), min_num=1),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="competency_code_unique_per_framework")
        ]


class Item(Orderable):
    """A behavioural statement, worded for the employee themselves ("I …") and for the
    other raters ("He/She …")."""

    competency = ParentalKey(Competency, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=60, validators=[code_validator])
    self_ar = models.TextField(_("self wording (Arabic)"))
    self_en = models.TextField(_("self wording (English)"))
    others_ar = models.TextField(_("others' wording (Arabic)"))
    others_en = models.TextField(_("others' wording (English)"))

    panels = [
        FieldPanel("code"),
        FieldPanel("self_ar"),
        FieldPanel("self_en"),
        FieldPanel("others_ar"),
        FieldPanel("others_en"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("behavioural statement")
        verbose_name_plural = _("behavioural statements")
        constraints = [models.UniqueConstraint(fields=["competency", "code"], name="item_code_unique_per_competency")]

    def __str__(self) -> str:
        return self.code

    def wording(self, *, relationship: str, language: str | None = None) -> str:
        """The statement as a rater of ``relationship`` reads it, in ``language``."""
        language = (language or get_language() or "ar")[:2]
        if relationship == "self":
            return self.self_en if language == "en" else self.self_ar
        return self.others_en if language == "en" else self.others_ar
