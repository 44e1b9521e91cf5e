"""Agency moves to the portal app (step 1 of 3): rename its table to where the portal app
keeps it. The model state stays here until portal 0004 takes it over; foreign keys follow
the rename (PostgreSQL by reference, SQLite rewrites them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0005_page_read_count"),
        ("portal", "0003_reference_data_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="agency", table="portal_agency")],
            state_operations=[],
        )
    ]
