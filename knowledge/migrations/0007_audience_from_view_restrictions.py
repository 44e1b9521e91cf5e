"""Existing pages keep their readers: the Wagtail view restrictions the portal copied onto
staff-only pages at publish time (and any set by hand on a knowledge page) become the
page's own audience, and the restrictions are removed (the audience field is now the rule).

- a group restriction naming every portal role, or a "signed-in users" restriction: all staff;
- a group restriction naming some roles: those roles;
- a password restriction has no audience equivalent: all staff (the safe side).

The latest revision gets the same audience, so publishing an older draft cannot widen it."""

from django.db import migrations

PORTAL_ROLES = ("Staff", "Editors", "Reviewers", "HR", "Leadership")


def restrictions_to_audience(apps, schema_editor):
    KnowledgePage = apps.get_model("knowledge", "KnowledgePage")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    Group = apps.get_model("auth", "Group")
    Revision = apps.get_model("wagtailcore", "Revision")

    portal_groups = set(Group.objects.filter(name__in=PORTAL_ROLES).values_list("pk", flat=True))
    knowledge_ids = set(KnowledgePage.objects.values_list("pk", flat=True))
    restrictions = PageViewRestriction.objects.filter(page_id__in=knowledge_ids)
    decided: dict[int, tuple[str, set[int]]] = {}
    for restriction in restrictions:
        if restriction.restriction_type == "groups":
            groups = set(restriction.groups.values_list("pk", flat=True))
            audience = ("staff", set()) if not groups or groups >= portal_groups else ("roles", groups)
        else:
            audience = ("staff", set())
        previous = decided.get(restriction.page_id)
        if previous is not None and previous[0] == "roles" and audience[0] == "roles":
            audience = ("roles", previous[1] & audience[1]) if previous[1] & audience[1] else ("staff", set())
        elif previous is not None and previous[0] == "roles":
            audience = previous
        decided[restriction.page_id] = audience
    for page_id, (audience, groups) in decided.items():
        page = KnowledgePage.objects.get(pk=page_id)
        if page.audience == "public" or audience == "roles":
            page.audience = audience
            KnowledgePage.objects.filter(pk=page_id).update(audience=audience)
        if audience == "roles":
            through = KnowledgePage.audience_roles.through
            through.objects.filter(knowledgepage_id=page_id).delete()
            through.objects.bulk_create(through(knowledgepage_id=page_id, group_id=group) for group in groups)
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content["audience"] = page.audience
            revision.content["audience_roles"] = sorted(groups)
            revision.save(update_fields=["content"])
    restrictions.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_audience_roles"),
        ("portal", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(restrictions_to_audience, migrations.RunPython.noop)]
