"""The deployment plumbing the environment chooses: ASGI serving, the channel layer, the
cache and the database URL. Run as-is they check the embedded defaults; run with
``DATABASE_URL`` / ``REDIS_URL`` set (as .ci/run does) they check PostgreSQL and Redis."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from channels.testing import HttpCommunicator
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections

REPO = Path(__file__).resolve().parents[2]


def test_database_engine_follows_database_url():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_channel_layer_follows_redis_url():
    backend = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert backend == "channels_redis.pubsub.RedisPubSubChannelLayer"
    else:
        assert backend == "portal.channel_layers.InMemoryChannelLayer"


def test_channel_layer_delivers_a_group_message():
    layer = get_channel_layer()
    group = f"infra-{uuid.uuid4().hex}"

    async def round_trip() -> dict:
        channel = await layer.new_channel()
        await layer.group_add(group, channel)
        await layer.group_send(group, {"type": "probe.message", "text": "مرحبا"})
        message = await layer.receive(channel)
        await layer.group_discard(group, channel)
        return message

    assert async_to_sync(round_trip)() == {"type": "probe.message", "text": "مرحبا"}


def test_cache_round_trip_on_the_configured_backend():
    key = f"infra-{uuid.uuid4().hex}"
    cache.set(key, {"عدد": 3}, timeout=30)
    assert cache.get(key) == {"عدد": 3}
    cache.delete(key)
    assert cache.get(key) is None
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"


@pytest.mark.django_db(transaction=True)
def test_asgi_application_serves_the_arabic_home_page(site_tree):
    from portal.asgi import application

    async def get_home() -> dict:
        communicator = HttpCommunicator(application, "GET", "/", headers=[(b"host", b"localhost")])
        try:
            return await communicator.get_response(timeout=30)
        finally:
            # Django ran the view in a worker thread; close that thread's connection so the
            # test database can be dropped (PostgreSQL refuses while a session is open).
            await sync_to_async(connections.close_all)()

    response = async_to_sync(get_home)()
    assert response["status"] == 200
    body = response["body"].decode()
    assert '<html lang="ar" dir="rtl">' in body


def _settings_probe(env: dict[str, str], expression: str) -> str:
    """Import the settings in a fresh interpreter with ``env`` and print ``expression``."""
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_server_application_leaves_what_it_loaded_out_of_the_garbage_collectors_view(tmp_path):
    """``portal.asgi`` freezes what it loaded (gc.freeze): full collections under load no
    longer walk it (the p99 cliff, bench/pages.py)."""
    frozen = _settings_probe(
        {"TAMAYUZ_VAR_DIR": str(tmp_path)}, "__import__('portal.asgi').asgi and __import__('gc').get_freeze_count()"
    )
    assert int(frozen) > 100_000


def test_sqlite_url_with_absolute_path(tmp_path):
    target = tmp_path / "portal.db"
    name = _settings_probe(
        {"DATABASE_URL": f"sqlite:///{target}", "TAMAYUZ_VAR_DIR": str(tmp_path)},
        "settings.DATABASES['default']['NAME']",
    )
    assert name == str(target)


def test_embedded_defaults_without_environment(tmp_path):
    probe = _settings_probe(
        {"TAMAYUZ_VAR_DIR": str(tmp_path)},
        "settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'],"
        " settings.CHANNEL_LAYERS['default']['BACKEND'], repr(settings.ELASTICSEARCH_URL)",
    )
    assert probe == (
        "portal.db.sqlite django.core.cache.backends.locmem.LocMemCache portal.channel_layers.InMemoryChannelLayer None"
    )


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    code = "import django; django.setup()"
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", "TAMAYUZ_VAR_DIR": str(tmp_path)})
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_deploy_check_is_clean_in_production_mode(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "tamayuz.example",
            "TAMAYUZ_VAR_DIR": str(tmp_path),
            "BADGE_SIGNING_KEY": base64.b64encode(os.urandom(32)).decode(),
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_without_a_badge_signing_key(tmp_path):
    """Production never generates the badge signing key: without BADGE_SIGNING_KEY the
    deploy check warns (and fails at the WARNING level ``make check`` uses)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "BADGE_SIGNING_KEY", "BADGE_SIGNING_KEY_FILE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "tamayuz.example",
            "TAMAYUZ_VAR_DIR": str(tmp_path),
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "awards.W001" in result.stderr and "BADGE_SIGNING_KEY is not set" in result.stderr
    assert not (tmp_path / "badge-signing-key.pem").exists()


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/ar/", "/"),
        ("/ar/faq/?page=2", "/faq/?page=2"),
        ("/ar//evil.example/", "/evil.example/"),
        ("/ar/\\evil.example", "/evil.example"),
    ],
)
def test_arabic_prefix_redirects_to_the_unprefixed_url(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target
