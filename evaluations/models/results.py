"""The frozen results of a closed cycle: aggregates only, computed once by ``close_cycle``.

Everything a report needs is copied here (the employee's ID, agency and unit, the
competencies' names), so later edits to people, frameworks or answers never change a
closed cycle. No individual answer is stored or derivable: a group below its threshold
has no score, and comments come only from groups that met their threshold, in an order
that says nothing about who wrote them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .cycle import Cycle
from .organisation import Employee

#: The rater groups of a stored score: the scoring's groups plus "others", the weighted
#: non-self result.
OTHERS = "others"
OVERALL = "overall"


class EmployeeResult(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="results")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="results")
    employee_code = models.CharField(_("employee ID"), max_length=40)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    agency_slug = models.SlugField(_("agency"), max_length=80)
    unit_slug = models.SlugField(_("unit"), max_length=80)
    supervisor_code = models.CharField(_("supervisor's employee ID"), max_length=40, blank=True)
    overall = models.FloatField(_("overall"), null=True)
    self_overall = models.FloatField(_("self"), null=True)
    strengths = models.JSONField(_("strengths"), default=list)
    development_areas = models.JSONField(_("development areas"), default=list)
    blind_spots = models.JSONField(_("blind spots"), default=list)
    hidden_strengths = models.JSONField(_("hidden strengths"), default=list)
    previous_cycle = models.ForeignKey(Cycle, null=True, on_delete=models.SET_NULL, related_name="+")
    previous_overall = models.FloatField(_("previous overall"), null=True)
    trend = models.FloatField(_("trend"), null=True)

    class Meta:
        verbose_name = _("employee result")
        verbose_name_plural = _("employee results")
        constraints = [models.UniqueConstraint(fields=["cycle", "employee"], name="result_unique_per_cycle")]

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar


class ResultScore(models.Model):
    """One score: an employee × a competency (or ``overall``) × a rater group (or
    ``others``). A hidden group keeps its raters count and has no score."""

    result = models.ForeignKey(EmployeeResult, on_delete=models.CASCADE, related_name="scores")
    competency = models.CharField(_("competency"), max_length=60)
    rater_group = models.CharField(_("rater group"), max_length=12)
    score = models.FloatField(_("score"), null=True)
    raters = models.PositiveIntegerField(_("raters"), default=0)
    shown = models.BooleanField(_("shown"), default=False)

    class Meta:
        verbose_name = _("result score")
        verbose_name_plural = _("result scores")
        constraints = [
            models.UniqueConstraint(fields=["result", "competency", "rater_group"], name="score_unique_per_result")
        ]


class ResultCompetency(models.Model):
    """The competencies of a closed cycle's framework as they were worded when it closed."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="result_competencies")
    code = models.CharField(_("code"), max_length=60)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        constraints = [models.UniqueConstraint(fields=["cycle", "code"], name="result_competency_unique")]

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar


class ResultComment(models.Model):
    """A comment from a rater group that met its threshold, with no link to its writer."""

    result = models.ForeignKey(EmployeeResult, on_delete=models.CASCADE, related_name="comments")
    rater_group = models.CharField(_("rater group"), max_length=12)
    text = models.TextField(_("comment"))
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
