"""The search vocabulary written as data: editor term groups to seed (``groups.yaml``),
question words and fillers (``fillers.yaml``) and protected proper names
(``protected_names.yaml``). Pure loaders: no ORM at import time."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DIRECTORY = Path(__file__).resolve().parent

KINDS = ("synonym", "dialect", "loanword", "cross_language")


@dataclass(frozen=True)
class VocabularyGroup:
    kind: str
    language: str
    terms: tuple[str, ...]
    expands_to: tuple[str, ...] = ()
    notes: str = ""

    @property
    def one_way(self) -> bool:
        return bool(self.expands_to)


def _read(name: str):
    with (DIRECTORY / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def seed_groups() -> list[VocabularyGroup]:
    """The groups of ``groups.yaml``, validated."""
    groups = []
    for raw in _read("groups.yaml"):
        kind = raw["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown vocabulary kind {kind!r}")
        language = raw["language"]
        if language not in ("ar", "en"):
            raise ValueError(f"unknown vocabulary language {language!r}")
        groups.append(
            VocabularyGroup(
                kind=kind,
                language=language,
                terms=tuple(str(term) for term in raw["terms"]),
                expands_to=tuple(str(term) for term in raw.get("expands_to") or ()),
                notes=str(raw.get("notes", "")),
            )
        )
    return groups


@lru_cache(maxsize=1)
def filler_phrases() -> tuple[tuple[str, ...], ...]:
    """Question words and fillers, each as its words (longest first)."""
    raw = _read("fillers.yaml")
    phrases = {tuple(str(phrase).split()) for language in ("arabic", "english") for phrase in raw.get(language, ())}
    return tuple(sorted(phrases, key=lambda words: (-len(words), words)))


@lru_cache(maxsize=1)
def protected_names() -> tuple[str, ...]:
    raw = _read("protected_names.yaml")
    return tuple(str(name) for language in ("arabic", "english") for name in raw.get(language, ()) or ())


def _term_set(text: str) -> frozenset[str]:
    raw = text.replace("\u060c", ",").replace("\n", ",")
    return frozenset(term.strip() for term in raw.split(",") if term.strip())


def seed_vocabulary(synonym_model) -> int:
    """Add each group of ``groups.yaml`` unless a group of its language already holds the
    same terms (an editor may have added, changed or deactivated it: that decision stays).
    Works with the migration's historical model. Returns the number of groups added."""
    existing = {
        (language, _term_set(terms)) for language, terms in synonym_model.objects.values_list("language", "terms")
    }
    added = 0
    for group in seed_groups():
        key = (group.language, frozenset(group.terms))
        if key in existing:
            continue
        synonym_model.objects.create(
            language=group.language,
            kind=group.kind,
            terms=", ".join(group.terms),
            expands_to=", ".join(group.expands_to),
            notes=group.notes[:255],
        )
        existing.add(key)
        added += 1
    return added
