"""Pages for the front-end tests, created and published through the knowledge service
(so audience restrictions apply as in production)."""

from __future__ import annotations

import datetime

from knowledge.models import (
    AnnouncementPage,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    ServiceProcedurePage,
)
from knowledge.services import publish


def _add(parent, page: KnowledgePage, *, translation_of: KnowledgePage | None = None) -> KnowledgePage:
    page.locale = parent.locale
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    return publish(page).specific


def charter(parent, *, audience: str = KnowledgePage.AUDIENCE_PUBLIC, translation_of=None, **fields) -> CharterPage:
    sections = fields.pop(
        "sections",
        [
            {
                "type": "section",
                "value": {
                    "kind": "purpose",
                    "heading": "لماذا هذه الوثيقة؟",
                    "intro": "<p>مقدمة</p>",
                    "items": [{"title": "الثقة", "text": "نص"}],
                },
            },
            {
                "type": "section",
                "value": {
                    "kind": "duties",
                    "heading": "التزامنا تجاهكم",
                    "intro": "",
                    "items": [{"title": f"الالتزام {n}", "text": f"شرح {n}"} for n in range(1, 11)],
                },
            },
        ],
    )
    page = CharterPage(
        title=fields.pop("title", "الوثيقة الموحدة"),
        slug=fields.pop("slug", "charter"),
        audience=audience,
        summary=fields.pop("summary", "ما نلتزم به تجاه كل عميل."),
        sections=sections,
        **fields,
    )
    return _add(parent, page, translation_of=translation_of)


def guide(
    parent, *, kind: str = "centre", audience: str = KnowledgePage.AUDIENCE_PUBLIC, **fields
) -> EtiquetteGuidePage:
    stages = fields.pop(
        "stages",
        [
            {
                "type": "stage",
                "value": {
                    "stage": "before",
                    "heading": "",
                    "items": [
                        {"kind": "do", "text": "احضر قبل الافتتاح بخمس عشرة دقيقة.", "note": "ملاحظة"},
                        {"kind": "dont", "text": "لا تستخدم هاتفك الشخصي.", "note": ""},
                    ],
                },
            }
        ],
    )
    page = EtiquetteGuidePage(
        title=fields.pop("title", "إتيكيت مركز الخدمة"),
        slug=fields.pop("slug", f"{kind}-etiquette"),
        guide_kind=kind,
        audience=audience,
        intro=fields.pop("intro", "<p>مقدمة الدليل</p>"),
        stages=stages,
        **fields,
    )
    return _add(parent, page)


def procedure(parent, *, audience: str = KnowledgePage.AUDIENCE_PUBLIC, **fields) -> ServiceProcedurePage:
    page = ServiceProcedurePage(
        title=fields.pop("title", "حجز موعد"),
        slug=fields.pop("slug", "book-appointment"),
        service_name=fields.pop("service_name", "حجز موعد في مركز الخدمة"),
        audience=audience,
        steps=[{"type": "step", "value": {"title": "اختر الخدمة", "detail": "تفاصيل"}}],
        required_documents=[{"type": "document", "value": "بطاقة الهوية"}],
        fees=fields.pop("fees", "مجانًا"),
        service_level=fields.pop("service_level", "تأكيد فوري"),
        service_level_days=fields.pop("service_level_days", 3),
        **fields,
    )
    return _add(parent, page)


def announcement(parent, *, title: str, date: datetime.date, slug: str, **fields) -> AnnouncementPage:
    page = AnnouncementPage(title=title, slug=slug, date=date, body="<p>نص</p>", **fields)
    return _add(parent, page)


def faq(parent, *, title: str, slug: str, translation_of: FAQPage | None = None, **fields) -> FAQPage:
    page = FAQPage(title=title, slug=slug, answer=fields.pop("answer", "<p>إجابة</p>"), **fields)
    return _add(parent, page, translation_of=translation_of)


def article(parent, *, title: str, slug: str, **fields) -> KnowledgeArticlePage:
    body = fields.pop("body", [{"type": "paragraph", "value": "<p>نص</p>"}])
    page = KnowledgeArticlePage(title=title, slug=slug, body=body, **fields)
    return _add(parent, page)
