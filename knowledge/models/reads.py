"""How often each page is read, one row per page and day, so "most read" can look at a
recent window without storing anything about the reader."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageReadCount(models.Model):
    """Reads of one page on one day (in the portal's time zone). Incremented atomically by
    ``knowledge.services.record_page_read``; never holds who read the page."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="read_counts"
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("page read count")
        verbose_name_plural = _("page read counts")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="unique_page_read_count_per_day")]
        indexes = [models.Index(fields=["day", "page"], name="page_read_count_day_page")]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}: {self.count}"
