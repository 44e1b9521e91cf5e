"""The default SQLite set-up: write-ahead logging, immediate transactions and a short,
bounded wait on every connection the portal opens (checked in a fresh interpreter with the
development settings and a database file, as ``make run`` uses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

PROBE = """
import json, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode"); journal = cursor.fetchone()[0]
    cursor.execute("PRAGMA synchronous"); synchronous = cursor.fetchone()[0]
    cursor.execute("PRAGMA busy_timeout"); busy = cursor.fetchone()[0]
with transaction.atomic():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
print(json.dumps({"journal": journal, "synchronous": synchronous, "busy_ms": busy,
                  "mode": connection.transaction_mode,
                  "began": [q["sql"] for q in connection.queries if q["sql"].startswith("BEGIN")]}))
"""


def run_probe(code: str, *, database_url: str, **env: str) -> dict:
    """Run ``code`` in a fresh interpreter with the development settings and
    ``database_url`` (nothing of this process's database, Redis or thread settings) and
    return the JSON it prints last."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DATABASE_") and key not in {"REDIS_URL", "REQUEST_THREADS"}
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "DATABASE_URL": database_url, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def probe(tmp_path: Path, **env: str) -> dict:
    return run_probe(PROBE, database_url=f"sqlite:///{tmp_path / 'portal.sqlite3'}", DEBUG="true", **env)


def test_sqlite_connections_use_wal_immediate_transactions_and_a_five_second_wait(tmp_path):
    settings = probe(tmp_path)
    # synchronous: 1 is NORMAL (safe with WAL, one fsync per checkpoint instead of per commit).
    assert settings == {
        "journal": "wal",
        "synchronous": 1,
        "busy_ms": 5000,
        "mode": "IMMEDIATE",
        "began": ["BEGIN IMMEDIATE"],
    }


def test_the_sqlite_wait_is_configurable(tmp_path):
    assert probe(tmp_path, DATABASE_SQLITE_TIMEOUT="1.5")["busy_ms"] == 1500


SETTINGS_PROBE = """
import json
from django.conf import settings
default = settings.DATABASES["default"]
print(json.dumps({"conn_max_age": default["CONN_MAX_AGE"], "pool": default.get("OPTIONS", {}).get("pool"),
                  "threads": settings.REQUEST_THREADS}))
"""


def postgres_settings(**env: str) -> dict:
    """The database settings the development settings make of a PostgreSQL URL (read, not
    connected: no server is needed)."""
    return run_probe(SETTINGS_PROBE, database_url="postgres://nobody@127.0.0.1:5432/nothing", **env)


def test_on_postgresql_each_of_a_few_request_threads_keeps_its_connection():
    """Four request threads, each keeping its connection for ten minutes: no pool to
    borrow from and return to on every request (bench/customer_form.py measured it)."""
    assert postgres_settings() == {"conn_max_age": 600, "pool": None, "threads": 4}


def test_the_postgresql_pool_is_there_on_request():
    settings = postgres_settings(DATABASE_POOL="true", REQUEST_THREADS="16")
    assert settings["conn_max_age"] == 0
    assert settings["pool"] == {"min_size": 2, "max_size": 20, "timeout": 10.0}
    assert settings["threads"] == 16
