"""Relevance benchmark: our embedded search against Wagtail's default database search, on the demo content.

    .venv/bin/python bench/relevance.py [--judgements bench/judgements.yaml] [--workdir DIR] [--failures-for wagtail]

What it does, in its own temporary directory (never the developer's ``var/``):

1. sets up Django with ``portal.settings.test``, a fresh SQLite database and a fresh
   embedded index, migrates (so the synonym groups are seeded by the search migrations
   exactly as on a new installation) and loads the demo content with its users
   (``knowledge.demo.loader.load_demo``);
2. builds BOTH indexes over the same live pages: ours with ``search.indexing.rebuild_index``
   and Wagtail's own (``WAGTAILSEARCH_BACKENDS["default"]``, the database backend, FTS5 on
   SQLite) with ``manage.py update_index``;
3. runs every judged query (``bench/judgements.yaml``) through
   (a) our code path exactly as the JSON API does: ``search.services.search_knowledge``
       with the request parameters ``{"q": ...}`` (10 results), as an anonymous reader or
       as the demo staff member. Best bets are part of that path; the demo has none and
       the script checks there are none, so the figures are the engine's own ranking;
   (b) Wagtail's default backend, ``get_search_backend("default").search(q,
       KnowledgePage.objects.live().specific())`` with its defaults (AND, ranked), keeping
       only the pages the same reader may see (live, and public for anonymous readers),
       in Wagtail's order; for reference only, the same with ``operator="or"`` (Wagtail's
       friendliest setting for misspelt or wordy queries) is reported too;
   Neither engine is given a language filter: both search everything the reader may see
   (``--reader-language`` gives ours the query's language as the reader's, as the API does);
4. computes MRR@10 and nDCG@10 (graded gains, log2 discount, ideal DCG from the
   judgements) overall, by language and by category, prints a table and our failing
   queries (first relevant result not in the top 3, with what came first), and writes
   the full result as JSON to ``bench/results/relevance.json``.

Relevance for MRR is grade >= 1 (any judged page), as trec_eval's default; the stricter
"answer MRR" (first grade-3 page) is printed alongside. Everything is deterministic: the
same code and judgements give the same figures.

Target (the search issue): MRR@10 at least 0.85, and clearly above Wagtail's default.

With ``ELASTICSEARCH_URL`` set (and ``ELASTICSEARCH_API_KEY`` / ``ELASTICSEARCH_ADMIN_API_KEY``
/ ``ELASTICSEARCH_CA_CERTS`` as the cluster needs), "ours" is the Elasticsearch backend: the
demo is indexed under its own prefix (``test-bench-relevance-<pid>``: ``search_index
--create``, then ``rebuild_index``), the same judged queries run through the same code path,
and the prefix's indices and synonyms set are deleted at the end.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

K = 10
MRR_TARGET = 0.85
#: A failure (for the listing): the first relevant result is not within this rank.
FAILURE_RANK = 3
ENGINES = ("ours", "wagtail", "wagtail_or")
ENGINE_LABELS = {
    "ours": "ours (embedded)",
    "wagtail": "Wagtail default (database)",
    "wagtail_or": "Wagtail database backend with operator='or' (reference only)",
}
READERS = ("anonymous", "staff")
LANGUAGES = ("ar", "en")
CATEGORIES = (
    "exact_title",
    "question",
    "multi_word",
    "spelling",
    "digits",
    "broken_plural",
    "synonym",
    "colloquial",
    "stemming",
    # The second set (bench/judgements_understanding.yaml): how people really ask.
    "dialect",
    "loanword",
    "typo",
    "arabizi",
    "question_form",
    "paraphrase",
    "cross_language",
    "staff_paraphrase",
)
STAFF_USERNAME = "staff"
BENCH_PREFIX = "bench-relevance"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judgements", type=Path, default=ROOT / "bench" / "judgements.yaml")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "relevance.json")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the database and indexes here")
    parser.add_argument(
        "--failures-for", choices=ENGINES, action="append", default=None, help="list failures of this engine"
    )
    parser.add_argument(
        "--reader-language",
        action="store_true",
        help="give our engine the reader's language as the JSON API and search page do (the query's judged"
        " language): its pages first, the other language's untranslated pages after them",
    )
    parser.add_argument("--all-queries", action="store_true", help="print every query's top result per engine")
    return parser.parse_args(argv)


# --- judgements -----------------------------------------------------------------------------


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    text: str
    language: str
    category: str
    reader: str
    grades: dict[str, int]  # "type/locale/slug" -> 1..3


def load_judgements(path: Path) -> list[JudgedQuery]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries: list[JudgedQuery] = []
    seen: set[str] = set()
    for reader in READERS:
        for raw in data.get(reader) or ():
            query = JudgedQuery(
                id=str(raw["id"]),
                text=str(raw["q"]),
                language=str(raw["lang"]),
                category=str(raw["category"]),
                reader=reader,
                grades={str(key): int(grade) for key, grade in raw["judgements"].items()},
            )
            problems = []
            if query.id in seen:
                problems.append("duplicate id")
            if query.language not in LANGUAGES:
                problems.append(f"language {query.language!r}")
            if query.category not in CATEGORIES:
                problems.append(f"category {query.category!r}")
            if not query.grades or any(grade not in (1, 2, 3) for grade in query.grades.values()):
                problems.append("grades must be 1, 2 or 3")
            for key in query.grades:
                parts = key.split("/")
                if len(parts) != 3 or parts[1] != query.language:
                    problems.append(f"page {key!r} is not type/{query.language}/slug")
            if problems:
                raise SystemExit(f"{path}: query {query.id}: {'; '.join(problems)}")
            seen.add(query.id)
            queries.append(query)
    return queries


# --- metrics --------------------------------------------------------------------------------


def reciprocal_rank(ranked: Sequence[str], grades: dict[str, int], *, min_grade: int = 1, k: int = K) -> float:
    for position, key in enumerate(ranked[:k], 1):
        if grades.get(key, 0) >= min_grade:
            return 1.0 / position
    return 0.0


def dcg(gains: Iterable[int]) -> float:
    return sum(gain / math.log2(position + 1) for position, gain in enumerate(gains, 1))


def ndcg(ranked: Sequence[str], grades: dict[str, int], *, k: int = K) -> float:
    """Graded nDCG@k: gain = grade (0..3), discount log2(rank + 1), ideal from the judgements."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg(grades.get(key, 0) for key in ranked[:k]) / ideal


def first_relevant_rank(ranked: Sequence[str], grades: dict[str, int], *, min_grade: int = 1) -> int | None:
    for position, key in enumerate(ranked, 1):
        if grades.get(key, 0) >= min_grade:
            return position
    return None


@dataclass
class QueryOutcome:
    query: JudgedQuery
    ranked: dict[str, list[str]] = field(default_factory=dict)  # engine -> page keys, best first
    counts: dict[str, int] = field(default_factory=dict)  # engine -> total results the engine reported

    def scores(self, engine: str) -> dict[str, float]:
        ranked, grades = self.ranked[engine], self.query.grades
        return {
            "mrr": reciprocal_rank(ranked, grades),
            "answer_mrr": reciprocal_rank(ranked, grades, min_grade=3),
            "ndcg": ndcg(ranked, grades),
        }


def summarise(outcomes: Sequence[QueryOutcome], engine: str) -> dict[str, float | int]:
    if not outcomes:
        return {"queries": 0, "mrr": 0.0, "answer_mrr": 0.0, "ndcg": 0.0, "zero_results": 0}
    totals: dict[str, float] = defaultdict(float)
    for outcome in outcomes:
        for name, value in outcome.scores(engine).items():
            totals[name] += value
    return {
        "queries": len(outcomes),
        "mrr": round(totals["mrr"] / len(outcomes), 4),
        "answer_mrr": round(totals["answer_mrr"] / len(outcomes), 4),
        "ndcg": round(totals["ndcg"] / len(outcomes), 4),
        "zero_results": sum(1 for outcome in outcomes if not outcome.ranked[engine]),
    }


def grouped(outcomes: Sequence[QueryOutcome]) -> dict[str, list[QueryOutcome]]:
    """Named groups, in display order: overall, by language, by category."""
    groups: dict[str, list[QueryOutcome]] = {"overall": list(outcomes)}
    for language in LANGUAGES:
        groups[f"lang:{language}"] = [o for o in outcomes if o.query.language == language]
    for category in CATEGORIES:
        members = [o for o in outcomes if o.query.category == category]
        if members:
            groups[f"category:{category}"] = members
    return groups


# --- set-up ---------------------------------------------------------------------------------


def setup_django(workdir: Path) -> None:
    """Django with the test settings, pointed at files inside ``workdir`` only."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["TAMAYUZ_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'portal.sqlite3'}"
    os.environ["SEARCH_EMBEDDED_PATH"] = str(workdir / "search.sqlite3")
    # Elasticsearch when ELASTICSEARCH_URL is set, under a prefix of its own (the test
    # settings make it test-bench-relevance-<pid>): never the deployment's indices.
    os.environ["SEARCH_INDEX_PREFIX"] = BENCH_PREFIX
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    if using_elasticsearch():
        ENGINE_LABELS["ours"] = "ours (Elasticsearch)"


def using_elasticsearch() -> bool:
    from django.conf import settings

    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def build_site() -> dict[str, object]:
    """Migrate, load the demo content and users, and index the same live pages in both engines."""
    from django.core.management import call_command

    from knowledge.demo.loader import load_demo
    from search.indexing import rebuild_index
    from search.models import PromotedResult

    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())
    load_demo(with_users=True)
    if using_elasticsearch():
        call_command("search_index", "--create", stdout=io.StringIO())
    indexed_ours = rebuild_index()
    call_command("update_index", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    best_bets = PromotedResult.objects.count()
    if best_bets:
        raise SystemExit(f"The demo content has {best_bets} best bets; this benchmark measures the engine without any.")
    from search.models import Synonym

    return {
        "engine": ENGINE_LABELS["ours"],
        "indexed_pages": indexed_ours,
        "best_bets": best_bets,
        "synonym_groups": Synonym.objects.filter(is_active=True).count(),
    }


@dataclass
class Corpus:
    keys: dict[int, str]  # page id -> "type/locale/slug"
    titles: dict[str, str]  # key -> title
    visible: dict[str, set[int]]  # reader -> page ids they may see
    users: dict[str, object]


def load_corpus() -> Corpus:
    from django.contrib.auth.models import AnonymousUser

    from knowledge.models import KnowledgePage
    from knowledge.selectors import visible_pages
    from portal.models import User

    users = {"anonymous": AnonymousUser(), "staff": User.objects.get(username=STAFF_USERNAME)}
    keys, titles = {}, {}
    for page in KnowledgePage.objects.live().specific().select_related("locale"):
        key = f"{page.content_type_key}/{page.locale.language_code}/{page.slug}"
        keys[page.pk] = key
        titles[key] = page.title
    visible = {
        reader: set(visible_pages(KnowledgePage.objects.all(), user).values_list("pk", flat=True))
        for reader, user in users.items()
    }
    return Corpus(keys=keys, titles=titles, visible=visible, users=users)


def check_judgements(queries: Sequence[JudgedQuery], corpus: Corpus) -> None:
    """Every judged page exists, and a reader's queries only judge pages that reader may see."""
    by_key = {key: page_id for page_id, key in corpus.keys.items()}
    problems = []
    for query in queries:
        for key in query.grades:
            if key not in by_key:
                problems.append(f"{query.id}: no live page {key}")
            elif by_key[key] not in corpus.visible[query.reader]:
                problems.append(f"{query.id}: {key} is not visible to the {query.reader} reader")
    if problems:
        raise SystemExit("Judgements do not match the demo content:\n  " + "\n  ".join(problems))


# --- the two engines --------------------------------------------------------------------------


def ours(corpus: Corpus, *, reader_language: bool = False) -> Callable[[JudgedQuery], tuple[list[str], int]]:
    from search.services import search_knowledge

    def run(query: JudgedQuery) -> tuple[list[str], int]:
        language = query.language if reader_language else None
        results = search_knowledge(user=corpus.users[query.reader], params={"q": query.text}, language=language)
        return [corpus.keys[hit.page_id] for hit in results.hits[:K]], results.count

    return run


def wagtail_default(corpus: Corpus, operator: str | None = None) -> Callable[[JudgedQuery], tuple[list[str], int]]:
    from wagtail.search.backends import get_search_backend

    from knowledge.models import KnowledgePage

    backend = get_search_backend("default")
    options = {"operator": operator} if operator else {}

    def run(query: JudgedQuery) -> tuple[list[str], int]:
        visible = corpus.visible[query.reader]
        results = backend.search(query.text, KnowledgePage.objects.live().specific(), **options)
        ranked = [page.pk for page in results if page.pk in visible]
        return [corpus.keys[page_id] for page_id in ranked[:K]], len(ranked)

    return run


def run_queries(queries: Sequence[JudgedQuery], corpus: Corpus, *, reader_language: bool = False) -> list[QueryOutcome]:
    engines = {
        "ours": ours(corpus, reader_language=reader_language),
        "wagtail": wagtail_default(corpus),
        "wagtail_or": wagtail_default(corpus, "or"),
    }
    outcomes = []
    for query in queries:
        outcome = QueryOutcome(query)
        for name, engine in engines.items():
            outcome.ranked[name], outcome.counts[name] = engine(query)
        outcomes.append(outcome)
    return outcomes


# --- report -----------------------------------------------------------------------------------


def metric_table(title: str, outcomes: Sequence[QueryOutcome]) -> list[str]:
    lines = [
        title,
        f"  {'group':<24} {'n':>4}   {'MRR@10':>7} {'nDCG@10':>8} {'ansMRR':>7} {'zero':>5}"
        f"   {'MRR@10':>7} {'nDCG@10':>8} {'ansMRR':>7} {'zero':>5}",
        f"  {'':<24} {'':>4}   {'-- ours (embedded) --':^30}   {'-- Wagtail default (database) --':^30}",
    ]
    for name, members in grouped(outcomes).items():
        a, b = summarise(members, "ours"), summarise(members, "wagtail")
        lines.append(
            f"  {name:<24} {len(members):>4}   {a['mrr']:>7.3f} {a['ndcg']:>8.3f} {a['answer_mrr']:>7.3f}"
            f" {a['zero_results']:>5}   {b['mrr']:>7.3f} {b['ndcg']:>8.3f} {b['answer_mrr']:>7.3f}"
            f" {b['zero_results']:>5}"
        )
    return lines


def reference_lines(by_reader: dict[str, list[QueryOutcome]]) -> list[str]:
    """Wagtail's database backend with operator="or", for reference (not the comparison target)."""
    lines = [f"For reference: {ENGINE_LABELS['wagtail_or']}"]
    for reader in READERS:
        for name, members in list(grouped(by_reader[reader]).items())[:3]:
            r = summarise(members, "wagtail_or")
            lines.append(
                f"  {reader + ' ' + name:<34} {len(members):>4}   MRR@10 {r['mrr']:.3f}  nDCG@10 {r['ndcg']:.3f}"
                f"  ansMRR {r['answer_mrr']:.3f}  zero {r['zero_results']}"
            )
    return lines


def describe(key: str, corpus: Corpus, grades: dict[str, int]) -> str:
    return f"[{grades.get(key, 0)}] {key} «{corpus.titles.get(key, '?')}»"


def failure_lines(outcomes: Sequence[QueryOutcome], corpus: Corpus, engine: str) -> list[str]:
    lines = []
    for outcome in outcomes:
        ranked, grades = outcome.ranked[engine], outcome.query.grades
        rank = first_relevant_rank(ranked, grades)
        if rank is not None and rank <= FAILURE_RANK:
            continue
        where = f"first relevant at {rank}" if rank else "no relevant result in the top 10"
        q = outcome.query
        lines.append(
            f"  {q.id} ({q.reader}, {q.language}, {q.category}) «{q.text}»: {where}; {outcome.counts[engine]} results"
        )
        for position, key in enumerate(ranked[:FAILURE_RANK], 1):
            lines.append(f"      {position}. {describe(key, corpus, grades)}")
        best = max(grades.values())
        wanted = sorted(key for key, grade in grades.items() if grade == best)
        lines.append(f"      wanted: {', '.join(wanted)}")
    return lines or ["  (none)"]


def verdict(summary: dict[str, dict[str, float | int]]) -> list[str]:
    ours_mrr, wagtail_mrr = summary["ours"]["mrr"], summary["wagtail"]["mrr"]
    met = ours_mrr >= MRR_TARGET and ours_mrr > wagtail_mrr
    return [
        f"Target: MRR@10 >= {MRR_TARGET:.2f} and clearly above Wagtail's default"
        f" (anonymous set): ours {ours_mrr:.3f}, Wagtail {wagtail_mrr:.3f}"
        f" (+{ours_mrr - wagtail_mrr:.3f}) -> {'MET' if met else 'NOT MET'}"
    ]


def result_json(outcomes: Sequence[QueryOutcome], corpus: Corpus, site: dict) -> dict:
    sections: dict[str, dict] = {}
    for reader in READERS + ("all",):
        members = [o for o in outcomes if reader in ("all", o.query.reader)]
        sections[reader] = {
            name: {engine: summarise(group, engine) for engine in ENGINES} for name, group in grouped(members).items()
        }
    per_query = []
    for outcome in outcomes:
        q = outcome.query
        per_query.append(
            {
                "id": q.id,
                "q": q.text,
                "lang": q.language,
                "category": q.category,
                "reader": q.reader,
                "engines": {
                    engine: {
                        **{name: round(value, 4) for name, value in outcome.scores(engine).items()},
                        "first_relevant_rank": first_relevant_rank(outcome.ranked[engine], q.grades),
                        "count": outcome.counts[engine],
                        "top": [[key, q.grades.get(key, 0)] for key in outcome.ranked[engine]],
                    }
                    for engine in ENGINES
                },
            }
        )
    return {
        "benchmark": "relevance",
        "k": K,
        "mrr_relevance": "grade >= 1 (answer_mrr: grade 3)",
        "ndcg_gain": "grade, log2(rank + 1) discount, ideal from the judgements",
        "engines": ENGINE_LABELS,
        "site": {**site, "live_knowledge_pages": len(corpus.keys)},
        "target": {"mrr": MRR_TARGET, "set": "anonymous"},
        "summary": sections,
        "queries": per_query,
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    owns_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="tamayuz-relevance-")) if owns_workdir else args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    queries = load_judgements(args.judgements)
    try:
        setup_django(workdir)
        site = build_site()
        corpus = load_corpus()
        check_judgements(queries, corpus)
        outcomes = run_queries(queries, corpus, reader_language=args.reader_language)
    finally:
        _drop_elasticsearch_prefix()
        if owns_workdir:
            _close_connections()
            shutil.rmtree(workdir, ignore_errors=True)
            _remove_empty_media_root()

    by_reader = {reader: [o for o in outcomes if o.query.reader == reader] for reader in READERS}
    languages = {lang: sum(1 for q in queries if q.language == lang) for lang in LANGUAGES}
    print(f"Engine measured as ours: {ENGINE_LABELS['ours']}.")
    if args.reader_language:
        print("Ours is given the reader's language (the query's judged language), as the JSON API does.")
    print(
        f"Relevance benchmark: {len(queries)} judged queries"
        f" ({', '.join(f'{n} {lang}' for lang, n in languages.items())});"
        f" {len(corpus.keys)} live knowledge pages; {site['synonym_groups']} synonym groups;"
        f" best bets: {site['best_bets']} (the demo has none)."
    )
    print("MRR@10: relevant = grade >= 1; ansMRR: first grade-3 page; nDCG@10: graded; zero: queries with no result.")
    print()
    for reader in READERS:
        title = (
            f"{reader.capitalize()} reader ({len(by_reader[reader])} queries"
            f"{', public pages only' if reader == 'anonymous' else ', staff-only pages included'})"
        )
        for line in metric_table(title, by_reader[reader]):
            print(line)
        print()
    for line in metric_table(f"All queries ({len(outcomes)})", outcomes)[:5]:
        print(line)
    print()
    for line in reference_lines(by_reader):
        print(line)
    print()
    for engine in args.failures_for or ["ours"]:
        print(f"Failures of {ENGINE_LABELS[engine]}: first relevant result not in the top {FAILURE_RANK}")
        for line in failure_lines(outcomes, corpus, engine):
            print(line)
        print()
    if args.all_queries:
        print("Every query: rank of the first relevant result (ours / Wagtail) and our top result")
        for outcome in outcomes:
            grades = outcome.query.grades
            ranks = [first_relevant_rank(outcome.ranked[engine], grades) or "-" for engine in ("ours", "wagtail")]
            top = outcome.ranked["ours"][0] if outcome.ranked["ours"] else "(nothing)"
            print(f"  {outcome.query.id:<40} {ranks[0]!s:>2} / {ranks[1]!s:>2}  {describe(top, corpus, grades)}")
        print()
    summary = {engine: summarise(by_reader["anonymous"], engine) for engine in ENGINES}
    for line in verdict(summary):
        print(line)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    payload = result_json(outcomes, corpus, site)
    args.output.write_text(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"Wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    print(f"({time.monotonic() - started:.1f} s)", file=sys.stderr)
    return 0


def _drop_elasticsearch_prefix() -> None:
    """Delete the benchmark's own Elasticsearch indices and synonyms set (if it used any)."""
    try:
        if not using_elasticsearch():
            return
        from search.backends import get_search_backend

        get_search_backend().drop()
    except Exception as error:  # best effort while tearing down; say what was left behind
        print(f"Could not delete the benchmark's Elasticsearch indices: {error}", file=sys.stderr)


def _close_connections() -> None:
    """Close the database and search-index connections before the work directory goes."""
    try:
        from django.db import connections

        from search.backends import reset_search_backends

        connections.close_all()
        reset_search_backends()
    except Exception:  # noqa: S110 - best effort while tearing down
        pass


def _remove_empty_media_root() -> None:
    """The test settings create an (empty) media directory per process: remove it."""
    try:
        from django.conf import settings

        media = Path(settings.MEDIA_ROOT)
        if media.is_dir() and not any(media.iterdir()):
            media.rmdir()
    except Exception:  # noqa: S110 - best effort while tearing down
        pass


if __name__ == "__main__":
    sys.exit(main())
