"""Benchmark of closing an evaluation cycle: time and peak memory of ``close_cycle``.

    .venv/bin/python bench/close_cycle.py [--employees 1000 2500 5000] [--raters 12]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tamayuz_bench .venv/bin/python bench/close_cycle.py

For each size, in its own fresh database (a SQLite file in a temporary directory, or, with
a PostgreSQL ``DATABASE_URL``, a database named after it with the size appended, created
and dropped by the script):

1. migrate (the capability-model framework comes from the data migration: 10
   competencies, 20 statements);
2. build a synthetic organisation: units of ``--unit-size`` employees, each a head and
   their direct reports; open a cycle through ``services.open_cycle`` with ``raters − 2``
   peers per employee (so a report has self + supervisor + peers = ``--raters`` raters; a
   head also has all their reports as subordinates);
3. submit every assignment with 20 answers (5 % "not observed", some comments) and give
   each employee ten customer ratings in the cycle's dates, with bulk inserts;
4. close the cycle in a **separate process** that does nothing else, so its wall time, its
   CPU time (``time.process_time``: the Python side only, not the database server's) and
   its peak resident memory (``ru_maxrss``) are the closing alone; with ``--tracemalloc``,
   tracemalloc's peak of Python allocations is measured in a second, separate run (it
   slows Python down, so that run's time is not reported).

Target (issue 8): under 20 s at 5,000 employees × 12 raters × 20 statements on each
database, growing linearly from 1,000 to 2,500 to 5,000.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 20.0


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, nargs="+", default=[1000, 2500, 5000])
    parser.add_argument("--raters", type=int, default=12, help="raters per employee (self + supervisor + peers)")
    parser.add_argument("--unit-size", type=int, default=25, help="employees per unit (a head and reports)")
    parser.add_argument("--seed", type=int, default=20260301)
    parser.add_argument("--close-only", help=argparse.SUPPRESS)  # internal: the child process
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also measure tracemalloc's peak (closes each cycle a second time)"
    )
    return parser.parse_args(argv)


def database_url_for(size: int, workdir: Path) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        return f"{base}_{size}"
    return f"sqlite:///{workdir / f'close-{size}.sqlite3'}"


def setup_django(database_url: str, workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["TAMAYUZ_VAR_DIR"] = str(workdir)
    os.environ["SEARCH_EMBEDDED_PATH"] = str(workdir / "search.sqlite3")
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def postgres_admin(database_url: str, sql: str) -> None:
    import psycopg

    server = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(sql)


def build(size: int, raters: int, unit_size: int, seed: int) -> dict:
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0, interactive=False)
    import datetime

    from evaluations import services
    from evaluations.models import Answer, CustomerRating, Employee, Item, Response, Unit
    from portal.models import Agency

    generator = random.Random(seed)
    started = time.perf_counter()
    agency = Agency.objects.create(slug="bench", name_ar="جهة القياس", name_en="Bench agency")
    employees_made = 0
    unit_number = 0
    with transaction.atomic():
        while employees_made < size:
            unit = Unit.objects.create(agency=agency, slug=f"u{unit_number}", name_ar="وحدة", name_en="Unit")
            members = min(unit_size, size - employees_made)
            head = Employee.objects.create(
                employee_id=f"B{employees_made:06d}", unit=unit, name_ar="رئيس", name_en="Head"
            )
            Employee.objects.bulk_create(
                [
                    Employee(
                        employee_id=f"B{employees_made + n:06d}",
                        unit=unit,
                        supervisor=head,
                        name_ar="موظف",
                        name_en="Employee",
                    )
                    for n in range(1, members)
                ]
            )
            employees_made += members
            unit_number += 1
    cycle = services.create_cycle(
        slug=f"bench-{size}",
        name_ar="دورة القياس",
        name_en="Bench cycle",
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 3, 31),
        agencies=[agency],
        peers_per_employee=raters - 2,
        max_evaluations_per_rater=raters - 2,
        assignment_seed=seed,
    )
    opened = time.perf_counter()
    cycle = services.open_cycle(cycle=cycle, notify=False)  # no invitations in a benchmark
    open_seconds = time.perf_counter() - opened
    items = list(Item.objects.filter(competency__framework=cycle.framework).values_list("pk", flat=True))
    assignments = list(cycle.assignments.values_list("pk", "rater_id", "ratee_id", "relationship"))
    now = datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC)
    with transaction.atomic():
        for offset in range(0, len(assignments), 2000):
            chunk = assignments[offset : offset + 2000]
            responses = Response.objects.bulk_create(
                [
                    Response(
                        cycle=cycle,
                        rater_id=rater,
                        ratee_id=ratee,
                        assignment_id=pk,
                        relationship=relationship,
                        status=Response.Status.SUBMITTED,
                        submitted_at=now,
                        comment="Helpful and patient." if generator.random() < 0.2 else "",
                    )
                    for pk, rater, ratee, relationship in chunk
                ]
            )
            Answer.objects.bulk_create(
                [
                    Answer(
                        response_id=response.pk,
                        item_id=item,
                        score=None if generator.random() < 0.05 else generator.randint(2, 5),
                    )
                    for response in responses
                    for item in items
                ],
                batch_size=5000,
            )
        employee_ids = list(Employee.objects.filter(unit__agency=agency).values_list("pk", flat=True))
        CustomerRating.objects.bulk_create(
            [
                CustomerRating(
                    employee_id=employee_id,
                    submitted_at=now - datetime.timedelta(days=n),
                    channel="centre",
                    overall=generator.randint(2, 5),
                )
                for employee_id in employee_ids
                for n in range(10)
            ],
            batch_size=5000,
        )
    from django.db import connection

    if connection.vendor == "postgresql":
        # A cycle closes weeks after its answers arrived, by when autovacuum has analysed
        # the tables; right after a bulk load the planner would still see empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {
        "employees": size,
        "assignments": len(assignments),
        "answers": len(assignments) * len(items),
        "customer_ratings": size * 10,
        "open_seconds": round(open_seconds, 2),
        "build_seconds": round(time.perf_counter() - started, 1),
    }


def close_only(slug: str, with_tracemalloc: bool) -> dict:
    from evaluations import services
    from evaluations.models import Cycle, ResultScore

    cycle = Cycle.objects.get(slug=slug)
    if with_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    services.close_cycle(cycle=cycle)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    result = {
        "close_seconds": round(seconds, 2),
        "close_cpu_seconds": round(cpu_seconds, 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if with_tracemalloc:
        import tracemalloc

        result["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    result["result_scores"] = ResultScore.objects.filter(result__cycle=cycle).count()
    return result


def reopen_for_second_run(slug: str) -> None:
    """Put the cycle back to open (results deleted) so the tracemalloc run closes it again."""
    from evaluations.models import Cycle

    cycle = Cycle.objects.get(slug=slug)
    cycle.results.all().delete()
    cycle.result_competencies.all().delete()
    Cycle.objects.filter(pk=cycle.pk).update(status=Cycle.Status.OPEN, closed_at=None)


def child(args, database_url: str, workdir: Path, *extra: str) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, __file__, "--close-only", *extra]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = Path(os.environ.get("BENCH_WORKDIR") or tempfile.mkdtemp(prefix="close-cycle-"))
    if args.close_only:
        setup_django(os.environ["DATABASE_URL"], workdir)
        if args.close_only.startswith("reopen:"):
            reopen_for_second_run(args.close_only.removeprefix("reopen:"))
            print(json.dumps({}))
        else:
            print(json.dumps(close_only(args.close_only, args.tracemalloc)))
        return 0
    engine = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    rows = []
    for size in args.employees:
        database_url = database_url_for(size, workdir)
        if engine == "postgresql":
            name = database_url.rsplit("/", 1)[1]
            postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
            postgres_admin(database_url, f'CREATE DATABASE "{name}"')
        output = subprocess.run(
            [
                sys.executable,
                "-c",
                BUILD_SNIPPET,
                str(size),
                str(args.raters),
                str(args.unit_size),
                str(args.seed),
                str(workdir),
            ],
            env={**os.environ, "DATABASE_URL": database_url},
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        row = json.loads(output.stdout.strip().splitlines()[-1])
        os.environ["BENCH_WORKDIR"] = str(workdir)
        row.update(child(args, database_url, workdir, f"bench-{size}"))
        if args.tracemalloc:
            child(args, database_url, workdir, f"reopen:bench-{size}")
            traced = child(args, database_url, workdir, f"bench-{size}", "--tracemalloc")
            row["tracemalloc_peak_mb"] = traced["tracemalloc_peak_mb"]
        row["load_average"] = round(os.getloadavg()[0], 1)
        row["engine"] = engine
        rows.append(row)
        print(
            f"{engine:10} {size:>6} employees  {row['answers']:>9,} answers  close {row['close_seconds']:>6.2f} s  "
            f"(CPU of this process {row['close_cpu_seconds']:>6.2f} s)  max RSS {row['max_rss_mb']:>7.1f} MB  "
            f"tracemalloc peak {row.get('tracemalloc_peak_mb', '-')} MB  load {row['load_average']}  "
            f"(open {row['open_seconds']} s, build {row['build_seconds']} s)",
            flush=True,
        )
        if engine == "postgresql" and not os.environ.get("BENCH_KEEP_DATABASE"):
            postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (results / f"close_cycle-{engine}-{stamp}.json").write_text(
        json.dumps({"machine": platform.platform(), "python": platform.python_version(), "rows": rows}, indent=2)
    )
    largest = max(rows, key=lambda row: row["employees"])
    verdict = "meets" if largest["close_seconds"] < TARGET_SECONDS else "MISSES"
    print(f"{verdict} the target of {TARGET_SECONDS:.0f} s at {largest['employees']} employees on {engine}")
    return 0


BUILD_SNIPPET = """
import json, sys
from pathlib import Path
sys.path.insert(0, '.')
from bench.close_cycle import build, setup_django
import os
size, raters, unit_size, seed, workdir = sys.argv[1:]
setup_django(os.environ['DATABASE_URL'], Path(workdir))
print(json.dumps(build(int(size), int(raters), int(unit_size), int(seed))))
"""


if __name__ == "__main__":
    sys.exit(main())
