"""Browser tests: a real Chromium driven by Playwright (sync API) against a live server
that serves the real demo content.

The demo content is loaded once for the whole ``tests/browser`` package and committed
(the live server runs in another thread and must see it); when the package is done the
database is flushed and the data the migrations seeded is restored, so tests that run
afterwards start from the usual empty site."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="package")
def async_unsafe_allowed():
    """Playwright's sync API keeps an event loop in the main thread, next to which Django's
    ORM refuses to run. Allowed for the browser tests only, and put back afterwards (the
    variable must not leak into other tests or the processes they start)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


#: Schemes that never leave the machine (the page's own data and object URLs).
LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass
class RequestLog:
    """Every request made by every page the browser tests open ("no request leaves the
    portal's own host"). ``origin`` is the live server's, set when it starts."""

    origin: str = ""
    urls: list[str] = field(default_factory=list)
    #: The same portal served over ASGI (WebSockets) for the live tests, once started.
    other_origins: list[str] = field(default_factory=list)

    def watch(self, context):
        context.on("request", lambda request: self.urls.append(request.url))
        return context

    def off_host(self) -> list[str]:
        own = {(urlsplit(origin).scheme, urlsplit(origin).netloc) for origin in [self.origin, *self.other_origins]}
        found = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in LOCAL_SCHEMES:
                continue
            if (parts.scheme, parts.netloc) not in own:
                found.append(url)
        return found


class WatchedBrowser:
    """The browser, whose every new context (and tab) records its requests in the log, so
    no test can open a page that goes unchecked."""

    def __init__(self, browser, log: RequestLog) -> None:
        self._browser = browser
        self._log = log

    def new_context(self, **options):
        return self._log.watch(self._browser.new_context(**options))

    def new_page(self, **options):
        tab = self._browser.new_page(**options)
        self._log.watch(tab.context)
        return tab

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="package")
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture(autouse=True)
def no_request_leaves_the_host(request_log):
    """Every browser test fails when a page it opened asked any host but the live server."""
    request_log.urls.clear()
    yield request_log
    off_host = request_log.off_host()
    request_log.urls.clear()
    if off_host:
        pytest.fail(f"Requests left the portal's host ({request_log.origin}): {off_host}")


@pytest.fixture(scope="package")
def browser(async_unsafe_allowed, request_log):
    if not CHROMIUM.exists():
        pytest.skip("Chromium not found at /usr/bin/chromium: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield WatchedBrowser(chromium, request_log)
        chromium.close()


@dataclass
class DemoSite:
    """The live server's address and the demo pages the tests visit, by language."""

    url: str
    pages: dict[str, dict[str, str]]

    def page_url(self, language: str, name: str) -> str:
        return self.url + self.pages[language][name]


#: name -> (page class key, slug) of the demo pages the tests visit.
DEMO_PAGES = {
    "charter": ("charter", "charter"),
    "faq": ("faq", "how-to-file-a-complaint"),
    "guide": ("guide", "service-centre-etiquette"),
    "procedure": ("procedure", "book-centre-appointment"),
}


def _demo_paths() -> dict[str, dict[str, str]]:
    from wagtail.models import Locale

    from knowledge.demo.loader import PAGE_KINDS

    paths: dict[str, dict[str, str]] = {
        "ar": {"home": "/", "signin": "/accounts/login/"},
        "en": {"home": "/en/", "signin": "/en/accounts/login/"},
    }
    english = Locale.objects.get(language_code="en")
    for name, (kind, slug) in DEMO_PAGES.items():
        page_class, _index = PAGE_KINDS[kind]
        arabic = page_class.objects.live().public().get(locale__language_code="ar", slug=slug)
        paths["ar"][name] = arabic.get_url()
        paths["en"][name] = arabic.get_translation(english).get_url()
    return paths


class _LiveServer:
    """The portal served from a thread, one request at a time.

    With SQLite's in-memory test database the server thread shares the test's connection,
    so it sees the committed demo content; serving requests one by one keeps that shared
    connection from being used by two requests at once."""

    def __init__(self) -> None:
        from django.contrib.staticfiles.handlers import StaticFilesHandler
        from django.core.servers.basehttp import WSGIServer
        from django.db import connections
        from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

        class SerialLiveServerThread(LiveServerThread):
            def _create_server(self, connections_override=None):
                return WSGIServer((self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False)

        self.shared = {
            conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in self.shared.values():
            conn.inc_thread_sharing()
        self.thread = SerialLiveServerThread("localhost", StaticFilesHandler, connections_override=self.shared)
        self.thread.daemon = True
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            raise self.thread.error
        self.url = f"http://localhost:{self.thread.port}"

    def stop(self) -> None:
        self.thread.terminate()
        for conn in self.shared.values():
            conn.dec_thread_sharing()


def _assert_test_database(connection) -> None:
    """Never load demo content into (and flush) a real database."""
    name = str(connection.settings_dict["NAME"])
    is_test_database = (connection.vendor == "sqlite" and connection.is_in_memory_db()) or Path(name).name.startswith(
        "test"
    )
    if not is_test_database:
        pytest.fail(f"Browser tests refuse to use the database {name!r}: it is not a test database.")


def _reset_sequences(connection) -> None:
    """Point every primary-key sequence past the rows just restored.

    ``flush`` restarts PostgreSQL's sequences at 1 and the restore writes rows with their
    old ids, so without this the next insert would collide with a restored row (loaddata
    does the same). SQLite needs nothing: it takes the next id from the table itself."""
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture(scope="package")
def demo_site(async_unsafe_allowed, django_db_setup, django_db_blocker, tmp_path_factory, request_log):
    """Load the demo content (with the demo accounts) into the test database, index it for
    search and serve it; flush it all and restore the migrations' data at the end.

    Tests are marked ``django_db`` so that pytest-django creates the test database; each
    test then runs in a transaction that is rolled back, on top of the committed demo data."""
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test.utils import override_settings

    from knowledge.demo.loader import load_demo
    from search.backends import reset_search_backends
    from search.indexing import rebuild_index

    index_path = tmp_path_factory.mktemp("browser-search") / "search.sqlite3"
    with django_db_blocker.unblock(), override_settings(SEARCH_EMBEDDED_PATH=index_path):
        _assert_test_database(connection)
        reset_search_backends()
        seeded = connection.creation.serialize_db_to_string()
        server = None
        try:
            load_demo(with_users=True)
            rebuild_index()
            server = _LiveServer()
            request_log.origin = server.url
            yield DemoSite(url=server.url, pages=_demo_paths())
        finally:
            if server is not None:
                server.stop()
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(seeded)
            _reset_sequences(connection)
            reset_search_backends()
            # This fixture runs in Playwright's context, whose connection pytest-django
            # never sees: close it, or PostgreSQL cannot drop the test database at the end.
            connections.close_all()


@pytest.fixture
def page(browser, demo_site):
    """A fresh browser tab (desktop size) per test; console errors fail the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def run_axe(tab) -> list[dict]:
    """axe-core's serious and critical violations on the current page."""
    # Evaluated through the DevTools protocol: a <script> tag would be inline script, which
    # the portal's Content-Security-Policy (rightly) refuses.
    tab.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    violations = tab.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        }))"""
    )
    return [violation for violation in violations if violation["impact"] in ("serious", "critical")]


def describe_violations(violations: list[dict]) -> str:
    return "\n".join(f"- [{v['impact']}] {v['id']}: {v['help']} ({', '.join(v['nodes'])})" for v in violations)


# --- an editor who signs in through both steps ------------------------------------------

DEMO_PASSWORD = "tamayuz-demo-2026"
EDITOR = "browser-editor"


@pytest.fixture(scope="package")
def editor_secret(demo_site, django_db_blocker):
    """An editor with a TOTP authenticator, committed so the live server sees them (the demo
    site's clean-up flushes them with the rest). Shared by every browser test that signs
    in to the admin through both steps."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal import roles
    from tests.factories import give_totp

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(
            username=EDITOR, password=DEMO_PASSWORD, first_name="Huda", email="browser-editor@example.org"
        )
        user.groups.add(Group.objects.get(name=roles.EDITORS))
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return give_totp(user)


#: The last time step whose code signed the editor in: allauth refuses a code used once
#: (replay protection), so a second sign-in waits for the next step.
_last_time_step = [0]


#: A browser types and submits its code more slowly than a test client posts it (a full
#: page round trip on a loaded CI machine): the code must stay valid this much longer.
BROWSER_TOTP_MARGIN_SECONDS = 10


def sign_in_with_code(tab, base_url: str, secret: str) -> None:
    from tests.signin import current_totp_code

    while int(time.time()) // 30 <= _last_time_step[0]:
        time.sleep(1)

    tab.goto(base_url + "/en/accounts/login/")
    tab.fill("input[name=login]", EDITOR)
    tab.fill("input[name=password]", DEMO_PASSWORD)
    with tab.expect_navigation():
        tab.locator("form.form--entrance button[type=submit]").click()
    assert "/accounts/2fa/authenticate/" in tab.url
    code = current_totp_code(secret, margin_seconds=BROWSER_TOTP_MARGIN_SECONDS)
    _last_time_step[0] = int(time.time()) // 30
    tab.fill("input[name=code]", code)
    with tab.expect_navigation():
        tab.locator("form.form--entrance button[type=submit]").first.click()
    assert "/accounts/" not in tab.url, tab.url


# --- the portal over ASGI (HTTP and WebSockets), for the live leaderboard tests ---------


class AsgiServer:
    """The portal's ASGI application (``portal.asgi``: HTTP, WebSockets) served by daphne
    from a thread of this process, so that a page's WebSocket reaches the same channel
    layer (the in-memory one by default) as the services that announce changes.

    Requests run in daphne's worker threads with their own database connections, so the
    tests that use it are not wrapped in a transaction: what they write is committed (and
    flushed with the demo content at the end of the package). Twisted's reactor runs once
    per process: the server is started at most once and stopped at the package's end."""

    def __init__(self) -> None:
        import threading

        from daphne.server import Server
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

        from portal.asgi import application

        self.server = Server(
            application=ASGIStaticFilesHandler(application),
            endpoints=["tcp:port=0:interface=127.0.0.1"],
            signal_handlers=False,
            verbosity=0,
        )
        self.thread = threading.Thread(target=self.server.run, name="daphne", daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.listening_addresses:
            if time.monotonic() > deadline:
                raise RuntimeError("daphne did not start listening")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.server.listening_addresses[0][1]}"

    def drop_websockets(self) -> int:
        """Cut every open WebSocket as a network drop does (no closing handshake)."""
        import threading

        from twisted.internet import reactor

        dropped = []
        done = threading.Event()

        def drop() -> None:
            for protocol in list(self.server.connections):
                if hasattr(protocol, "dropConnection") and getattr(protocol, "state", None) is not None:
                    protocol.dropConnection(abort=True)
                    dropped.append(protocol)
            done.set()

        reactor.callFromThread(drop)
        done.wait(5)
        return len(dropped)

    def stop(self) -> None:
        """Stop the reactor, then finish what is still pending on its event loop (the
        consumers' waits on the channel layer) and close it: left to the interpreter's
        shutdown, those coroutines would be collected after their loop is gone."""
        import asyncio
        import threading

        from twisted.internet import reactor

        reactor.callFromThread(self.server.stop)
        self.thread.join(10)
        loop = reactor._asyncioEventloop

        def finish() -> None:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        # In a thread of its own: Playwright's loop runs in this one.
        closer = threading.Thread(target=finish, name="daphne-loop-close")
        closer.start()
        closer.join(10)


@pytest.fixture(scope="package")
def demo_programmes(demo_site, django_db_blocker):
    """The evaluations and awards demo on top of the demo content, as ``load_demo`` adds it
    (the organisation, customers' ratings and cycles, a past season with its announced
    winners and a current season with weekly standings), committed."""
    from knowledge.management.commands.load_demo import _programme_loaders

    with django_db_blocker.unblock():
        for _name, loader in _programme_loaders():
            loader()


@pytest.fixture(scope="package")
def asgi_site(demo_programmes, request_log):
    """The demo site (with its programmes) served over ASGI (see :class:`AsgiServer`)."""
    server = AsgiServer()
    request_log.other_origins.append(server.url)
    try:
        yield server
    finally:
        server.stop()
        request_log.other_origins.remove(server.url)
