"""Public pages under a traffic spike: throughput and p99 of anonymous pages against a
static file from the same server, the uncached render cost per page, and freshness after
a publish while the load runs.

    .venv/bin/python bench/pages.py [--seconds 8] [--concurrency 20] [--renders 50] [--workers 1|2]
                                    [--redis-url redis://127.0.0.1:6379/7]

What it does, in its own temporary directory (never the developer's ``var/``):

1. migrates a fresh SQLite database, loads the demo content (``load_demo``), builds the
   search index and collects the static files, with the production settings (DEBUG off);
2. in a separate process with the same settings and the page cache off, renders each page
   ``--renders`` times through Django's full request path as an anonymous reader (after
   one warm-up render) and reports the median and p95 render time and the queries of
   one render;
3. starts ``--workers`` server processes (``python -m portal.server``, i.e. daphne) on free
   loopback ports; with two, each gets half the clients and the figures are summed
   (requests/s) or the worst taken (p99): no reverse proxy is needed on the machine;
4. per page, ``ab -t --seconds -c --concurrency`` (apache2-utils): requests/s and the
   99th percentile, and the ratio to the static stylesheet's requests/s, with the load
   average at the start of each run (the machine is shared: figures are noisy);
5. while ``ab`` loads the charter, another process publishes a new charter title (as the
   admin or ``import_knowledge`` does) and the benchmark checks that the next anonymous
   response carries it;
6. prints a table and writes a JSON result to ``bench/results/``.

Targets (issue 10): anonymous charter, home and FAQ index throughput ≥ 50 % of the static
file's and p99 < 200 ms; uncached render ≤ 15 ms and ≤ 10 queries (charter, home, FAQ
index, a procedure). Everything stays on the loopback interface and stops by itself.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

import load as bench_load  # noqa: E402  (bench/load.py: environment, server start and stop)

AB = shutil.which("ab") or "/usr/bin/ab"
ASGI_APP = "portal.asgi:application"
QUERY = "شكوى"
#: Pages measured: name → path (filled from the demo content by ``--paths``).
RENDER_TARGETS = {"charter": (15.0, 10), "home": (15.0, 10), "faq_index": (15.0, 10), "procedure": (15.0, 10)}


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8.0, help="ab time limit per page")
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--renders", type=int, default=50, help="uncached renders per page")
    parser.add_argument("--workers", type=int, default=1, choices=(1, 2))
    parser.add_argument("--redis-url", default=None, help="cache in Redis (shared by the workers)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep everything here")
    parser.add_argument("--render-stats", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--publish-title", default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--hit-stats",
        action="store_true",
        help="in this process (with the server's environment, page cache on): the cost of a page-cache hit",
    )
    return parser.parse_args(argv)


# --- In-process parts (run with the server's environment) --------------------------------


def _setup_django() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    django.setup()


def demo_paths() -> dict[str, str]:
    from knowledge.models import AnnouncementPage, CharterPage, FAQIndexPage, ServiceProcedurePage

    def first(model):
        return (
            model.objects.live()
            .filter(locale__language_code="ar", **({"audience": "public"} if hasattr(model, "audience") else {}))
            .order_by("path")
            .first()
        )

    return {
        "charter": first(CharterPage).url,
        "home": "/",
        "faq_index": first(FAQIndexPage).url,
        "procedure": first(ServiceProcedurePage).url,
        "announcement": first(AnnouncementPage).url,
        "search": f"/search/?q={quote(QUERY)}",
        "awards": "/awards/",
    }


def render_stats(renders: int) -> dict:
    """Uncached anonymous renders through the full request path (page cache off)."""
    _setup_django()
    import logging

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    logging.disable(logging.CRITICAL)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    results = {}
    for name, path in demo_paths().items():
        status = client.get(path).status_code  # warm-up: menus kept under the content version
        times = []
        cpu_times = []
        queries = 0
        for _ in range(renders):
            with CaptureQueriesContext(connection) as captured:
                started, cpu_started = time.perf_counter(), time.process_time()
                client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((time.process_time() - cpu_started) * 1000)
            queries = len(captured)
        times.sort()
        cpu_times.sort()
        results[name] = {
            "path": path,
            "status": status,
            "queries": queries,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
            # CPU time of the process: what the render costs, less the waits for a core
            # on a loaded machine (the wall time's median above includes them).
            "cpu_median_ms": round(statistics.median(cpu_times), 1),
        }
    from portal import buffered_writes

    buffered_writes.discard()  # the bench's own reads are not the readers'
    return results


def publish_title(title: str) -> None:
    """Publish the charter with ``title``, as the admin or ``import_knowledge`` does."""
    _setup_django()
    from django.db import transaction

    from knowledge.models import CharterPage

    page = CharterPage.objects.live().filter(locale__language_code="ar").order_by("path").first()
    with transaction.atomic():
        page.title = title
        page.save_revision().publish()


def hit_stats(hits: int = 300) -> dict:
    """Page-cache hits through the full request path (middleware included), in-process."""
    _setup_django()
    import logging

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    logging.disable(logging.CRITICAL)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    results = {}
    for name, path in demo_paths().items():
        client.get(path)  # stores the page
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        times = []
        for _ in range(hits):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "cache": response.get("X-Page-Cache"),
            "queries": len(captured),
            "median_ms": round(statistics.median(times), 2),
        }
    from portal import buffered_writes

    buffered_writes.discard()
    return results


# --- Driver --------------------------------------------------------------------------------


def run_ab(port: int, path: str, seconds: float, concurrency: int) -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    completed = subprocess.run(
        [AB, "-q", "-t", str(seconds), "-n", "1000000", "-c", str(concurrency), "-s", "30", url],
        capture_output=True,
        text=True,
        check=False,
    )
    out = completed.stdout
    rps = re.search(r"Requests per second:\s+([\d.]+)", out)
    p99 = re.search(r"^\s*99%\s+(\d+)", out, re.MULTILINE)
    done = re.search(r"Complete requests:\s+(\d+)", out)
    failed = re.search(r"Failed requests:\s+(\d+)", out)
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    if rps is None:
        raise SystemExit(f"ab failed for {url}:\n{out}\n{completed.stderr}")
    percentiles = {f"p{share}": int(ms) for share, ms in re.findall(r"^\s*(\d+)%\s+(\d+)", out, re.MULTILINE)}
    # ab's "Connection Times (ms)": min, mean, sd, median, max of connecting, processing
    # (first byte sent to last received) and waiting (to the first byte).
    phases = {
        phase.lower(): dict(zip(("min", "mean", "sd", "median", "max"), map(float, values.split()), strict=True))
        for phase, values in re.findall(r"^(Connect|Processing|Waiting):\s+([\d.\s]+?)\s*$", out, re.MULTILINE)
    }
    return {
        "rps": float(rps.group(1)),
        "p99_ms": int(p99.group(1)) if p99 else None,
        "percentiles_ms": percentiles,
        "connection_times_ms": phases,
        "requests": int(done.group(1)) if done else 0,
        "failed": int(failed.group(1)) if failed else 0,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def load_page(ports: list[int], path: str, seconds: float, concurrency: int) -> dict:
    """``ab`` against every worker at once, the clients shared out; figures combined."""
    share = max(1, concurrency // len(ports))
    results: list[dict] = [{} for _ in ports]

    def one(index: int, port: int) -> None:
        results[index] = run_ab(port, path, seconds, share)

    threads = [threading.Thread(target=one, args=(index, port)) for index, port in enumerate(ports)]
    load_average = os.getloadavg()[0]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "rps": round(sum(result["rps"] for result in results), 1),
        "p99_ms": max(result["p99_ms"] or 0 for result in results),
        "requests": sum(result["requests"] for result in results),
        "failed": sum(result["failed"] for result in results),
        "non_2xx": sum(result["non_2xx"] for result in results),
        "load_average": round(load_average, 2),
        "per_worker": [
            {"percentiles_ms": result["percentiles_ms"], "connection_times_ms": result["connection_times_ms"]}
            for result in results
        ],
    }


def fetch(port: int, path: str) -> tuple[int, dict, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"User-Agent": "Mozilla/5.0 (bench)"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
        return response.status, dict(response.headers), response.read().decode("utf-8")


def static_path(port: int) -> str:
    _status, _headers, body = fetch(port, "/")
    found = re.search(r'href="(/static/frontend/css/portal[^"]*\.css)"', body)
    if not found:
        raise SystemExit("no stylesheet link on the home page")
    return found.group(1)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.render_stats:
        print(json.dumps(render_stats(args.renders)))
        return 0
    if args.hit_stats:
        print(json.dumps(hit_stats()))
        return 0
    if args.publish_title:
        publish_title(args.publish_title)
        return 0
    if not os.path.exists(AB):
        raise SystemExit("ab (apache2-utils) is needed")

    keep = args.workdir is not None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="tamayuz-pages-"))
    (workdir / "var").mkdir(parents=True, exist_ok=True)
    env = bench_load.server_environment(
        argparse.Namespace(database="sqlite", postgres_url=None, redis_url=args.redis_url), workdir
    )
    env["STATIC_ROOT"] = str(workdir / "static")
    env["BUFFERED_WRITES_INTERVAL"] = "5"
    servers = []
    try:
        print(f"setting up a fresh SQLite database in {workdir} ...", flush=True)
        bench_load.run_manage(env, "migrate", "--noinput", "-v", "0")
        bench_load.run_manage(env, "load_demo", "--no-users")
        bench_load.run_manage(env, "collectstatic", "--noinput", "-v", "0")
        try:
            bench_load.run_manage(env, "search_index", "--check")
        except subprocess.CalledProcessError:
            bench_load.run_manage(env, "search_index", "--rebuild", "--no-progress")

        print(f"uncached renders: {args.renders} per page, in-process, page cache off ...", flush=True)
        render_env = {**env, "PAGE_CACHE_ENABLED": "false"}
        load_before_renders = os.getloadavg()[0]
        completed = subprocess.run(
            [sys.executable, __file__, "--render-stats", "--renders", str(args.renders)],
            cwd=ROOT,
            env=render_env,
            capture_output=True,
            text=True,
            check=True,
        )
        renders = json.loads(completed.stdout.strip().splitlines()[-1])

        ports = [bench_load.free_port() for _ in range(args.workers)]
        for index, port in enumerate(ports):
            log = (workdir / f"server-{index}.log").open("wb")
            servers.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "portal.server",
                        "-b",
                        "127.0.0.1",
                        "-p",
                        str(port),
                        "portal.asgi:application",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        for port, server in zip(ports, servers, strict=True):
            bench_load.wait_until_serving(port, server)

        paths = {"static": static_path(ports[0]), **{name: renders[name]["path"] for name in renders}}
        paths["api_search"] = f"/api/search/?q={quote(QUERY)}"
        for port in ports:  # warm every worker on every page
            for path in paths.values():
                fetch(port, path)

        print(f"ab -c {args.concurrency} for {args.seconds:g} s per page, {args.workers} worker(s) ...", flush=True)
        loads = {}
        for name, path in paths.items():
            loads[name] = load_page(ports, path, args.seconds, args.concurrency)
            print(f"  {name:13} {loads[name]['rps']:8.1f} req/s  p99 {loads[name]['p99_ms']} ms", flush=True)

        print("publishing a new charter title while ab loads the charter ...", flush=True)
        title = f"الوثيقة الموحدة {datetime.datetime.now().strftime('%H%M%S')}"
        background = threading.Thread(
            target=load_page, args=(ports, paths["charter"], max(args.seconds, 6.0), args.concurrency)
        )
        background.start()
        time.sleep(2)
        published_at = time.monotonic()
        subprocess.run(
            [sys.executable, __file__, "--publish-title", title], cwd=ROOT, env=env, check=True, capture_output=True
        )
        publish_seconds = time.monotonic() - published_at
        fresh = {}
        for port in ports:
            status, headers, body = fetch(port, paths["charter"])
            fresh[str(port)] = {"status": status, "has_new_title": title in body, "cache": headers.get("X-Page-Cache")}
        background.join()

        static_rps = loads["static"]["rps"]
        summary = {
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "commit": bench_load.git_commit(),
            "workers": args.workers,
            "cache": "redis" if args.redis_url else "local memory",
            "concurrency": args.concurrency,
            "seconds": args.seconds,
            "cpu_count": os.cpu_count(),
            "load_average_before_renders": round(load_before_renders, 2),
            "renders": renders,
            "load": {
                name: {**result, "ratio_to_static": round(result["rps"] / static_rps, 2)}
                for name, result in loads.items()
            },
            "fresh_after_publish": fresh,
            "publish_seconds": round(publish_seconds, 2),
        }
        print_table(summary)
        results = ROOT / "bench" / "results"
        results.mkdir(exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        (results / f"pages-{args.workers}w-{stamp}.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0 if all(item["has_new_title"] for item in fresh.values()) else 1
    finally:
        for server in servers:
            bench_load.stop_process(server)
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def print_table(summary: dict) -> None:
    print()
    print(f"Uncached anonymous renders (load average {summary['load_average_before_renders']}):")
    print(f"  {'page':13} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'CPU ms':>7}  target")
    for name, result in summary["renders"].items():
        target = RENDER_TARGETS.get(name)
        verdict = ""
        if target:
            verdict = "≤ 15 ms, ≤ 10 q: " + (
                "met" if result["median_ms"] <= target[0] and result["queries"] <= target[1] else "NOT met"
            )
        print(
            f"  {name:13} {result['queries']:7} {result['median_ms']:10} {result['p95_ms']:8}"
            f" {result['cpu_median_ms']:7}  {verdict}"
        )
    print()
    print(f"ab -c {summary['concurrency']}, {summary['workers']} worker(s), cache: {summary['cache']}:")
    print(f"  {'page':13} {'req/s':>8} {'p99 ms':>7} {'× static':>9} {'load avg':>9} {'non-2xx':>8}")
    for name, result in summary["load"].items():
        print(
            f"  {name:13} {result['rps']:8.1f} {result['p99_ms']:7} {result['ratio_to_static']:9.2f}"
            f" {result['load_average']:9} {result['non_2xx']:8}"
        )
    print()
    for port, item in summary["fresh_after_publish"].items():
        print(f"fresh after publish (port {port}): {item['has_new_title']} (status {item['status']}, {item['cache']})")


if __name__ == "__main__":
    sys.exit(main())
