"""Editors and Reviewers manage synonyms and best bets (promoted results) as snippets.

Without these model permissions the Wagtail snippet views refuse them: only superusers
could curate the vocabulary and the best bets the issue gives to editors. Additive and
idempotent (running it again, or after an administrator granted some of them, changes
nothing else)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ("Editors", "Reviewers")
CODENAMES = [
    f"{action}_{model}" for model in ("synonym", "promotedresult") for action in ("view", "add", "change", "delete")
]


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="search", codename__in=CODENAMES))
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_search_query_burst_key"),
        ("portal", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
