"""Joins two migrations written side by side: Agency's move to the portal app and pages'
audiences by role."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0007_agency_moved_to_portal"),
        ("knowledge", "0007_audience_from_view_restrictions"),
    ]

    operations = []
