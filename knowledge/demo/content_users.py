"""Demo accounts: one per role plus an administrator. Created only in demo mode
(``settings.TAMAYUZ_DEMO_MODE``), which production settings switch off."""

from __future__ import annotations

from portal import roles

#: Shared demo password, printed by ``load_demo``. Demo mode only; never used in production.
DEMO_PASSWORD = "tamayuz-demo-2026"  # noqa: S105

DEMO_USERS: list[dict[str, object]] = [
    {
        "username": "staff",
        "email": "staff@demo.tamayuz.example",
        "role": roles.STAFF,
        "full_name_ar": "ريم الخالدي",
        "full_name_en": "Reem Al-Khalidi",
    },
    {
        "username": "editor",
        "email": "editor@demo.tamayuz.example",
        "role": roles.EDITORS,
        "full_name_ar": "يوسف الأنصاري",
        "full_name_en": "Yousef Al-Ansari",
    },
    {
        "username": "reviewer",
        "email": "reviewer@demo.tamayuz.example",
        "role": roles.REVIEWERS,
        "full_name_ar": "منى السعدي",
        "full_name_en": "Mona Al-Saadi",
    },
    {
        "username": "hr",
        "email": "hr@demo.tamayuz.example",
        "role": roles.HR,
        "full_name_ar": "خالد المنصوري",
        "full_name_en": "Khalid Al-Mansouri",
    },
    {
        "username": "leadership",
        "email": "leadership@demo.tamayuz.example",
        "role": roles.LEADERSHIP,
        "full_name_ar": "نورة الهاشمي",
        "full_name_en": "Noura Al-Hashimi",
    },
    {
        "username": "admin",
        "email": "admin@demo.tamayuz.example",
        "role": None,
        "superuser": True,
        "full_name_ar": "مدير النظام",
        "full_name_en": "System administrator",
    },
]
