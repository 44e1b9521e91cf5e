"""Benchmark of the award leaderboard: the API's latency and the cost of one new customer
rating, at 10 k, 100 k and 1 M ratings in the season.

    .venv/bin/python bench/leaderboard.py [--ratings 10000 100000 1000000] [--requests 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tamayuz_bench_awards .venv/bin/python bench/leaderboard.py

For each size, in a fresh database (a SQLite file in a temporary directory, or a PostgreSQL
database named after ``DATABASE_URL`` with the size appended, created and dropped here):

1. migrate; 5 agencies × 4 units × 25 front-line employees (500); one current season;
2. bulk-insert the ratings (spread over the season, no signals) and build the running
   tallies once with ``awards.services.recompute_season``, as ``manage.py awards
   recompute`` does;
3. time ``GET /api/leaderboard/`` through Django's full request path (middleware included)
   for the agency, unit, employee and channel boards, after a warm-up;
4. time 200 new ratings through the customer form's service (``submit_customer_rating``:
   the rating, its running tallies and the burst check, in one transaction).

Targets (issue 9): API p95 under 20 ms, and a per-rating cost that does not grow with the
number of ratings.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

P95_TARGET_MS = 20.0


def setup_django(database_url: str, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ["SEARCH_EMBEDDED_PATH"] = str(workdir / "search.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def database_url_for(size: int, workdir: Path) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        import psycopg

        name = f"{base.rsplit('/', 1)[1]}_{size}"
        with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"{base.rsplit('/', 1)[0]}/{name}"
    return f"sqlite:///{workdir / 'bench.sqlite3'}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(size: int) -> dict:
    from django.utils import timezone

    from awards.services import create_season, recompute_season
    from evaluations.models import CustomerRating, Employee, Unit
    from portal.models import Agency

    chooser = random.Random(size)
    employees = []
    for a in range(5):
        agency = Agency.objects.create(slug=f"agency-{a}", name_ar=f"جهة {a}", name_en=f"Agency {a}")
        for u in range(4):
            unit = Unit.objects.create(agency=agency, slug=f"unit-{u}", name_ar=f"وحدة {u}", name_en=f"Unit {u}")
            employees.extend(
                Employee(
                    employee_id=f"E{a}{u}{n:03d}",
                    unit=unit,
                    name_ar=f"موظف {a}{u}{n}",
                    name_en=f"Employee {a}{u}{n}",
                    front_line=True,
                )
                for n in range(25)
            )
    Employee.objects.bulk_create(employees)
    ids = list(Employee.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    season = create_season(
        slug="bench",
        name_ar="موسم",
        name_en="Season",
        starts_on=today - datetime.timedelta(days=80),
        ends_on=today + datetime.timedelta(days=10),
        make_current=True,
    )
    start = timezone.now() - datetime.timedelta(days=79)
    channels = ("centre", "phone", "email", "video", "chat")
    started = time.perf_counter()
    batch = []
    for index in range(size):
        batch.append(
            CustomerRating(
                employee_id=chooser.choice(ids),
                submitted_at=start + datetime.timedelta(seconds=chooser.randrange(79 * 86400)),
                channel=chooser.choice(channels),
                overall=chooser.choice((3, 4, 4, 5, 5, 5, 2)),
                source_ref=f"bench-{index}",
            )
        )
        if len(batch) == 20000:
            CustomerRating.objects.bulk_create(batch)
            batch = []
    CustomerRating.objects.bulk_create(batch)
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    recompute_season(season=season)
    return {"insert_s": round(inserted, 1), "recompute_s": round(time.perf_counter() - started, 1), "employees": ids}


def time_api(requests: int) -> dict:
    from django.test import Client

    client = Client()
    boards = [
        {"category": "best_agency", "band": "le-50"},
        {"category": "best_agency", "band": "51-500"},
        {"category": "best_unit"},
        {"category": "best_channel", "band": "agency-0"},
    ]
    for board in boards * 5:  # warm-up
        assert client.get("/api/leaderboard/", {"season": "bench", **board}).status_code == 200
    timings = []
    for index in range(requests):
        started = time.perf_counter()
        response = client.get("/api/leaderboard/", {"season": "bench", **boards[index % len(boards)]})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "p99_ms": round(percentile(timings, 0.99), 2),
    }


def time_new_ratings(employee_ids: list[int], count: int = 200) -> dict:
    from evaluations.customer_feedback import customer_feedback_token, submit_customer_rating
    from evaluations.models import Employee

    employees = list(Employee.objects.filter(pk__in=employee_ids[:count]))
    links = [customer_feedback_token(employee=employees[i % len(employees)]) for i in range(count)]
    timings = []
    for index, link in enumerate(links):
        started = time.perf_counter()
        submit_customer_rating(token=link.token, overall=5, client_fingerprint=f"bench-{index}")
        timings.append((time.perf_counter() - started) * 1000)
    return {"rating_p50_ms": round(statistics.median(timings), 2), "rating_p95_ms": round(percentile(timings, 0.95), 2)}


def run_one(size: int, requests: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="tamayuz-bench-awards-") as tmp:
        workdir = Path(tmp)
        setup_django(database_url_for(size, workdir), workdir)
        built = build(size)
        result = {"ratings": size, "insert_s": built["insert_s"], "recompute_s": built["recompute_s"]}
        result.update(time_api(requests))
        result.update(time_new_ratings(built["employees"]))
        return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ratings", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.requests)))
        return 0
    import subprocess

    rows = []
    for size in args.ratings:
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--requests", str(args.requests)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
        print(rows[-1], flush=True)
    engine = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    print(f"\nLeaderboard on {engine} ({platform.node()}, load {os.getloadavg()[0]:.1f}):")
    print(f"{'ratings':>10} {'API p50':>9} {'API p95':>9} {'API p99':>9} {'rating p50':>11} {'rating p95':>11}")
    for row in rows:
        print(
            f"{row['ratings']:>10,} {row['p50_ms']:>7} ms {row['p95_ms']:>7} ms {row['p99_ms']:>7} ms "
            f"{row['rating_p50_ms']:>8} ms {row['rating_p95_ms']:>8} ms"
        )
    worst = max(row["p95_ms"] for row in rows)
    print(f"target: API p95 < {P95_TARGET_MS} ms: {'met' if worst < P95_TARGET_MS else 'NOT met'} (worst {worst} ms)")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"leaderboard-{engine}.json").write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
