"""Benchmark of HR's assignments page on a large cycle: time and queries per request.

    .venv/bin/python bench/assignments_page.py [--employees 5000] [--raters 12] [--repeat 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tamayuz_bench .venv/bin/python bench/assignments_page.py

In a fresh database (a SQLite file in a temporary directory, or, with a PostgreSQL
``DATABASE_URL``, a database named after it with ``_assignments`` appended, created and
dropped by the script): migrate, build ``--employees`` employees in units of 25 (a head and
their reports), open a cycle through ``services.open_cycle`` with ``raters − 2`` peers per
employee (5,000 × 12 ≈ 60,000 assignments), mark a third of them submitted and a few
declined, then request the page as a superuser through the view itself (the view, its
selectors and the template; no HTTP server): the first page, a middle page, the last page,
a name search, a status filter and a rater group filter. Reports the median and worst wall
time of ``--repeat`` requests of each (after one that warms the caches up) and the number
of queries of one, and writes them to ``bench/results/``.

Target: a page in well under a second at 60,000 assignments, and the same number of
queries on every page and with every filter.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--raters", type=int, default=12, help="raters per employee (self + supervisor + peers)")
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args(argv)


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


def build(size: int, raters: int):
    import datetime

    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from evaluations import services
    from evaluations.models import Assignment, Employee, Response, Unit
    from portal.models import Agency

    call_command("migrate", verbosity=0, interactive=False)
    agency = Agency.objects.create(slug="bench", name_ar="جهة القياس", name_en="Bench agency")
    made, unit_number = 0, 0
    with transaction.atomic():
        while made < size:
            unit = Unit.objects.create(agency=agency, slug=f"u{unit_number}", name_ar="وحدة", name_en="Unit")
            members = min(25, size - made)
            head = Employee.objects.create(
                employee_id=f"B{made:06d}", unit=unit, name_ar=f"رئيس {made}", name_en=f"Head {made}"
            )
            Employee.objects.bulk_create(
                Employee(
                    employee_id=f"B{made + n:06d}",
                    unit=unit,
                    supervisor=head,
                    name_ar=f"موظف {made + n}",
                    name_en=f"Employee {made + n}",
                )
                for n in range(1, members)
            )
            made += members
            unit_number += 1
    cycle = services.create_cycle(
        slug="bench",
        name_ar="دورة القياس",
        name_en="Bench cycle",
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 3, 31),
        agencies=[agency],
        peers_per_employee=raters - 2,
        max_evaluations_per_rater=raters - 2,
        assignment_seed=7,
    )
    cycle = services.open_cycle(cycle=cycle, notify=False)
    rows = list(cycle.assignments.values_list("pk", "rater_id", "ratee_id", "relationship"))
    now = timezone.now()
    with transaction.atomic():
        Response.objects.bulk_create(
            (
                Response(
                    cycle=cycle,
                    rater_id=rater,
                    ratee_id=ratee,
                    assignment_id=pk,
                    relationship=relationship,
                    status=Response.Status.SUBMITTED,
                    submitted_at=now,
                )
                for index, (pk, rater, ratee, relationship) in enumerate(rows)
                if index % 3 == 0
            ),
            batch_size=5000,
        )
        Assignment.objects.filter(pk__in=[pk for index, (pk, *_rest) in enumerate(rows) if index % 50 == 1]).update(
            declined_at=now, decline_reason="On leave."
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return cycle, len(rows)


def measure(cycle, count: int, repeat: int) -> list[dict]:
    from django.contrib.auth import get_user_model
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from evaluations.assignment_views import PER_PAGE, cycle_assignments

    admin = get_user_model().objects.create_superuser("bench-admin", "admin@bench.example", "x")
    last_page = (count + PER_PAGE - 1) // PER_PAGE
    cases = {
        "first page": {},
        "middle page": {"page": str(last_page // 2)},
        "last page": {"page": str(last_page)},
        "name search": {"ratee": "Employee 42"},
        "status submitted": {"status": "submitted"},
        "peers, page 100": {"relationship": "peer", "page": "100"},
    }
    results = []
    factory = RequestFactory()
    with translation.override("en"):
        for name, query in cases.items():
            timings = []
            queries = 0
            for attempt in range(repeat + 1):  # the first request warms the caches up
                request = factory.get(f"/en/evaluations/cycles/{cycle.slug}/assignments/", query)
                request.user = admin
                request.session = SessionStore()
                request._messages = FallbackStorage(request)
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = cycle_assignments(request, slug=cycle.slug)
                    elapsed = time.perf_counter() - started
                assert response.status_code == 200, response.status_code
                if attempt:
                    timings.append(elapsed * 1000)
                queries = len(captured)
            results.append(
                {
                    "request": name,
                    "median_ms": round(statistics.median(timings), 1),
                    "max_ms": round(max(timings), 1),
                    "queries": queries,
                }
            )
    return results


def main(argv=None) -> None:
    args = parse_args(argv)
    base = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory(prefix="tamayuz-bench-assignments-") as directory:
        workdir = Path(directory)
        if base.startswith("postgres"):
            database_url = f"{base}_assignments"
            name = database_url.rsplit("/", 1)[1]
            postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
            postgres_admin(database_url, f'CREATE DATABASE "{name}"')
        else:
            database_url = f"sqlite:///{workdir / 'assignments.sqlite3'}"
        setup_django(database_url, workdir)
        try:
            started = time.perf_counter()
            cycle, count = build(args.employees, args.raters)
            built = time.perf_counter() - started
            results = measure(cycle, count, args.repeat)
        finally:
            if base.startswith("postgres"):
                from django.db import connections

                connections.close_all()
                postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{database_url.rsplit("/", 1)[1]}"')
    from django.db import connection

    report = json.dumps(
        {
            "database": connection.vendor,
            "employees": args.employees,
            "assignments": count,
            "build_seconds": round(built, 1),
            "load_average": Path("/proc/loadavg").read_text().split()[:3],
            "results": results,
        },
        indent=2,
    )
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    (folder / f"assignments_page-{connection.vendor}-{time.strftime('%Y%m%dT%H%M%S')}.json").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
