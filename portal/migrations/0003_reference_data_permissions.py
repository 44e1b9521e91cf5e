"""Reference data (agencies, channels, topics) as snippets: Editors and Reviewers manage them.

0002 gave both groups add/change on agencies and topics and change on channels. The snippet
listings and the "Reference data" menu also use the view permissions, and Reviewers (who
approve content) may delete agencies and topics. Channels keep their five fixed keys: no
one adds or deletes them in the admin. Additive and idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": [
        "view_agency",
        "view_channel",
        "view_topic",
        "add_agency",
        "change_agency",
        "add_topic",
        "change_topic",
        "change_channel",
    ],
    "Reviewers": [
        "view_agency",
        "view_channel",
        "view_topic",
        "add_agency",
        "change_agency",
        "delete_agency",
        "add_topic",
        "change_topic",
        "delete_topic",
        "change_channel",
    ],
}


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_reference_permissions(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="knowledge", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_roles"),
        ("knowledge", "0004_serviceprocedurepage_body_and_more"),
    ]

    operations = [migrations.RunPython(grant_reference_permissions, migrations.RunPython.noop)]
