"""The competencies a knowledge page can be tagged with: the codes of the 360° framework
(``evaluations.selectors.known_competencies``, every version's codes, named as in the
newest version). Knowledge reads them only through that selector."""

from __future__ import annotations

from django.utils.translation import get_language


def known_competencies():
    from evaluations.selectors import known_competencies as evaluations_competencies

    return evaluations_competencies()


def known_codes() -> frozenset[str]:
    return frozenset(competency.code for competency in known_competencies())


def competency_choices(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, name)`` of every known competency, named in ``language`` (by default the
    active one: the editor's), in the framework's order."""
    language = (language or get_language() or "ar")[:2]
    return [(competency.code, competency.localized_name(language)) for competency in known_competencies()]
