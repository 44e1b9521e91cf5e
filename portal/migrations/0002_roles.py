"""Create the portal's roles as groups and route page approval to Reviewers.

Wagtail's initial data already creates "Editors" (add + edit pages) and "Moderators"
(add, edit, publish, lock) with a "Moderators approval" workflow on the root page. The
portal calls moderators Reviewers, so the group and its task are renamed, which keeps
Wagtail's permissions and the workflow assignment intact."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Staff", "Editors", "Reviewers", "HR", "Leadership"]
EDITORIAL_MODEL_PERMS = {
    "wagtailadmin": ["access_admin"],
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "knowledge": ["add_agency", "change_agency", "add_topic", "change_topic", "change_channel"],
}


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None and not Group.objects.filter(name="Reviewers").exists():
        moderators.name = "Reviewers"
        moderators.save()
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}

    for name in ("Editors", "Reviewers"):
        for app_label, codenames in EDITORIAL_MODEL_PERMS.items():
            perms = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            groups[name].permissions.add(*perms)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        page_perm = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="page")}
        wanted = {
            "Editors": ["add_page", "change_page"],
            "Reviewers": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        }
        for name, codenames in wanted.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(group=groups[name], page=root, permission=page_perm[codename])
        # Only approval publishes: Editors never hold publish rights.
        GroupPagePermission.objects.filter(group=groups["Editors"], permission__codename="publish_page").delete()

    for task in Task.objects.filter(name="Moderators approval"):
        task.name = "Reviewers approval"
        task.save()
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        workflow.name = "Editorial review"
        workflow.save()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("knowledge", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
