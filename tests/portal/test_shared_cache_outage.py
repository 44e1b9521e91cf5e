"""Public pages and publishing while the shared cache (Redis) is unreachable, and no stale
page once it is back (``portal.content_version``'s notes). "Down" is ``REDIS_URL`` at a
closed port; "back" is the real Redis (its own database and key prefix)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Page

from portal import content_version
from portal.settings.caches import cache_settings
from tests.frontend import builders

REPO = Path(__file__).resolve().parent.parent.parent
REDIS_UP = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
REDIS_DOWN = "redis://127.0.0.1:6390/7"  # nothing listens there


class SharedCache:
    """Switches the settings' cache between the real Redis and a closed port."""

    def __init__(self, settings) -> None:
        self._settings = settings
        self._prefix = f"tamayuz-outage-test-{uuid.uuid4().hex[:8]}"

    def up(self) -> None:
        self._settings.CACHES = cache_settings(redis_url=REDIS_UP, prefix=self._prefix)

    def down(self) -> None:
        self._settings.CACHES = cache_settings(redis_url=REDIS_DOWN, prefix=self._prefix)


@pytest.fixture
def shared_cache(settings):
    import redis

    try:
        redis.Redis.from_url(REDIS_UP, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis at {REDIS_UP}")
    settings.CONTENT_VERSION_RETRY_SECONDS = 0  # try Redis again at once (no back-off wait)
    settings.CONTENT_VERSION_EXIT_RETRY_SECONDS = 0
    switch = SharedCache(settings)
    switch.up()
    yield switch
    # Redis is back for whatever this process owes (a recovery bump), then forget the keys.
    switch.up()
    from django.core.cache import caches

    content_version.current()
    for alias in ("default", "pages"):
        caches[alias].delete_pattern("*")


@pytest.fixture
def pages(site_tree):
    ar = site_tree["ar"]
    charter = builders.charter(ar.home)
    faq = builders.faq(ar.indexes["faq"], title="كيف أقدم شكوى؟", slug="complain")
    return {"charter": charter, "faq": faq, "faq_index": ar.indexes["faq"]}


def publish_title(page, title: str, capture) -> None:
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()


@pytest.mark.parametrize(
    "path", ["/", "/charter/", "/faq/", "/faq/complain/", "/en/", "/search/?q=%D8%B4%D9%83%D9%88%D9%89"]
)
def test_anonymous_pages_render_when_redis_is_down(shared_cache, pages, path):
    shared_cache.down()
    reader = Client()
    for _ in range(2):
        response = reader.get(path)
        assert response.status_code == 200
    assert response["X-Page-Cache"] == "unavailable"
    # Not kept by a shared cache either: nothing vouches for it beyond this answer.
    assert "public" not in response.get("Cache-Control", "")


def test_a_publish_succeeds_when_redis_is_down_and_is_shown_at_once(
    shared_cache, pages, django_capture_on_commit_callbacks, caplog
):
    shared_cache.down()
    reader = Client()
    assert "كيف أقدم شكوى؟" in reader.get("/faq/").content.decode()
    with caplog.at_level(logging.ERROR, logger="portal.content_version"):
        publish_title(pages["faq"], "كيف أقدم شكوى إلكترونية؟", django_capture_on_commit_callbacks)
    pages["faq"].refresh_from_db()
    assert pages["faq"].live
    assert pages["faq"].title == "كيف أقدم شكوى إلكترونية؟"
    assert any("Could not replace the content content version" in record.message for record in caplog.records)
    fresh = reader.get("/faq/")
    assert fresh.status_code == 200
    assert "كيف أقدم شكوى إلكترونية؟" in fresh.content.decode()


def test_a_page_cached_before_the_outage_is_not_served_after_a_publish_during_it(
    shared_cache, pages, django_capture_on_commit_callbacks
):
    reader = Client()
    assert reader.get("/faq/")["X-Page-Cache"] == "miss"
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"
    shared_cache.down()
    publish_title(pages["faq"], "كيف أقدم شكوى إلكترونية؟", django_capture_on_commit_callbacks)
    shared_cache.up()
    fresh = reader.get("/faq/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "كيف أقدم شكوى إلكترونية؟" in fresh.content.decode()
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"


def test_a_process_that_saw_the_outage_replaces_the_versions_when_redis_is_back(shared_cache, pages):
    """Another process's change whose bump was lost (a command that exited while Redis was
    down; here a queryset update, which sends no signal): the processes that saw the outage
    replace every version when they reach Redis again, so the page and the FAQ listing
    (kept in this process's memory) are rendered afresh."""
    reader = Client()
    reader.get("/faq/")
    assert reader.get("/faq/")["X-Page-Cache"] == "hit"
    shared_cache.down()
    assert reader.get("/faq/")["X-Page-Cache"] == "unavailable"
    Page.objects.filter(pk=pages["faq"].pk).update(title="عنوان غيّره أمر آخر")
    shared_cache.up()
    fresh = reader.get("/faq/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "عنوان غيّره أمر آخر" in fresh.content.decode()


def test_a_memo_is_built_every_time_while_redis_is_down(shared_cache):
    builds = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    assert content_version.cached(("outage-test",), build) == 1
    assert content_version.cached(("outage-test",), build) == 1
    shared_cache.down()
    assert content_version.cached(("outage-test",), build) == 2
    assert content_version.cached(("outage-test",), build) == 3
    shared_cache.up()
    # Back: a new version (the recovery bump), so nothing from before the outage.
    assert content_version.cached(("outage-test",), build) == 4
    assert content_version.cached(("outage-test",), build) == 4


PROBE = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({alias: value.get("OPTIONS", {}) for alias, value in settings.CACHES.items()}))
"""


def probe_cache_options(**env: str) -> dict:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("REDIS_")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "REDIS_URL": REDIS_DOWN, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_redis_waits_are_bounded_and_configurable():
    bounded = {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    assert probe_cache_options() == {"default": {**bounded, "IGNORE_EXCEPTIONS": True}, "pages": bounded}
    configured = probe_cache_options(REDIS_SOCKET_CONNECT_TIMEOUT="0.2", REDIS_SOCKET_TIMEOUT="1.5")
    assert configured["pages"] == {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 1.5}


@pytest.mark.django_db
def test_a_customer_rating_is_saved_when_redis_is_down(shared_cache, client):
    """The limits' counters live in the shared cache. While it is unreachable they cannot be
    counted, and the customer's rating is kept rather than lost: the limits let it through
    (and log why); the burst and self-rating rules, in the database, still apply."""
    from evaluations.customer_forms import form_nonce_for
    from evaluations.models import CustomerRating
    from tests.evaluations.customer_factories import feedback_link

    link = feedback_link()
    shared_cache.down()
    response = client.post(
        f"/en/feedback/{link.token}/",
        {"nonce": form_nonce_for(link.token), "overall": "5", "respect": "", "time": "", "comment": ""},
    )
    assert response.status_code == 303
    assert CustomerRating.objects.filter(link=link, overall=5).count() == 1


def test_the_shared_counters_say_they_could_not_count_when_redis_is_down(shared_cache):
    """``portal.rate_limits`` counts in Redis; down, it answers ``None`` instead of failing,
    and "was this page helpful?" keeps the reader's answer as the customer form does."""
    from portal.rate_limits import count_in_window, within_limits
    from search.services import allow_page_feedback

    key = f"outage-test-{uuid.uuid4().hex}"
    assert [count_in_window(key, window=60) for _ in range(2)] == [1, 2]
    assert within_limits([(key, 10, 60), (f"{key}-other", 10, 60)]) is True
    shared_cache.down()
    assert count_in_window(key, window=60) is None
    assert within_limits([(key, 10, 60), (f"{key}-other", 10, 60)]) is None
    assert allow_page_feedback(address="192.0.2.1", page_id=1) is True
