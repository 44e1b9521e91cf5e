"""Seed the synonym groups from the domain vocabulary (editors manage them afterwards)."""

from django.db import migrations

SEED = [
    ("ar", "عميل, عملاء, مستفيد, مستفيدين, مراجع, مراجعين, متعامل, متعاملين", "customer"),
    ("ar", "شكوى, شكاوى, بلاغ, بلاغات, تواصل", "complaint"),
    ("ar", "خدمة, خدمات, معاملة, معاملات", "service"),
    ("ar", "موظف, موظفين, مقدم الخدمة", "employee"),
    ("ar", "رسالة, رسائل", "message (broken plural)"),
    ("ar", "وثيقة, وثائق", "document (broken plural)"),
    ("ar", "موعد, مواعيد", "appointment (broken plural)"),
    ("ar", "مركز, مراكز", "centre (broken plural)"),
    ("ar", "مستند, مستندات, وثيقة, وثائق", "document"),
    ("ar", "رسوم, تكلفة, تكاليف", "fees"),
    ("ar", "مكالمة, اتصال, هاتف", "call"),
    ("en", "customer, client, beneficiary, citizen", "customer"),
    ("en", "complaint, grievance, report, tawasul", "complaint"),
    ("en", "service, transaction", "service"),
    ("en", "employee, staff member, service provider", "employee"),
    ("en", "fee, fees, cost, charge", "fees"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    if Synonym.objects.exists():
        return
    for language, terms, note in SEED:
        Synonym.objects.create(language=language, terms=terms, notes=note)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
