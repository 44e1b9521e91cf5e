"""Agency moves to the portal app (step 3 of 3): pages point at portal.Agency and the
knowledge app forgets its old model. Nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_agency_table_to_portal"),
        ("portal", "0004_agency"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="knowledgepage",
                    name="agency",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="portal.agency",
                        verbose_name="agency",
                    ),
                ),
                migrations.DeleteModel(name="Agency"),
            ],
            database_operations=[],
        )
    ]
