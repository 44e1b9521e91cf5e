"""Joins two migrations written side by side: Agency's move to the portal app and the
bilingual workflow, site and root names."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_agency"),
        ("portal", "0004_bilingual_workflow_site_and_root_names"),
    ]

    operations = []
