"""Shared data for the search web-layer tests: real pages, published through the
knowledge service and indexed through the search indexing service."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.models import Channel, KnowledgePage
from search.indexing import rebuild_index
from tests.factories import AgencyFactory, UserFactory, create_faq

#: A word that appears only in the staff-only page's title and body.
STAFF_ONLY_WORD = "زبرجدية"
STAFF_ONLY_WORD_EN = "Quillwort"


@dataclass
class Corpus:
    ar_complaint: KnowledgePage
    ar_customer: KnowledgePage
    en_complaint: KnowledgePage
    staff_only: KnowledgePage
    staff_only_en: KnowledgePage


def build_corpus(site_tree) -> Corpus:
    agency = AgencyFactory(slug="civil-service", name_ar="ديوان الخدمة المدنية", name_en="Civil Service Bureau")
    phone = Channel.objects.get(key=Channel.PHONE)
    centre = Channel.objects.get(key=Channel.CENTRE)
    ar_faq, en_faq = site_tree["ar"].indexes["faq"], site_tree["en"].indexes["faq"]

    ar_complaint = create_faq(
        ar_faq,
        title="كيف أقدم شكوى عبر تطبيق تواصل؟",
        slug="file-a-complaint",
        summary="خطوات تقديم الشكوى ومتابعتها عبر تطبيق تواصل الوطني.",
        answer="<p>افتح تطبيق تواصل واختر الجهة ثم اكتب تفاصيل الشكوى وأرفق المستندات.</p>",
        agency=agency,
    )
    ar_complaint.channels.set([phone])
    ar_customer = create_faq(
        ar_faq,
        title="ما حقوق العميل في مركز الخدمة؟",
        slug="customer-rights",
        summary="حقوق العميل عند مراجعة مركز الخدمة: الاحترام والمساواة وسرية البيانات.",
        answer="<p>للعميل حق الاحترام والانتباه الكامل وأولوية كبار السن وذوي الإعاقة.</p>",
    )
    ar_customer.channels.set([centre])
    en_complaint = create_faq(
        en_faq,
        title="How do I file a complaint through Tawasul?",
        slug="file-a-complaint",
        summary="Steps to file and follow a complaint through the national Tawasul app.",
        answer="<p>Open the Tawasul app, choose the agency, describe the complaint and attach documents.</p>",
        agency=agency,
    )
    staff_only = create_faq(
        ar_faq,
        title=f"إجراء التصعيد الداخلي {STAFF_ONLY_WORD}",
        slug="internal-escalation",
        summary=f"ملاحظة داخلية {STAFF_ONLY_WORD} للموظفين عن تصعيد الشكوى.",
        answer=f"<p>يصعد الموظف الشكوى إلى المشرف وفق نموذج {STAFF_ONLY_WORD}.</p>",
        audience=KnowledgePage.AUDIENCE_STAFF,
        agency=AgencyFactory(slug="secret-agency", name_ar="جهة داخلية", name_en="Internal unit"),
    )
    staff_only.channels.set([Channel.objects.get(key=Channel.VIDEO)])
    staff_only_en = create_faq(
        en_faq,
        title=f"{STAFF_ONLY_WORD_EN} internal escalation",
        slug="internal-escalation",
        summary=f"Internal {STAFF_ONLY_WORD_EN} note for staff on escalating a complaint.",
        answer=f"<p>Escalate the complaint to the supervisor using the {STAFF_ONLY_WORD_EN} form.</p>",
        audience=KnowledgePage.AUDIENCE_STAFF,
    )
    # Channels are set after publishing: publish again so the live row carries them.
    from knowledge.services import publish

    for page in (ar_complaint, ar_customer, staff_only):
        publish(page)
    rebuild_index()
    return Corpus(ar_complaint, ar_customer, en_complaint, staff_only, staff_only_en)


def staff_user():
    return UserFactory(roles=["Staff"])


def editor_user():
    return UserFactory(roles=["Editors"])


def indexed_documents() -> dict:
    """What the (embedded) index stores, by page id."""
    from search.backends import get_search_backend

    return get_search_backend().indexed_documents()


def found_page_ids(text: str, *, user=None, **filters) -> list[int]:
    """Page ids a reader (anonymous by default) finds for ``text``, through the selector."""
    from django.contrib.auth.models import AnonymousUser

    from search.services import search_knowledge

    params = {"q": text, "page_size": 50, **filters}
    results = search_knowledge(user=user or AnonymousUser(), params=params)
    return [hit.page_id for hit in results.hits]
