"""Speed benchmark of the embedded search backend: indexing throughput and query latency.

    .venv/bin/python bench/speed.py [--docs 100000] [--queries 1000] [--seed N]

What it does, in its own temporary directory (never the developer's ``var/``):

1. sets up Django with ``portal.settings.test`` and a fresh SQLite database (migrated, so
   the synonym groups are seeded by ``search/migrations/0002_seed_synonyms.py`` exactly as
   in production), agencies, a staff reader and a few best bets;
2. generates a deterministic bilingual corpus (``bench/_corpus.py``) and indexes it with
   the backend's ``rebuild()``, the path ``manage.py search_index --rebuild`` takes:
   documents per second, analysis included, end to end;
3. runs warm-up queries (reported, then excluded), then the mixed queries through
   ``search.services.search_knowledge`` with the request parameters the JSON API gets
   (form validation, reader audiences, best bets and all), and autocomplete prefixes
   through ``search.selectors.autocomplete``;
4. prints a table and writes a JSON result to ``bench/results/``.

Targets (the search issue): p95 under 50 ms at 100,000 documents; at least 1,000
documents indexed per second.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import json
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

P95_TARGET_MS = 50.0
DOCS_PER_SECOND_TARGET = 1000.0

#: Best bets pinned to a few common queries (the selector reads them on every search).
BEST_BETS = ("خدمة العملاء", "الشكاوى", "customer service", "complaint")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the corpus (default 100000)")
    parser.add_argument("--queries", type=int, default=1000, help="timed search queries (default 1000)")
    parser.add_argument("--seed", type=int, default=20260301, help="random seed (corpus and queries)")
    parser.add_argument("--warmup", type=int, default=50, help="warm-up queries, run first and excluded")
    parser.add_argument("--autocomplete", type=int, default=500, help="timed autocomplete prefixes")
    parser.add_argument("--rounds", type=int, default=1, help="run the timed queries this many times")
    parser.add_argument("--words", type=Path, default=None, help="directory with seeds/*.txt and domain.md")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the database and index here")
    parser.add_argument(
        "--reuse", action="store_true", help="with --workdir: reuse its database and index (no indexing)"
    )
    parser.add_argument("--profile", choices=("index", "query"), help="write a cProfile of one phase to the workdir")
    parser.add_argument(
        "--check-ranking",
        type=int,
        default=0,
        metavar="N",
        help="compare the first page of N queries with a full bm25 ranking of every match (slow)",
    )
    parser.add_argument(
        "--reader-language",
        choices=("ar", "en"),
        default=None,
        help="search as the search page and the API do, for a reader of this language (its pages"
        " first; a query mixing languages re-ordered through the translations)",
    )
    parser.add_argument(
        "--without-phrase-memo",
        action="store_true",
        help="keep no phrases between engine calls (the embedded backend before its phrase memo)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results", help="where the JSON goes")
    return parser.parse_args(argv)


# --- set-up ---------------------------------------------------------------------------------


def setup_django(workdir: Path) -> None:
    """Django with the test settings, pointed at files inside ``workdir`` only."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["TAMAYUZ_VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'portal.sqlite3'}"
    os.environ["SEARCH_EMBEDDED_PATH"] = str(workdir / "search.sqlite3")
    for name in ("ELASTICSEARCH_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()


def prepare_database(*, reuse: bool) -> dict:
    """Migrate (which seeds the synonym groups and roles), then add what the queries need."""
    from django.contrib.auth.models import AnonymousUser, Group
    from django.core.management import call_command

    from bench._corpus import AGENCIES
    from knowledge.services import ensure_site_structure
    from portal.models import Agency, User
    from search.models import PromotedResult, Synonym

    started = time.perf_counter()
    if not reuse:
        call_command("migrate", verbosity=0, interactive=False)
        Agency.objects.bulk_create(
            [Agency(slug=slug, name_ar=f"جهة {slug}", name_en=slug.replace("-", " ").title()) for slug in AGENCIES]
        )
        staff = User.objects.create(username="bench-staff", email="bench-staff@example.gov")
        staff.groups.add(Group.objects.get(name="Staff"))
        trees = ensure_site_structure()
        for order, query in enumerate(BEST_BETS):
            tree = trees["ar" if order < 2 else "en"]
            PromotedResult.objects.create(query=query, page=tree.indexes.get("faq", tree.home), sort_order=order)
    staff = User.objects.get(username="bench-staff")
    return {
        "users": {"anonymous": AnonymousUser(), "staff": staff},
        "synonym_groups": Synonym.objects.filter(is_active=True).count(),
        "best_bets": PromotedResult.objects.count(),
        "seconds": time.perf_counter() - started,
    }


# --- measuring ------------------------------------------------------------------------------


def summarise(values_ms: list[float]) -> dict:
    from bench._corpus import percentile

    if not values_ms:
        return {"n": 0}
    return {
        "n": len(values_ms),
        "p50": round(percentile(values_ms, 50), 2),
        "p95": round(percentile(values_ms, 95), 2),
        "p99": round(percentile(values_ms, 99), 2),
        "max": round(max(values_ms), 2),
        "mean": round(statistics.fmean(values_ms), 2),
    }


def run_queries(queries, users, language: str | None = None) -> list[dict]:
    from search.backends import get_search_backend
    from search.services import search_knowledge

    backend = get_search_backend()
    outcomes = []
    clock, cpu_clock = time.perf_counter, time.thread_time
    for query in queries:
        user = users["staff" if query.staff else "anonymous"]
        params = query.params()
        cpu_started = cpu_clock()
        started = clock()
        results = search_knowledge(user=user, params=params, language=language)
        elapsed = (clock() - started) * 1000
        cpu = (cpu_clock() - cpu_started) * 1000
        outcomes.append(
            {
                "ms": elapsed,
                "cpu_ms": cpu,
                "count": results.count,
                "hits": len(results.hits),
                "suggestion": results.suggestion is not None,
                # Whether the backend proved its top ranks equal to full bm25 (None: no ranking ran).
                "exact": getattr(backend, "last_rank_was_exact", None),
            }
        )
    return outcomes


def run_autocomplete(prefixes, users) -> list[float]:
    from search.selectors import autocomplete

    timings = []
    clock = time.perf_counter
    for prefix, language, staff in prefixes:
        user = users["staff" if staff else "anonymous"]
        started = clock()
        autocomplete(user=user, prefix=prefix, language=language)
        timings.append((clock() - started) * 1000)
    return timings


def check_ranking(queries) -> dict:
    """How the first page (10 hits) compares with ranking EVERY match by bm25, for queries
    whose match set is large enough to be ranked from candidates (backend level, no best bets)."""
    from search.backends import get_search_backend
    from search.backends.base import AUDIENCE_PUBLIC, AUDIENCE_STAFF, SearchQuery
    from search.backends.embedded import EmbeddedSearchBackend

    backend = get_search_backend()
    if not isinstance(backend, EmbeddedSearchBackend):
        return {}
    full = EmbeddedSearchBackend(backend.path, exact_rank_limit=10**9)
    compared = proved = same_order = 0
    overlaps = []
    for query in queries:
        search = SearchQuery(
            text=query.text,
            audiences=(AUDIENCE_PUBLIC, AUDIENCE_STAFF) if query.staff else (AUDIENCE_PUBLIC,),
            types=query.types,
            channels=query.channels,
            agencies=query.agencies,
            languages=query.languages,
            page=query.page,
        )
        found = [hit.page_id for hit in backend.search(search).hits]
        if backend.last_rank_was_exact is not False:
            proved += backend.last_rank_was_exact is True
            continue
        reference = [hit.page_id for hit in full.search(search).hits]
        compared += 1
        same_order += found == reference
        overlaps.append(len(set(found) & set(reference)) / max(1, len(reference)))
    full.close()
    report = {
        "queries": len(queries),
        "proved_exact": proved,
        "ranked_from_candidates": compared,
        "identical_first_page": same_order,
        "mean_overlap_at_10": round(statistics.fmean(overlaps), 3) if overlaps else None,
    }
    print(
        f"Ranking check ({len(queries)} queries): {proved} proved exact; of {compared} ranked from candidates,"
        f" {same_order} have the same first page as a full bm25 ranking, mean overlap@10"
        f" {report['mean_overlap_at_10']}"
    )
    return report


def load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def profiled(enabled: bool, path: Path):
    if not enabled:
        return contextlib.nullcontext()
    import cProfile

    @contextlib.contextmanager
    def context():
        profiler = cProfile.Profile()
        profiler.enable()
        try:
            yield
        finally:
            profiler.disable()
            profiler.dump_stats(path)
            print(f"  profile written to {path}")

    return context()


# --- main ----------------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.reuse and args.workdir is None:
        raise SystemExit("--reuse needs --workdir")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="tamayuz-bench-speed-"))
    workdir.mkdir(parents=True, exist_ok=True)
    setup_django(workdir)

    from bench._corpus import CATEGORIES, DEFAULT_WORDS_DIR, QueryMaker, generate_documents, load_vocabulary
    from search.analysis import analyze_token
    from search.backends import get_search_backend

    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load_at_start": load(),
    }
    print(f"Tamayuz search speed benchmark: {args.docs} documents, {args.queries} queries, seed {args.seed}")
    print(f"  {machine['cpus']} CPUs, Python {machine['python']}, SQLite {machine['sqlite']}")
    print(f"  load average at start: {machine['load_at_start']}; workdir {workdir}")

    try:
        database = prepare_database(reuse=args.reuse)
        print(
            f"  database ready in {database['seconds']:.1f} s: {database['synonym_groups']} synonym groups,"
            f" {database['best_bets']} best bets"
        )

        started = time.perf_counter()
        vocabulary = load_vocabulary(args.words or DEFAULT_WORDS_DIR)
        documents = generate_documents(vocabulary, args.docs, args.seed)
        characters = sum(len(d.title) + len(d.summary) + len(d.body) for d in documents)
        corpus = {
            "documents": len(documents),
            "arabic": sum(1 for d in documents if d.locale == "ar"),
            "staff_only": sum(1 for d in documents if d.audiences == ("staff",)),
            "characters": characters,
            "arabic_forms": len(vocabulary.arabic.forms),
            "english_forms": len(vocabulary.english.forms),
            "words_source": vocabulary.source,
            "words_fingerprint": vocabulary.fingerprint,
            "seconds": round(time.perf_counter() - started, 2),
        }
        print(
            f"  corpus generated in {corpus['seconds']} s: {corpus['arabic']} Arabic,"
            f" {len(documents) - corpus['arabic']} English, {corpus['staff_only']} staff-only,"
            f" {characters / len(documents):.0f} characters per document"
        )

        backend = get_search_backend()
        if args.without_phrase_memo:
            backend.phrase_memo_entries = 0
        indexing: dict = {"reused": args.reuse}
        if not args.reuse:
            indexed = 0

            def progress(count: int) -> None:
                nonlocal indexed
                indexed += count

            gc.collect()
            load_before = load()
            cpu_started = time.process_time()
            started = time.perf_counter()
            with profiled(args.profile == "index", workdir / "index.prof"):
                count = backend.rebuild(iter(documents), progress=progress)
            seconds = time.perf_counter() - started
            cpu = time.process_time() - cpu_started
            assert count == indexed == len(documents), (count, indexed)
            indexing.update(
                {
                    "documents": count,
                    "seconds": round(seconds, 2),
                    "docs_per_second": round(count / seconds, 1),
                    "characters_per_second": round(characters / seconds),
                    "cpu_seconds": round(cpu, 2),
                    "load_before": load_before,
                    "load_after": load(),
                    "index_bytes": backend.path.stat().st_size,
                }
            )
            print(
                f"Indexing: {count} documents in {seconds:.1f} s = {count / seconds:.0f} docs/s"
                f" (CPU {cpu:.1f} s; index {indexing['index_bytes'] / 1e6:.0f} MB; load {indexing['load_after']})"
            )
        maker = QueryMaker(vocabulary, documents, analyze_token, args.seed + 1)
        queries = maker.mix(args.queries)
        prefixes = maker.prefixes(args.autocomplete)
        warmup = QueryMaker(vocabulary, documents, analyze_token, args.seed + 2).mix(args.warmup)
        # The API process does not hold the corpus: free it before timing anything.
        del documents, maker
        gc.collect()

        users = database["users"]
        started = time.perf_counter()
        warm = run_queries(warmup, users, args.reader_language)
        warmup_report = {
            "queries": len(warmup),
            "seconds": round(time.perf_counter() - started, 2),
            **summarise([o["ms"] for o in warm]),
        }
        print(f"Warm-up: {len(warmup)} queries (excluded), p50 {warmup_report.get('p50')} ms")

        rounds = []
        load_before = load()
        cpu_started = time.process_time()
        started = time.perf_counter()
        with profiled(args.profile == "query", workdir / "query.prof"):
            for _ in range(args.rounds):
                rounds.append(run_queries(queries, users, args.reader_language))
        query_seconds = time.perf_counter() - started
        query_cpu = time.process_time() - cpu_started
        load_after = load()
        memo = getattr(backend, "phrase_memo", None)
        phrase_memo = {"phrases": len(memo), "estimated_bytes": memo.held} if memo is not None else None
        ac_timings = run_autocomplete(prefixes, users)
        ranking_check = check_ranking(queries[: args.check_ranking]) if args.check_ranking else None

        # Per query: the median over rounds.
        per_query = []
        for index, query in enumerate(queries):
            samples = [outcomes[index] for outcomes in rounds]
            per_query.append(
                {
                    **samples[0],
                    "ms": statistics.median(sample["ms"] for sample in samples),
                    "cpu_ms": statistics.median(sample["cpu_ms"] for sample in samples),
                    "query": query,
                }
            )

        overall = summarise([row["ms"] for row in per_query])
        # CPU time of the searching thread: what the code costs, whatever else the machine runs.
        overall_cpu = summarise([row["cpu_ms"] for row in per_query])
        by_category = {
            category: summarise([row["ms"] for row in per_query if row["query"].category == category])
            for category in CATEGORIES
        }
        traits: dict[str, list[float]] = defaultdict(list)
        for row in per_query:
            query = row["query"]
            for trait in [*query.traits, "staff" if query.staff else "anonymous"]:
                traits[trait].append(row["ms"])
        by_trait = {trait: summarise(values) for trait, values in sorted(traits.items())}
        checks = {}
        for category in CATEGORIES:
            rows = [row for row in per_query if row["query"].category == category]
            checks[category] = {
                "queries": len(rows),
                "found_something": sum(1 for row in rows if row["count"] > 0),
                "with_suggestion": sum(1 for row in rows if row["suggestion"]),
                "median_count": statistics.median(row["count"] for row in rows) if rows else 0,
                "ranked_exactly": sum(1 for row in rows if row["exact"] is True),
                "ranked_from_candidates": sum(1 for row in rows if row["exact"] is False),
            }
        slowest = sorted(per_query, key=lambda row: -row["ms"])[:10]
        autocomplete_report = summarise(ac_timings)

        print()
        print(f"Queries: {len(queries)} x {args.rounds} round(s) in {query_seconds:.1f} s (CPU {query_cpu:.1f} s)")
        print(f"  load average before/after: {load_before} / {load_after}")
        if phrase_memo is not None:
            print(
                f"  phrase memo after them: {phrase_memo['phrases']} phrases,"
                f" {phrase_memo['estimated_bytes'] / 1e6:.1f} MB estimated"
            )
        header = f"  {'ms':<22}{'n':>6}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}   found  suggest  exact"
        print(header)
        print(
            f"  {'overall':<22}{overall['n']:>6}{overall['p50']:>9}{overall['p95']:>9}{overall['p99']:>9}"
            f"{overall['max']:>9}"
        )
        for category in CATEGORIES:
            stats, check = by_category[category], checks[category]
            if stats["n"]:
                print(
                    f"  {category:<22}{stats['n']:>6}{stats['p50']:>9}{stats['p95']:>9}{stats['p99']:>9}"
                    f"{stats['max']:>9}   {check['found_something']:>5}  {check['with_suggestion']:>7}"
                    f"  {check['ranked_exactly']:>5}"
                )
        for trait, stats in by_trait.items():
            print(
                f"  {'· ' + trait:<22}{stats['n']:>6}{stats['p50']:>9}{stats['p95']:>9}{stats['p99']:>9}"
                f"{stats['max']:>9}"
            )
        print(
            f"  {'overall, CPU time':<22}{overall_cpu['n']:>6}{overall_cpu['p50']:>9}{overall_cpu['p95']:>9}"
            f"{overall_cpu['p99']:>9}{overall_cpu['max']:>9}"
        )
        ac = autocomplete_report
        print(f"  {'autocomplete':<22}{ac['n']:>6}{ac['p50']:>9}{ac['p95']:>9}{ac['p99']:>9}{ac['max']:>9}")
        print("  slowest:", "; ".join(f"{row['query'].text!r} {row['ms']:.0f} ms" for row in slowest[:5]))
        if indexing.get("docs_per_second"):
            verdict_index = "meets" if indexing["docs_per_second"] >= DOCS_PER_SECOND_TARGET else "MISSES"
            print(
                f"Target indexing >= {DOCS_PER_SECOND_TARGET:.0f} docs/s: {verdict_index}"
                f" ({indexing['docs_per_second']:.0f})"
            )
        verdict_p95 = "meets" if overall["p95"] < P95_TARGET_MS else "MISSES"
        print(f"Target p95 < {P95_TARGET_MS:.0f} ms: {verdict_p95} ({overall['p95']} ms)")

        result = {
            "benchmark": "speed",
            "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "arguments": {key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()},
            "machine": {**machine, "load_at_end": load()},
            "targets": {"p95_ms": P95_TARGET_MS, "docs_per_second": DOCS_PER_SECOND_TARGET},
            "database": {key: value for key, value in database.items() if key != "users"},
            "corpus": corpus,
            "indexing": indexing,
            "warmup": warmup_report,
            "queries": {
                "phrase_memo": phrase_memo,
                "rounds": args.rounds,
                "seconds": round(query_seconds, 2),
                "cpu_seconds": round(query_cpu, 2),
                "load_before": load_before,
                "load_after": load_after,
                "overall": overall,
                "overall_cpu": overall_cpu,
                "by_category": by_category,
                "by_trait": by_trait,
                "checks": checks,
                "per_query": [
                    {
                        "text": row["query"].text,
                        "category": row["query"].category,
                        "traits": row["query"].traits,
                        "ms": round(row["ms"], 2),
                        "cpu_ms": round(row["cpu_ms"], 2),
                        "count": row["count"],
                        "exact": row["exact"],
                    }
                    for row in per_query
                ],
                "slowest": [
                    {
                        "text": row["query"].text,
                        "category": row["query"].category,
                        "ms": round(row["ms"], 2),
                        "count": row["count"],
                        "params": row["query"].params(),
                        "staff": row["query"].staff,
                    }
                    for row in slowest
                ],
            },
            "autocomplete": autocomplete_report,
            "ranking_check": ranking_check,
        }
        args.output.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = args.output / f"speed-{stamp}-{args.docs}.json"
        path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"Result written to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    finally:
        from search.backends import reset_search_backends

        reset_search_backends()
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
        _remove_empty_test_dirs()
    return 0


def _remove_empty_test_dirs() -> None:
    """The test settings make temporary media and index directories on import."""
    from django.conf import settings

    for path in (Path(settings.MEDIA_ROOT),):
        with contextlib.suppress(OSError):
            path.rmdir()


if __name__ == "__main__":
    sys.exit(main())
