"""Names the Wagtail admin shows as data, in both languages: the admin has no translation for
data, so the Arabic admin showed "Submit to Editorial review", "Root" and "Tamayuz" in
English. The workflow, its task, the root page and the default site get one bilingual name
(Arabic first). Only the names this project or Wagtail gave are changed; a name an
administrator chose is left alone."""

from django.db import migrations

RENAMES = {
    "workflow": ("Editorial review", "المراجعة التحريرية · Editorial review"),
    "task": ("Reviewers approval", "موافقة المراجعين · Reviewers approval"),
    "root": ("Root", "الجذر · Root"),
    "site": ("Tamayuz", "تميّز · Tamayuz"),
}


def bilingual_names(apps, schema_editor):
    _rename(apps, forward=True)


def english_names(apps, schema_editor):
    _rename(apps, forward=False)


def _rename(apps, *, forward: bool) -> None:
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")

    def names(key: str) -> tuple[str, str]:
        old, new = RENAMES[key]
        return (old, new) if forward else (new, old)

    old, new = names("workflow")
    Workflow.objects.filter(name=old).update(name=new)
    old, new = names("task")
    Task.objects.filter(name=old).update(name=new)
    old, new = names("root")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    old, new = names("site")
    sites = Site.objects.filter(is_default_site=True)
    if forward:
        # Wagtail's own default site has no name yet; the portal names it on first set-up.
        sites.filter(site_name__in=["", old]).update(site_name=new)
        sites.filter(site_name__isnull=True).update(site_name=new)
    else:
        sites.filter(site_name=old).update(site_name=new)


class Migration(migrations.Migration):
    dependencies = [("portal", "0003_reference_data_permissions")]

    operations = [migrations.RunPython(bilingual_names, english_names)]
