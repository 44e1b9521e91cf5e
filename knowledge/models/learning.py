"""Which competencies of the 360° framework a knowledge page teaches.

A tag holds a competency's stable *code* (the same across framework versions), never a
row of one framework version, so a page tagged once keeps teaching the competency when HR
makes a new version. It is a child of the page (a ``ParentalKey``): it is saved in the
page's revisions and goes live when the page is published. The codes are checked against
the frameworks where they are entered (the editor's form, ``import_knowledge``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey


class CompetencyTag(models.Model):
    page = ParentalKey("knowledge.KnowledgePage", on_delete=models.CASCADE, related_name="competency_tags")
    code = models.CharField(_("competency"), max_length=60)

    class Meta:
        verbose_name = _("competency taught")
        verbose_name_plural = _("competencies taught")
        constraints = [models.UniqueConstraint(fields=["page", "code"], name="competency_tag_unique_per_page")]
        indexes = [models.Index(fields=["code"], name="competency_tag_code")]

    def __str__(self) -> str:
        return self.code
