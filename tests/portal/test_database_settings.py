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


def probe(tmp_path: Path, **env: str) -> dict:
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
            "DEBUG": "true",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


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
