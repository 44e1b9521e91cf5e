"""More synonym groups from the domain's vocabulary (editors manage them afterwards).

Each group is added only when no group of the same language already holds the same
terms (an editor may have added it, or deactivated it on purpose), so running this on an
installation whose editors already curate synonyms changes nothing they decided. The
relevance benchmark (bench/relevance.py, bench/README.md) measured each group's effect.
"""

from django.db import migrations

GROUPS = [
    # British and American spellings of words the content uses.
    ("en", "centre, center", "spelling: centre / center"),
    ("en", "apologise, apologize", "spelling: apologise / apologize"),
    ("en", "behaviour, behavior", "spelling: behaviour / behavior"),
    # The complaint idea as a verb (light stemming keeps noun and verb apart).
    ("en", "complaint, complain", "complaint (noun and verb)"),
    ("ar", "شكوى, شكواي, يشتكي, اشتكى, يشكو", "complaint (verb and possessive forms)"),
    # Channels: the names people use for them.
    ("ar", "البريد الإلكتروني, بريد إلكتروني, إيميل", "email"),
    ("en", "email, e-mail", "email"),
    ("en", "call centre, contact centre", "contact centre"),
    ("ar", "الدردشة الحية, المحادثة الفورية, الشات", "live chat"),
    ("ar", "الاتصال المرئي, مكالمة الفيديو, مكالمة فيديو", "video call"),
    ("ar", "أوقات الدوام, ساعات العمل, أوقات العمل", "working hours"),
    ("en", "opening hours, working hours, opening times", "working hours"),
    # The charter's words for the customer's side of the bargain, and for feedback.
    ("ar", "واجبات, التزامات", "duties (the charter's rights and duties)"),
    ("ar", "استبيان, استطلاع", "survey"),
    ("ar", "مقترح, اقتراح", "suggestion"),
    # Priority service: the names people use for who gets it.
    ("ar", "كبار السن, المسنين", "elderly"),
    ("ar", "ذوي الإعاقة, ذوو الإعاقة, ذوي الاحتياجات الخاصة", "people with disabilities"),
    ("en", "elderly, older people, senior citizens", "elderly"),
    ("en", "people with disabilities, special needs", "people with disabilities"),
]


def _term_set(terms: str) -> frozenset[str]:
    raw = terms.replace("\u060c", ",").replace("\n", ",")
    return frozenset(" ".join(term.split()).lower() for term in raw.split(",") if term.strip())


def add_groups(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    existing = {(group.language, _term_set(group.terms)) for group in Synonym.objects.all()}
    for language, terms, note in GROUPS:
        key = (language, _term_set(terms))
        if key in existing:
            continue
        Synonym.objects.create(language=language, terms=terms, notes=note)
        existing.add(key)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms")]
    operations = [migrations.RunPython(add_groups, migrations.RunPython.noop)]
