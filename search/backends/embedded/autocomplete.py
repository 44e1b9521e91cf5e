"""Title autocomplete over the prefix-indexed ``ac_g`` table."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

from collections.abc import Collection, Sequence

from search.analysis import (
    autocomplete_terms,
)
from search.backends.base import (
    SearchHit,
)
from search.backends.embedded.schema import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    _placeholders,
    _quote,
)
from search.snippets import highlight_title_prefix


class AutocompleteMixin:
    def autocomplete(
        self,
        prefix: str,
        *,
        audiences: Sequence[str],
        languages: Sequence[str] = (),
        limit: int = 8,
        hidden_page_ids: Collection[int] = (),
    ) -> list[SearchHit]:
        words = [word for word in autocomplete_terms(prefix[:MAX_QUERY_CHARS]) if word][:MAX_QUERY_TERMS]
        if not words or len("".join(words)) < 2 or not audiences:
            return []
        expression = " ".join(_quote(word) for word in words[:-1])
        expression = f"{expression} {_quote(words[-1])} *".strip()
        with self._reading() as (connection, generation, _):
            g = generation
            # The reader sees a document holding one of their keys (space-separated).
            where = ["(" + " OR ".join(["instr(' ' || d.audience || ' ', ?) > 0"] * len(audiences)) + ")"]
            params: list = [f" {key} " for key in audiences]
            if languages:
                where.append(f"d.locale IN ({_placeholders(languages)})")
                params.extend(languages)
            if hidden_page_ids:
                hidden = sorted(hidden_page_ids)
                where.append(f"d.page_id NOT IN ({_placeholders(hidden)})")
                params.extend(hidden)
            rows = connection.execute(
                f"SELECT d.page_id, d.slug, d.locale, d.title, d.url, d.type, bm25(ac_{g}) AS score"
                f" FROM ac_{g} JOIN docs_{g} d ON d.page_id = ac_{g}.rowid"
                f" WHERE ac_{g} MATCH ? AND {' AND '.join(where)} ORDER BY score, length(d.title) LIMIT ?",
                [expression, *params, limit],
            ).fetchall()
        return [
            SearchHit(
                page_id=row[0],
                slug=row[1],
                locale=row[2],
                title=row[3],
                url=row[4],
                type=row[5],
                snippet=highlight_title_prefix(row[3], words),
                score=round(-row[6], 4),
            )
            for row in rows
        ]
