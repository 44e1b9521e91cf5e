"""Customer form submissions per second, with concurrent clients against a real server.

    .venv/bin/python bench/customer_form.py [--clients 50] [--links 2000] [--employees 100]
                                            [--workers 1] [--database-url URL] [--redis-url URL]
                                            [--open-season] [--one-address]

What it does (loopback only, bounded: every request has a time-out and the run stops
after the links are spent):

1. makes a fresh database: a new SQLite file in a temporary directory (the default), or
   drops and re-creates the PostgreSQL database named in ``--database-url``; migrates it;
   creates one agency, one unit, ``--employees`` front-line employees and ``--links``
   single-use feedback links issued by the real service (``customer_feedback_token``);
2. binds a socket on a free 127.0.0.1 port and starts ``--workers`` daphne processes
   (``portal.asgi:application``, settings ``portal.settings.test`` with the same
   ``DATABASE_URL``/``REDIS_URL``) sharing it through ``--fd``; with more than one worker
   set ``--redis-url`` so the rate-limit counters are shared;
3. ``--clients`` threads, each with its own keep-alive connection, take links from a
   queue: GET the form, read its signed nonce (the form's CSRF protection), POST the
   answers, expect the 303 to the thank-you page. Submissions per second = accepted
   submissions / wall time of the phase; also GET and POST latencies;
4. replays: re-POSTs ``--replays`` used links (expects "already received", no new row) and
   races ``--races`` fresh links with two simultaneous POSTs each (two tabs: expects one
   303 and one "already received");
5. counts rows: ratings = accepted submissions, one rating per link, every link used,
   nothing lost or duplicated; prints a table and the load average, and writes JSON to
   ``bench/results/``.

Besides the rate (which depends on what else the machine runs), it reports figures that
hardly do: the CPU time the daphne processes spent per accepted submission (GET + POST)
during the submissions phase, and their CPU use (CPU seconds per wall second: near 1.0 per
worker means the workers were the bottleneck; well below, they waited, for a lock or for
a CPU), from ``/proc/PID/stat``; how busy the machine's CPUs were meanwhile (everyone's
processes: near 100 % means the servers were short of CPU); and the clients' own CPU time.

Customers' addresses. By default each link is opened by a customer of its own address, as
in production: the servers run behind one trusted reverse proxy (``TRUSTED_PROXY_COUNT=1``,
the README's deployment) and every request names its customer's address in
``X-Forwarded-For`` (10.0.0.0/8, one address per link; the two tabs of a race share one).
The portal's limits stay at their defaults, except the per-employee hourly limit, raised as
the run crowds an hour's ratings of each employee into seconds. ``--one-address`` instead
sends every submission from 127.0.0.1 with the per-address limit raised: the worst case of
the burst rule, where every employee's fourth rating within ten minutes from that address
discounts and flags the burst (a flood from one address, not customers).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SINGLE_PROCESS_TARGET = 100.0
TWO_WORKERS_TARGET = 200.0
REQUEST_TIMEOUT = 30.0
NONCE = re.compile(r'name="nonce" value="([^"]+)"')
ALREADY_RECEIVED = "Your rating has already been received"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--links", type=int, default=2000, help="single-use links, one submission each (default 2000)")
    parser.add_argument("--employees", type=int, default=100, help="front-line employees (default 100)")
    parser.add_argument("--workers", type=int, default=1, help="daphne worker processes (default 1)")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: a fresh SQLite file)")
    parser.add_argument("--redis-url", default="", help="Redis URL for the cache (default: local memory)")
    parser.add_argument("--replays", type=int, default=200, help="used links POSTed again (default 200)")
    parser.add_argument("--races", type=int, default=100, help="fresh links POSTed twice at once (default 100)")
    parser.add_argument(
        "--server-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="an environment variable for the servers, e.g. REQUEST_THREADS=8 (default: the portal's defaults)",
    )
    parser.add_argument(
        "--one-address",
        action="store_true",
        help="every submission from 127.0.0.1 (the burst rule's worst case) instead of one address per customer",
    )
    parser.add_argument(
        "--open-season",
        action="store_true",
        help="an award season open over today, so every rating also moves its four leaderboard tallies",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results", help="where the JSON goes")
    return parser.parse_args(argv)


# --- set-up -------------------------------------------------------------------------------


def server_environment(args, workdir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
        and not key.startswith(("DATABASE_", "REQUEST_THREADS"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
            "TAMAYUZ_VAR_DIR": str(workdir / "var"),
            "SEARCH_EMBEDDED_PATH": str(workdir / "search.sqlite3"),
            "CUSTOMER_FEEDBACK_EMPLOYEE_PER_HOUR": "10000000",
            "CACHE_KEY_PREFIX": f"bench-customer-{os.getpid()}",
        }
    )
    if getattr(args, "one_address", True):  # bench/live_push.py's clients share 127.0.0.1 too
        env["CUSTOMER_FEEDBACK_ADDRESS_PER_HOUR"] = "10000000"
    else:
        env["TRUSTED_PROXY_COUNT"] = "1"
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    for setting in getattr(args, "server_env", []):
        name, _, value = setting.partition("=")
        env[name] = value
    return env


def recreate_postgres_database(url: str) -> None:
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    if not name.startswith("tamayuz_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark only recreates databases named tamayuz_bench*.")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def build_data(args) -> list[str]:
    from django.core.management import call_command

    from evaluations.customer_feedback import customer_feedback_token
    from evaluations.models import Employee, Unit
    from portal.models import Agency

    call_command("migrate", verbosity=0, interactive=False)
    agency = Agency.objects.create(slug="bench-agency", name_ar="جهة القياس", name_en="Bench agency")
    unit = Unit.objects.create(agency=agency, slug="bench-centre", name_ar="مركز القياس", name_en="Bench centre")
    employees = Employee.objects.bulk_create(
        Employee(
            employee_id=f"B{number:05d}",
            unit=unit,
            name_ar=f"موظف {number}",
            name_en=f"Employee {number}",
            front_line=True,
        )
        for number in range(args.employees)
    )
    if getattr(args, "open_season", False):
        from django.utils import timezone

        from awards.models import Season

        today = timezone.localdate()
        Season.objects.create(
            slug="bench-season",
            name_ar="موسم القياس",
            name_en="Bench season",
            starts_on=today - datetime.timedelta(days=30),
            ends_on=today + datetime.timedelta(days=30),
            is_current=True,
        )
    total = args.links + args.races
    return [customer_feedback_token(employee=employees[number % len(employees)]).token for number in range(total)]


def free_socket() -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    listener.set_inheritable(True)
    return listener


def start_servers(args, env, listener: socket.socket, workdir: Path) -> list[subprocess.Popen]:
    daphne = str(Path(sys.executable).parent / "daphne")
    processes = []
    for number in range(args.workers):
        log = open(workdir / f"daphne-{number}.log", "wb")  # noqa: SIM115 - closed with the process
        processes.append(
            subprocess.Popen(
                [daphne, "--fd", str(listener.fileno()), "-v", "1", "portal.asgi:application"],
                cwd=ROOT,
                env=env,
                pass_fds=(listener.fileno(),),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return processes


def wait_until_serving(port: int, processes, *, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            sys.exit("daphne exited during start-up: see the log in the work directory")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/feedback/thanks/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
    sys.exit("daphne did not answer within two minutes")


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (Linux ``/proc``; 0.0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # After the command's closing parenthesis: state is field 0, utime 11, stime 12.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of all the machine's CPUs since boot (Linux; zeros elsewhere)."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0, 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return float(sum(fields) - idle), float(sum(fields))


def servers_cpu_seconds(processes) -> float:
    return sum(process_cpu_seconds(process.pid) for process in processes)


# --- clients --------------------------------------------------------------------------------


#: The customer address of each link (``None``: the request's own, 127.0.0.1).
CUSTOMER_ADDRESSES: dict[str, str] = {}


def customer_address(number: int) -> str:
    """The ``number``-th customer's address, in 10.0.0.0/8."""
    return f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"


class Client:
    """One customer's browser: a keep-alive connection (to the reverse proxy, as it were),
    GET the form, POST the answers; with distinct customers, each link's requests carry its
    customer's address as the proxy would."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, str, dict]:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        token = path.rstrip("/").rsplit("/", 1)[-1]
        if token in CUSTOMER_ADDRESSES:
            headers["X-Forwarded-For"] = CUSTOMER_ADDRESSES[token]
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read().decode(), dict(response.getheaders())
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def open_form(self, token: str) -> tuple[str, float, dict]:
        started = time.perf_counter()
        status, body, headers = self.request("GET", f"/en/feedback/{token}/")
        elapsed = time.perf_counter() - started
        if status != 200:
            raise RuntimeError(f"GET form: {status}")
        match = NONCE.search(body)
        if match is None:
            raise RuntimeError("GET form: no nonce in the page")
        return match.group(1), elapsed, headers

    def submit(self, token: str, nonce: str, overall: int) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(
            {"nonce": nonce, "overall": overall, "respect": 5, "time": 4, "clarity": "", "solved": 5, "comment": ""}
        )
        started = time.perf_counter()
        status, text, _headers = self.request("POST", f"/en/feedback/{token}/", body)
        return status, text, time.perf_counter() - started


def run_submissions(port: int, tokens: list[str], clients: int) -> dict:
    work: queue.Queue[str] = queue.Queue()
    for token in tokens:
        work.put(token)
    lock = threading.Lock()
    results = {"accepted": [], "other": [], "errors": [], "get_ms": [], "post_ms": [], "cookies": 0}

    def client_loop(number: int) -> None:
        client = Client(port)
        while True:
            try:
                token = work.get_nowait()
            except queue.Empty:
                return
            try:
                nonce, get_seconds, headers = client.open_form(token)
                status, _text, post_seconds = client.submit(token, nonce, overall=1 + number % 5)
            except Exception as error:
                with lock:
                    results["errors"].append(f"{token}: {error}")
                continue
            with lock:
                results["get_ms"].append(get_seconds * 1000)
                results["post_ms"].append(post_seconds * 1000)
                results["cookies"] += int("Set-Cookie" in headers or "set-cookie" in headers)
                (results["accepted"] if status == 303 else results["other"]).append((token, status))

    threads = [threading.Thread(target=client_loop, args=(number,)) for number in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results["seconds"] = time.perf_counter() - started
    return results


def run_replays(port: int, tokens: list[str]) -> dict:
    client = Client(port)
    outcome = {"already_received": 0, "other": []}
    for token in tokens:
        status, text, _ = client.request("POST", f"/en/feedback/{token}/", urllib.parse.urlencode({"overall": 1}))
        if status == 200 and ALREADY_RECEIVED in text:
            outcome["already_received"] += 1
        else:
            outcome["other"].append((token, status))
    return outcome


def run_races(port: int, tokens: list[str]) -> dict:
    """Two tabs per link: both GET the form, then both POST at the same moment."""
    outcome = {"links_with_one_acceptance": 0, "bad": []}
    for token in tokens:
        tabs = [Client(port), Client(port)]
        nonces = [tab.open_form(token)[0] for tab in tabs]
        barrier = threading.Barrier(2)
        statuses: list[tuple[int, str]] = []

        def post(tab, nonce, overall, token=token, barrier=barrier, statuses=statuses):
            barrier.wait()
            status, text, _ = tab.submit(token, nonce, overall)
            statuses.append((status, text))

        threads = [
            threading.Thread(target=post, args=(tab, nonce, 3 + n))
            for n, (tab, nonce) in enumerate(zip(tabs, nonces, strict=True))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        codes = sorted(status for status, _ in statuses)
        received = sum(1 for status, text in statuses if status == 200 and ALREADY_RECEIVED in text)
        if codes == [200, 303] and received == 1:
            outcome["links_with_one_acceptance"] += 1
        else:
            outcome["bad"].append((token, codes))
    return outcome


def count_rows(tokens: list[str]) -> dict:
    from django.db import connection
    from django.db.models import Count

    from evaluations.models import CustomerFeedbackLink, CustomerRating

    connection.close()
    per_link = CustomerRating.objects.filter(link__isnull=False).values("link").annotate(n=Count("id"))
    return {
        "ratings": CustomerRating.objects.count(),
        "links_used": CustomerFeedbackLink.objects.filter(token__in=tokens, used_at__isnull=False).count(),
        "links_with_more_than_one_rating": sum(1 for row in per_link if row["n"] > 1),
        "ratings_without_link": CustomerRating.objects.filter(link__isnull=True).count(),
    }


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main(argv=None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="tamayuz-bench-customer-"))
    env = server_environment(args, workdir)
    if args.database_url:
        recreate_postgres_database(args.database_url)
    load_before = os.getloadavg()
    print(f"work directory {workdir}; database {env['DATABASE_URL']}; cache {args.redis_url or 'local memory'}")
    setup_django(env)
    if args.redis_url:
        from django.core.cache import cache

        cache.clear()
    tokens = build_data(args)
    if not args.one_address:
        CUSTOMER_ADDRESSES.update({token: customer_address(number + 1) for number, token in enumerate(tokens)})
    main_tokens, race_tokens = tokens[: args.links], tokens[args.links :]
    from django.db import connections

    connections.close_all()
    listener = free_socket()
    port = listener.getsockname()[1]
    processes = start_servers(args, env, listener, workdir)
    try:
        wait_until_serving(port, processes)
        addresses = "every submission from 127.0.0.1" if args.one_address else "one address per customer"
        print(
            f"{args.workers} daphne worker(s) on 127.0.0.1:{port}; {args.clients} clients, {args.links} links; "
            f"{addresses}"
        )
        server_cpu_before, client_cpu_before = servers_cpu_seconds(processes), time.process_time()
        machine_before = machine_cpu_times()
        submissions = run_submissions(port, main_tokens, args.clients)
        server_cpu = servers_cpu_seconds(processes) - server_cpu_before
        client_cpu = time.process_time() - client_cpu_before
        machine_after = machine_cpu_times()
        machine_total = machine_after[1] - machine_before[1]
        machine_busy = (machine_after[0] - machine_before[0]) / machine_total if machine_total else 0.0
        accepted_tokens = [token for token, _ in submissions["accepted"]]
        replays = run_replays(port, accepted_tokens[: args.replays])
        races = run_races(port, race_tokens)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        listener.close()
    load_after = os.getloadavg()
    rows = count_rows(tokens)
    accepted = len(submissions["accepted"])
    per_second = accepted / submissions["seconds"] if submissions["seconds"] else 0.0
    server_cpu_ms = 1000 * server_cpu / accepted if accepted else 0.0
    server_cpu_use = server_cpu / submissions["seconds"] if submissions["seconds"] else 0.0
    expected_ratings = accepted + races["links_with_one_acceptance"]
    checks = {
        "every submission accepted": accepted == args.links and not submissions["errors"] and not submissions["other"],
        "ratings counted = accepted (none lost, none duplicated)": rows["ratings"] == expected_ratings,
        "one rating per link": rows["links_with_more_than_one_rating"] == 0 and rows["ratings_without_link"] == 0,
        "every link used": rows["links_used"] == len(tokens),
        "replays refused": replays["already_received"] == min(args.replays, accepted) and not replays["other"],
        "two tabs: one accepted, one 'already received'": races["links_with_one_acceptance"] == len(race_tokens),
        "no cookie set for customers": submissions["cookies"] == 0,
    }
    target = TWO_WORKERS_TARGET if args.workers > 1 else SINGLE_PROCESS_TARGET
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "database": "postgresql" if args.database_url else "sqlite",
        "cache": "redis" if args.redis_url else "local memory",
        "workers": args.workers,
        "server_env": args.server_env,
        "addresses": "one (127.0.0.1)" if args.one_address else "one per customer (X-Forwarded-For)",
        "open_season": args.open_season,
        "clients": args.clients,
        "links": args.links,
        "seconds": round(submissions["seconds"], 2),
        "submissions_per_second": round(per_second, 1),
        "target_per_second": target,
        "get_ms": {
            "p50": round(percentile(submissions["get_ms"], 0.5), 1),
            "p95": round(percentile(submissions["get_ms"], 0.95), 1),
        },
        "post_ms": {
            "p50": round(percentile(submissions["post_ms"], 0.5), 1),
            "p95": round(percentile(submissions["post_ms"], 0.95), 1),
        },
        "server_cpu_ms_per_submission": round(server_cpu_ms, 2),
        "server_cpu_seconds_per_second": round(server_cpu_use, 2),
        "machine_cpu_busy": round(machine_busy, 2),
        "client_cpu_ms_per_submission": round(1000 * client_cpu / accepted, 2) if accepted else 0.0,
        "errors": submissions["errors"][:10],
        "unexpected_statuses": submissions["other"][:10],
        "rows": rows,
        "replays": {"sent": min(args.replays, accepted), "refused": replays["already_received"]},
        "races": {
            "links": len(race_tokens),
            "one_accepted": races["links_with_one_acceptance"],
            "bad": races["bad"][:10],
        },
        "checks": checks,
        "load_average_before": [round(value, 2) for value in load_before],
        "load_average_after": [round(value, 2) for value in load_after],
    }
    print(f"submissions/s: {per_second:.1f} (target ≥ {target:.0f}); {accepted} in {submissions['seconds']:.1f} s")
    get_ms, post_ms = result["get_ms"], result["post_ms"]
    print(f"GET ms p50/p95 {get_ms['p50']}/{get_ms['p95']}; POST ms p50/p95 {post_ms['p50']}/{post_ms['p95']}")
    print(
        f"daphne CPU per submission (GET + POST) {server_cpu_ms:.1f} ms; daphne CPU use {server_cpu_use:.2f} "
        f"CPU-s/s over {args.workers} worker(s); clients {result['client_cpu_ms_per_submission']} ms/submission; "
        f"the machine's CPUs {100 * machine_busy:.0f} % busy (everyone's processes)"
    )
    print(f"rows: {rows}")
    print(f"replays refused {replays['already_received']}/{result['replays']['sent']}", end="; ")
    print(f"two-tab races with one acceptance {races['links_with_one_acceptance']}/{len(race_tokens)}")
    for name, passed in checks.items():
        print(f"  [{'ok' if passed else 'FAILED'}] {name}")
    print(f"load average before {result['load_average_before']}, after {result['load_average_after']}")
    args.output.mkdir(parents=True, exist_ok=True)
    label = f"customer_form-{result['database']}-{args.workers}w" + ("-season" if args.open_season else "")
    (args.output / f"{label}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    if all(checks.values()):
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"kept {workdir} (daphne logs) for inspection")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
