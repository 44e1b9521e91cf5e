"""One rule for where templates live: each app's templates are in ``<app>/templates/<app>/``;
``frontend/templates/`` holds only the site-wide layer (the base layout, error pages,
shared ``includes/``) and overrides of third-party apps' templates."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings

#: What frontend/templates may hold besides its own files: shared includes and overrides of
#: third-party apps (allauth's ``account/``, ``allauth/`` and ``mfa/``).
FRONTEND_SHARED = {"includes", "account", "allauth", "mfa"}


def project_apps():
    base = Path(settings.BASE_DIR).resolve()
    return [
        config
        for config in apps.get_app_configs()
        if base in Path(config.path).resolve().parents and "site-packages" not in Path(config.path).parts
    ]


def test_each_app_keeps_its_templates_in_a_folder_named_after_it():
    for config in project_apps():
        templates = Path(config.path) / "templates"
        if not templates.is_dir() or config.label == "frontend":
            continue
        assert [entry.name for entry in templates.iterdir()] == [config.label], config.label


def test_frontend_holds_only_site_wide_templates_and_third_party_overrides():
    templates = Path(apps.get_app_config("frontend").path) / "templates"
    own_apps = {config.label for config in project_apps()}
    folders = {entry.name for entry in templates.iterdir() if entry.is_dir()}
    assert folders <= FRONTEND_SHARED
    assert not folders & own_apps
    assert {entry.name for entry in templates.iterdir() if entry.is_file()} == {"base.html", "404.html", "500.html"}
