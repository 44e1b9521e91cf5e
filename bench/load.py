"""Load benchmark: 20 concurrent searchers against the real server, without and then with a
publisher process running beside them, on SQLite or PostgreSQL.

    .venv/bin/python bench/load.py [--seconds 60] [--searchers 20] [--database sqlite|postgres]

What it does, in its own temporary directory (never the developer's ``var/``):

1. migrates a fresh database (SQLite in the temporary directory, or the PostgreSQL database
   named by ``--postgres-url``, dropped and created again) and loads the demo content with
   ``manage.py load_demo``; the embedded search index is built by publishing, as in use;
2. starts daphne with the production settings (DEBUG off) on a free port on 127.0.0.1;
3. phase "alone": ``--searchers`` asyncio clients (keep-alive HTTP/1.1) search
   ``/api/search/`` for ``--seconds`` seconds with a mix of Arabic and English queries,
   filters, typing bursts and second pages (first pages are logged, as in use);
4. phase "with publisher": the same searchers for the same time while a separate process
   (this script with ``--publisher``) republishes knowledge pages in a loop, each one as
   ``import_knowledge`` does it (``knowledge.services.publish`` in a transaction:
   ``page.save_revision().publish()``), pausing ``--publish-pause`` seconds in between;
5. stops everything, prints a table and writes a JSON result to ``bench/results/``.

A search fails when it does not answer 200 within ``--request-timeout`` seconds; a publish
fails when it raises. Targets (issue 6): zero failed publishes, zero failed searches, and
search p99 with the publisher at most 1.5 × the p99 without it (same run).

Everything stays on the loopback interface and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

P99_RATIO_TARGET = 1.5
COUNT_LOGS = "from search.models import SearchQueryLog; print(SearchQueryLog.objects.count())"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/tamayuz_bench"

#: What the searchers ask, in both languages (typed forms, variants, synonyms, filters).
QUERIES: tuple[dict[str, str], ...] = (
    {"q": "شكوى"},
    {"q": "كيف أقدم شكوى"},
    {"q": "خدمة العملاء"},
    {"q": "المستفيد"},
    {"q": "مواعيد مركز الخدمة"},
    {"q": "الرسوم"},
    {"q": "اتيكيت الهاتف"},
    {"q": "البريد الالكتروني"},
    {"q": "وثيقة", "type": "faq"},
    {"q": "تواصل", "lang": "ar"},
    {"q": "complaint"},
    {"q": "customer service charter"},
    {"q": "how do I book an appointment"},
    {"q": "fees", "type": "procedure"},
    {"q": "email reply time"},
    {"q": "video call"},
    {"q": "elderly priority", "lang": "en"},
    {"q": "شكاوي"},
    {"q": "معاملة", "page": "2"},
    {"q": "service", "page": "2"},
)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each phase (default 60)")
    parser.add_argument("--searchers", type=int, default=20, help="concurrent searchers (default 20)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL, help="dropped and created again")
    parser.add_argument("--redis-url", default="", help="REDIS_URL for the server and the publisher (optional)")
    parser.add_argument("--publish-pause", type=float, default=0.25, help="seconds between publishes (0.25)")
    parser.add_argument("--request-timeout", type=float, default=30.0, help="a search slower than this fails")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the database and logs here")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("--publisher", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--stop-file", type=Path, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# --- Environment ---------------------------------------------------------------------


def server_environment(args: argparse.Namespace, workdir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "REDIS_", "ELASTIC"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "bench-load-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "TAMAYUZ_VAR_DIR": str(workdir / "var"),
            "SEARCH_EMBEDDED_PATH": str(workdir / "var" / "search.sqlite3"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    if args.database == "postgres":
        env["DATABASE_URL"] = args.postgres_url
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'var' / 'tamayuz.sqlite3'}"
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def recreate_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"unexpected database name {name!r}")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run_manage(env: dict[str, str], *arguments: str) -> None:
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    daphne = Path(sys.executable).parent / "daphne"
    return subprocess.Popen(
        [str(daphne), "-b", "127.0.0.1", "-p", str(port), "portal.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def wait_until_serving(port: int, server: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"daphne exited with code {server.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit("daphne did not start listening in time")


def stop_process(process: subprocess.Popen, timeout: float = 30.0) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Searchers -----------------------------------------------------------------------------


class HttpClient:
    """One keep-alive HTTP/1.1 connection to the server (reopened after an error)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Mozilla/5.0 bench-load\r\n\r\n"
        self.writer.write(request.encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked()
        else:
            body = await self.reader.read()
            await self.close()
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _read_chunked(self) -> bytes:
        chunks = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")
                return b"".join(chunks)
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def search_path(rng: random.Random) -> str:
    params = dict(rng.choice(QUERIES))
    if rng.random() < 0.3:
        # As-you-type: the search page sends a burst id with each keystroke's search.
        params["burst"] = f"{rng.getrandbits(128):032x}"
    return "/api/search/?" + urlencode(params)


async def searcher(port: int, until: float, rng: random.Random, timeout: float, record: dict) -> None:
    client = HttpClient(port)
    try:
        while time.monotonic() < until:
            path = search_path(rng)
            started = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(client.get(path), timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                record["failures"].append(f"{type(exc).__name__}: {exc}"[:200])
                await client.close()
                continue
            elapsed = time.perf_counter() - started
            if status == 200:
                record["latencies"].append(elapsed)
                if "page=" not in path:
                    record["logged"] += 1  # a first page: one search-log row
            else:
                record["failures"].append(f"HTTP {status}: {body[:160].decode('utf-8', 'replace')}")
    finally:
        await client.close()


async def search_phase(port: int, seconds: float, searchers: int, seed: int, timeout: float) -> dict:
    record: dict = {"latencies": [], "failures": [], "logged": 0}
    until = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(
        *(searcher(port, until, random.Random(seed + index), timeout, record) for index in range(searchers))
    )
    record["elapsed"] = time.perf_counter() - started
    return record


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (milliseconds in, milliseconds out)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarise(record: dict) -> dict:
    latencies_ms = [value * 1000 for value in record["latencies"]]
    return {
        "searches": len(latencies_ms),
        "first_page_searches": record["logged"],
        "failed_searches": len(record["failures"]),
        "searches_per_second": round(len(latencies_ms) / record["elapsed"], 1),
        "p50_ms": round(percentile(latencies_ms, 0.50), 1),
        "p95_ms": round(percentile(latencies_ms, 0.95), 1),
        "p99_ms": round(percentile(latencies_ms, 0.99), 1),
        "max_ms": round(max(latencies_ms), 1) if latencies_ms else None,
        "mean_ms": round(statistics.fmean(latencies_ms), 1) if latencies_ms else None,
        "failure_examples": sorted(set(record["failures"]))[:5],
    }


# --- Publisher (a separate process) ----------------------------------------------------------


def run_publisher(args: argparse.Namespace) -> None:
    """Republish live knowledge pages until the stop file appears; print a JSON summary."""
    import django

    django.setup()
    from django.db import transaction

    from knowledge.models import KnowledgePage
    from knowledge.services import publish

    page_ids = list(KnowledgePage.objects.live().order_by("pk").values_list("pk", flat=True))
    rng = random.Random(args.seed)
    args.stop_file.with_suffix(".ready").touch()  # set up: the measured phase may start
    done = 0
    failures: list[str] = []
    durations: list[float] = []
    while not args.stop_file.exists():
        page_id = rng.choice(page_ids)
        started = time.perf_counter()
        try:
            with transaction.atomic():
                page = KnowledgePage.objects.get(pk=page_id).specific
                marker = " ·"
                page.summary = page.summary[: -len(marker)] if page.summary.endswith(marker) else page.summary + marker
                publish(page)
            done += 1
            durations.append(time.perf_counter() - started)
        except Exception as exc:  # every failure is counted and reported
            failures.append(f"{type(exc).__name__}: {exc}"[:200])
        time.sleep(args.publish_pause)
    durations_ms = [value * 1000 for value in durations]
    print(
        json.dumps(
            {
                "publishes": done,
                "failed_publishes": len(failures),
                "publish_p50_ms": round(percentile(durations_ms, 0.5), 1) if durations_ms else None,
                "publish_max_ms": round(max(durations_ms), 1) if durations_ms else None,
                "failure_examples": sorted(set(failures))[:5],
            }
        )
    )


# --- Main ------------------------------------------------------------------------------------


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.publisher:
        run_publisher(args)
        return 0

    keep = args.workdir is not None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="tamayuz-load-"))
    (workdir / "var").mkdir(parents=True, exist_ok=True)
    env = server_environment(args, workdir)
    server = publisher = None
    try:
        print(f"setting up a fresh {args.database} database in {workdir} ...", flush=True)
        if args.database == "postgres":
            recreate_postgres_database(args.postgres_url)
        run_manage(env, "migrate", "--noinput", "-v", "0")
        run_manage(env, "load_demo", "--no-users")
        try:
            run_manage(env, "search_index", "--check")
        except subprocess.CalledProcessError:
            run_manage(env, "search_index", "--rebuild", "--no-progress")

        port = free_port()
        server = start_server(env, port, workdir / "daphne.log")
        wait_until_serving(port, server)
        # Warm the server (imports, caches, the index's snapshot) before measuring.
        warm_up = asyncio.run(search_phase(port, 3.0, 4, args.seed + 5000, args.request_timeout))
        load_before = os.getloadavg()

        print(f"phase 1: {args.searchers} searchers for {args.seconds:g} s, no publisher ...", flush=True)
        alone = summarise(
            asyncio.run(search_phase(port, args.seconds, args.searchers, args.seed, args.request_timeout))
        )

        print(f"phase 2: {args.searchers} searchers for {args.seconds:g} s with a publisher ...", flush=True)
        stop_file = workdir / "stop-publisher"
        stop_file.unlink(missing_ok=True)
        publisher = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--publisher",
                "--stop-file",
                str(stop_file),
                "--publish-pause",
                str(args.publish_pause),
                "--seed",
                str(args.seed),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=(workdir / "publisher.log").open("wb"),
            text=True,
        )
        ready_file = stop_file.with_suffix(".ready")
        deadline = time.monotonic() + 300
        while not ready_file.exists() and publisher.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if not ready_file.exists():
            raise SystemExit("the publisher did not start")
        with_publisher = summarise(
            asyncio.run(search_phase(port, args.seconds, args.searchers, args.seed + 1000, args.request_timeout))
        )
        stop_file.touch()
        try:
            output, _ = publisher.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            publisher.kill()
            output, _ = publisher.communicate()
        publishing = json.loads(output.strip().splitlines()[-1]) if output.strip() else {"error": "no summary"}
        load_after = os.getloadavg()
        stop_process(server)
        # Every first-page search is logged once: after a clean stop, none may be missing.
        logs_saved = int(
            subprocess.run(
                [sys.executable, "manage.py", "shell", "--no-imports", "-c", COUNT_LOGS],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
        )
        logs_expected = warm_up["logged"] + alone["first_page_searches"] + with_publisher["first_page_searches"]
    finally:
        if publisher is not None and publisher.poll() is None:
            publisher.kill()
        if server is not None:
            stop_process(server)
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)

    ratio = with_publisher["p99_ms"] / alone["p99_ms"] if alone["p99_ms"] else float("nan")
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "database": args.database,
        "redis": bool(args.redis_url),
        "seconds": args.seconds,
        "searchers": args.searchers,
        "publish_pause": args.publish_pause,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in load_after],
        "alone": alone,
        "with_publisher": with_publisher,
        "publisher": publishing,
        "p99_ratio": round(ratio, 2),
        "search_logs": {"expected": logs_expected, "saved": logs_saved},
        "targets_met": (
            publishing.get("failed_publishes") == 0
            and alone["failed_searches"] == 0
            and with_publisher["failed_searches"] == 0
            and ratio <= P99_RATIO_TARGET
        ),
    }
    print()
    print(f"database {args.database}{' + redis' if args.redis_url else ''}, {args.searchers} searchers, ", end="")
    print(f"{args.seconds:g} s per phase, ", end="")
    print(f"load average {result['load_average_before']} → {result['load_average_after']}")
    print(f"{'phase':<16}{'searches':>9}{'failed':>8}{'/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, phase in (("alone", alone), ("with publisher", with_publisher)):
        print(
            f"{label:<16}{phase['searches']:>9}{phase['failed_searches']:>8}{phase['searches_per_second']:>8}"
            f"{phase['p50_ms']:>9}{phase['p95_ms']:>9}{phase['p99_ms']:>9}{phase['max_ms']!s:>9}"
        )
        for example in phase["failure_examples"]:
            print(f"    failure: {example}")
    print(
        f"publisher: {publishing.get('publishes')} publishes, {publishing.get('failed_publishes')} failed, "
        f"p50 {publishing.get('publish_p50_ms')} ms, max {publishing.get('publish_max_ms')} ms"
    )
    for example in publishing.get("failure_examples", []):
        print(f"    failure: {example}")
    print(f"p99 with publisher / alone: {result['p99_ratio']} (target ≤ {P99_RATIO_TARGET})")
    print(f"search-log rows after the server stopped: {logs_saved} (first-page searches answered: {logs_expected})")
    print("targets met" if result["targets_met"] else "TARGETS NOT MET")

    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = results_dir / f"load-{args.database}-{stamp}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {path.relative_to(ROOT)}")
    return 0 if result["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
