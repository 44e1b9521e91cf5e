"""Reference data for the demo: fictional agencies, FAQ topics and the teams that own pages."""

from __future__ import annotations

#: Fictional Gulf government entities, for demonstration only (no website on purpose).
AGENCIES: list[dict[str, str]] = [
    {
        "slug": "municipal-services",
        "name_ar": "وزارة الخدمات البلدية (جهة تجريبية)",
        "name_en": "Ministry of Municipal Services (demo)",
    },
    {
        "slug": "civil-service-bureau",
        "name_ar": "ديوان الخدمة المدنية (جهة تجريبية)",
        "name_en": "Civil Service Bureau (demo)",
    },
    {
        "slug": "social-insurance",
        "name_ar": "هيئة التأمين الاجتماعي (جهة تجريبية)",
        "name_en": "Social Insurance Authority (demo)",
    },
    {
        "slug": "residency-passports",
        "name_ar": "مديرية الإقامة والجوازات (جهة تجريبية)",
        "name_en": "Residency and Passports Directorate (demo)",
    },
    {
        "slug": "e-government",
        "name_ar": "هيئة الحكومة الإلكترونية (جهة تجريبية)",
        "name_en": "e-Government Authority (demo)",
    },
]

TOPICS: list[dict[str, object]] = [
    {"slug": "complaints", "name_ar": "الشكاوى والمقترحات", "name_en": "Complaints and suggestions", "sort_order": 1},
    {"slug": "appointments", "name_ar": "المواعيد والزيارات", "name_en": "Appointments and visits", "sort_order": 2},
    {"slug": "documents", "name_ar": "الوثائق والمتطلبات", "name_en": "Documents and requirements", "sort_order": 3},
    {
        "slug": "response-times",
        "name_ar": "أوقات الرد ومستوى الخدمة",
        "name_en": "Reply times and service levels",
        "sort_order": 4,
    },
    {
        "slug": "accessibility",
        "name_ar": "الأولوية وسهولة الوصول",
        "name_en": "Priority and accessibility",
        "sort_order": 5,
    },
    {
        "slug": "privacy",
        "name_ar": "الخصوصية وحماية البيانات",
        "name_en": "Privacy and data protection",
        "sort_order": 6,
    },
    {"slug": "channels", "name_ar": "قنوات التواصل", "name_en": "Contact channels", "sort_order": 7},
    {"slug": "staff-practice", "name_ar": "ممارسات الموظفين", "name_en": "Staff practice", "sort_order": 8},
]

#: Teams named as page owners, by key.
OWNER_TEAMS: dict[str, dict[str, str]] = {
    "quality": {"ar": "فريق جودة الخدمة", "en": "Service Quality Team"},
    "complaints": {"ar": "وحدة الشكاوى والمقترحات", "en": "Complaints and Suggestions Unit"},
    "centres": {"ar": "إدارة مراكز خدمة العملاء", "en": "Customer Service Centres Department"},
    "contact_centre": {"ar": "إدارة مركز الاتصال", "en": "Contact Centre Department"},
    "digital": {"ar": "فريق القنوات الرقمية", "en": "Digital Channels Team"},
    "knowledge": {"ar": "فريق إدارة المعرفة", "en": "Knowledge Management Team"},
    "hr": {"ar": "إدارة الموارد البشرية", "en": "Human Resources Department"},
    "communications": {"ar": "إدارة الاتصال المؤسسي", "en": "Corporate Communications Department"},
}
