from django.db import migrations

CHANNELS = [
    ("centre", "مركز الخدمة", "Service centre"),
    ("phone", "مركز الاتصال", "Call centre"),
    ("email", "البريد الإلكتروني", "Email"),
    ("video", "مكالمة الفيديو", "Video call"),
    ("chat", "المحادثة المباشرة", "Live chat"),
]


def seed_channels(apps, schema_editor):
    Channel = apps.get_model("knowledge", "Channel")
    for order, (key, name_ar, name_en) in enumerate(CHANNELS):
        Channel.objects.update_or_create(key=key, defaults={"name_ar": name_ar, "name_en": name_en, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_initial")]
    operations = [migrations.RunPython(seed_channels, migrations.RunPython.noop)]
