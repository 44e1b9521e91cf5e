"""Seed the dialect, loanword and cross-language vocabulary (search/vocabulary/groups.yaml),
and take the app name «تواصل» out of the seeded complaint group: it is a protected name
(search/vocabulary/protected_names.yaml) that finds the pages naming the app, not every
complaint page (and «شكوى» no longer finds «وسائل التواصل الاجتماعي»).

Editors manage the groups afterwards in the Wagtail admin; a group is only added when no
group of its language holds the same terms, and the complaint group is only changed when
it still holds exactly the seeded terms, so editors' decisions are kept."""

from django.db import migrations

SEEDED_COMPLAINT = "شكوى, شكاوى, بلاغ, بلاغات, تواصل"
COMPLAINT = "شكوى, شكاوى, بلاغ, بلاغات"


def seed(apps, schema_editor):
    from search.vocabulary import seed_vocabulary

    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(language="ar", terms=SEEDED_COMPLAINT).update(terms=COMPLAINT)
    seed_vocabulary(Synonym)


class Migration(migrations.Migration):
    dependencies = [("search", "0008_synonym_kind_and_one_way")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
