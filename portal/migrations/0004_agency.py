"""Agency moves to the portal app (step 2 of 3): the model state is created here over the
table knowledge 0006 renamed, and its content type (with its permissions, snippet history
and search entries) is relabelled instead of recreated."""

import django.db.models.deletion
import modelsearch.index
from django.db import migrations, models


def relabel_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="knowledge", model="agency").update(app_label="portal")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="portal", model="agency").update(app_label="knowledge")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0003_reference_data_permissions"),
        ("knowledge", "0006_agency_table_to_portal"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Agency",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name_ar", models.CharField(max_length=200, verbose_name="name (Arabic)")),
                        ("name_en", models.CharField(max_length=200, verbose_name="name (English)")),
                        ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        ("is_active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "logo",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="logo",
                            ),
                        ),
                    ],
                    options={"verbose_name": "agency", "verbose_name_plural": "agencies", "ordering": ["name_ar"]},
                    bases=(models.Model, modelsearch.index.Indexed),
                )
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_type, restore_content_type),
    ]
