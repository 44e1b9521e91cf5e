"""The demo organisation: units and about 150 fictional employees across the five demo
agencies, loaded through the organisation import itself (the one write path), with the
demo accounts linked to employees so every role has something real to do.

Deterministic: the same rows every time, so a second load changes nothing."""

from __future__ import annotations

import csv
import datetime
import io
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from evaluations.models import Employee
from evaluations.services.organisation import REQUIRED_COLUMNS, OrgImportPlan, apply_org_import, plan_org_import
from portal.models import Agency

FIRST_NAMES = [
    ("أحمد", "Ahmed"), ("فاطمة", "Fatima"), ("محمد", "Mohammed"), ("مريم", "Maryam"), ("علي", "Ali"),
    ("نورة", "Noura"), ("عبدالله", "Abdullah"), ("هند", "Hind"), ("يوسف", "Yousef"), ("سارة", "Sara"),
    ("خالد", "Khalid"), ("ليلى", "Layla"), ("حسن", "Hassan"), ("عائشة", "Aisha"), ("إبراهيم", "Ibrahim"),
    ("زينب", "Zainab"), ("سلمان", "Salman"), ("شيخة", "Shaikha"), ("راشد", "Rashid"), ("منيرة", "Munira"),
]  # fmt: skip
FAMILY_NAMES = [
    ("الكعبي", "Al-Kaabi"), ("البلوشي", "Al-Balushi"), ("الحمادي", "Al-Hammadi"), ("الدوسري", "Al-Dosari"),
    ("الشامسي", "Al-Shamsi"), ("العنزي", "Al-Enezi"), ("المطيري", "Al-Mutairi"), ("الهاشمي", "Al-Hashimi"),
    ("الزعابي", "Al-Zaabi"), ("القحطاني", "Al-Qahtani"), ("السويدي", "Al-Suwaidi"), ("النعيمي", "Al-Nuaimi"),
]  # fmt: skip

#: (slug suffix, Arabic name, English name, kind, employees) per agency; sizes differ so the
#: award's size bands have members in more than one band.
UNITS = {
    "municipal-services": [
        ("central-centre", "مركز الخدمة الرئيسي", "Main service centre", "service_centre", 18),
        ("call-centre", "مركز الاتصال", "Call centre", "call_centre", 12),
    ],
    "civil-service-bureau": [
        ("service-centre", "مكتب الخدمة", "Service office", "service_centre", 14),
        ("call-centre", "مركز الاتصال", "Call centre", "call_centre", 8),
        ("hr-office", "إدارة الموارد البشرية", "Human resources", "back_office", 4),
    ],
    "social-insurance": [
        ("north-centre", "مركز خدمة الشمال", "North service centre", "service_centre", 24),
        ("south-centre", "مركز خدمة الجنوب", "South service centre", "service_centre", 20),
        ("call-centre", "مركز الاتصال", "Call centre", "call_centre", 10),
    ],
    "residency-passports": [
        ("airport-centre", "مركز خدمة المطار", "Airport service centre", "service_centre", 16),
        ("city-centre", "مركز خدمة المدينة", "City service centre", "service_centre", 12),
    ],
    "e-government": [
        ("digital-support", "الدعم الرقمي", "Digital support", "call_centre", 12),
        ("service-centre", "مركز خدمة البوابة", "Portal service centre", "service_centre", 8),
    ],
}
AGENCY_CODES = {
    "municipal-services": "MUN",
    "civil-service-bureau": "CSB",
    "social-insurance": "SIO",
    "residency-passports": "RPA",
    "e-government": "EGA",
}
#: Which demo account is which employee (username → employee ID).
DEMO_ACCOUNT_EMPLOYEES = {
    "hr": "CSB-HR-01",  # HR of the Civil Service Bureau: runs its agency's cycle
    "staff": "CSB-SER-02",  # a front-line employee with pending evaluations
    "leadership": "CSB-DIR",  # the bureau's director: aggregates, and their own direct reports
}

TITLE_DIRECTOR = "مدير الجهة / Director"
TITLE_MANAGER = "مدير الوحدة / Unit manager"
TITLE_AGENT = "موظف خدمة العملاء / Customer-service officer"
TITLE_HR = "أخصائي موارد بشرية / HR specialist"


@dataclass
class DemoOrganisationReport:
    plan: OrgImportPlan
    linked_accounts: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.plan.changes or self.linked_accounts)


def demo_organisation_rows() -> list[dict[str, str]]:
    """The demo organisation as the rows of an import file."""
    chooser = random.Random(2026)  # fictional names, not security
    agencies = {agency.slug: agency for agency in Agency.objects.filter(slug__in=UNITS)}
    rows: list[dict[str, str]] = []

    def person(employee_id: str, agency, unit: tuple, title: str, supervisor: str, front_line: bool) -> None:
        first_ar, first_en = chooser.choice(FIRST_NAMES)
        family_ar, family_en = chooser.choice(FAMILY_NAMES)
        rows.append(
            {
                "agency_slug": agency.slug,
                "agency_name_ar": agency.name_ar,
                "agency_name_en": agency.name_en,
                "unit_slug": unit[0],
                "unit_name_ar": unit[1],
                "unit_name_en": unit[2],
                "unit_kind": unit[3],
                "employee_id": employee_id,
                "name_ar": f"{first_ar} {family_ar}",
                "name_en": f"{first_en} {family_en}",
                "email": "",
                "job_title": title,
                "supervisor_employee_id": supervisor,
                "front_line": "yes" if front_line else "no",
                "preferred_language": "en" if chooser.random() < 0.2 else "ar",
            }
        )

    for slug, units in UNITS.items():
        agency = agencies.get(slug)
        if agency is None:
            continue
        code = AGENCY_CODES[slug]
        director = f"{code}-DIR"
        person(director, agency, units[0], TITLE_DIRECTOR, "", False)
        for unit in units:
            unit_code = unit[0].split("-")[0][:3].upper()
            manager = f"{code}-{unit_code}-01"
            is_back_office = unit[3] == "back_office"
            person(manager, agency, unit, TITLE_HR if is_back_office else TITLE_MANAGER, director, False)
            for number in range(2, unit[4] + 1):
                title = TITLE_HR if is_back_office else TITLE_AGENT
                person(f"{code}-{unit_code}-{number:02d}", agency, unit, title, manager, not is_back_office)
    return rows


def load_demo_organisation() -> DemoOrganisationReport:
    """Import the demo organisation (idempotent) and link the demo accounts that exist."""
    buffer = io.StringIO()
    columns = [*REQUIRED_COLUMNS, "preferred_language", "unit_kind"]
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(demo_organisation_rows())
    plan = plan_org_import(source=buffer.getvalue().encode(), filename="demo-organisation.csv")
    if plan.changes:
        apply_org_import(plan=plan)
    linked: list[str] = []
    for user in get_user_model().objects.filter(username__in=DEMO_ACCOUNT_EMPLOYEES):
        if Employee.objects.filter(user=user).exists():
            continue
        employee_id = DEMO_ACCOUNT_EMPLOYEES[user.username]
        if Employee.objects.filter(employee_id=employee_id, user__isnull=True).update(user=user):
            linked.append(user.username)
    return DemoOrganisationReport(plan=plan, linked_accounts=linked)


# --- Cycles and customers' ratings ------------------------------------------------------------

PAST_CYCLE = "demo-cycle-first-half"
OPEN_CYCLE = "demo-cycle-bureau-second-half"
DRAFT_CYCLE = "demo-cycle-bureau-next"
RATING_DAYS = 150


def _quality(chooser: random.Random, employee_id: str) -> float:
    """A fictional employee's typical customer rating (3.0–4.9), stable per employee."""
    return 3.0 + (sum(map(ord, employee_id)) * 7919 % 190) / 100


def demo_customer_feedback_csv(*, today: datetime.date) -> str:
    """Customers' ratings of the front-line employees over the last ``RATING_DAYS`` days,
    as the import file a kiosk or phone survey would send (unique ``source_ref``s)."""
    chooser = random.Random(4)
    employees = list(
        Employee.objects.filter(front_line=True, is_active=True)
        .order_by("employee_id")
        .values_list("employee_id", "unit__kind")
    )
    zone = timezone.get_current_timezone()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CUSTOMER_COLUMNS)
    for employee_id, unit_kind in employees:
        quality = _quality(chooser, employee_id)
        per_day = 0.25 + (sum(map(ord, employee_id)) % 13) / 10
        channels = ["phone", "chat", "email"] if unit_kind == "call_centre" else ["centre", "centre", "video"]
        for day_offset in range(RATING_DAYS, 0, -1):
            count = int(per_day) + (1 if chooser.random() < per_day - int(per_day) else 0)
            for index in range(count):
                overall = max(1, min(5, round(chooser.gauss(quality, 0.8))))
                moment = datetime.datetime.combine(
                    today - datetime.timedelta(days=day_offset),
                    datetime.time(8 + chooser.randrange(9), chooser.randrange(60)),
                    tzinfo=zone,
                )
                writer.writerow(
                    [
                        f"demo-{employee_id}-{day_offset}-{index}",
                        employee_id,
                        moment.isoformat(),
                        chooser.choice(channels),
                        overall,
                        max(1, min(5, overall + chooser.choice((-1, 0, 0, 1)))),
                        max(1, min(5, overall + chooser.choice((-1, 0, 0)))),
                        max(1, min(5, overall + chooser.choice((0, 0, 1, -1)))),
                        "" if chooser.random() < 0.3 else max(1, min(5, overall + chooser.choice((0, -1)))),
                        "",
                    ]
                )
    return buffer.getvalue()


CUSTOMER_COLUMNS = (
    "source_ref",
    "employee_id",
    "submitted_at",
    "channel",
    "overall",
    "respect",
    "time",
    "clarity",
    "solved",
    "comment",
)


def _response_rows(cycle, *, share: float, chooser: random.Random, skip_raters=()) -> list[tuple[int, dict]]:
    """Answers for ``share`` of a cycle's assignments, as an import of paper responses."""
    from evaluations.models import Assignment, Item

    items = list(Item.objects.filter(competency__framework=cycle.framework).values_list("code", flat=True))
    rows: list[tuple[int, dict]] = []
    assignments = (
        Assignment.objects.filter(cycle=cycle, declined_at__isnull=True)
        .exclude(rater__employee_id__in=skip_raters)
        .order_by("pk")
        .values_list("rater__employee_id", "ratee__employee_id", "relationship")
    )
    for rater, ratee, relationship in assignments:
        if chooser.random() >= share:
            continue
        quality = _quality(chooser, ratee) + (0.4 if relationship == "self" else 0.0)
        for code in items:
            score = "" if chooser.random() < 0.05 else str(max(1, min(5, round(chooser.gauss(quality, 0.7)))))
            rows.append(
                (
                    len(rows) + 2,
                    {
                        "rater_employee_id": rater,
                        "ratee_employee_id": ratee,
                        "relationship": relationship,
                        "item_code": code,
                        "score": score,
                    },
                )
            )
    return rows


def load_demo_draft_cycle(*, today: datetime.date) -> str | None:
    """The Civil Service Bureau's next cycle, still a draft, for the demo HR account to set
    up (settings, assignments) and open; ``None`` when it exists or the bureau does not."""
    from evaluations.models import Cycle
    from evaluations.services import create_cycle

    bureau = Agency.objects.filter(slug="civil-service-bureau").first()
    if bureau is None or Cycle.objects.filter(slug=DRAFT_CYCLE).exists():
        return None
    create_cycle(
        slug=DRAFT_CYCLE,
        name_ar="تقييم 360 درجة: الدورة القادمة (ديوان الخدمة المدنية)",
        name_en="360° review: next cycle (Civil Service Bureau)",
        opens_on=today + datetime.timedelta(days=30),
        closes_on=today + datetime.timedelta(days=60),
        agencies=[bureau],
        assignment_seed=8,
    )
    return DRAFT_CYCLE


def load_demo_evaluations(*, today: datetime.date | None = None) -> list[str]:
    """The demo's customer ratings, a released past cycle with reports for every agency, an
    open cycle of the Civil Service Bureau that the demo HR account runs, half answered
    (the demo staff account still has evaluations to write), and the bureau's next cycle
    as a draft for HR to set up. Whatever exists is left alone."""
    from evaluations.customer_imports import import_customer_feedback
    from evaluations.models import CustomerRating, Cycle
    from evaluations.services import close_cycle, create_cycle, import_responses, open_cycle, release_cycle

    today = today or timezone.localdate()
    done: list[str] = []
    if not CustomerRating.objects.filter(source_ref__startswith="demo-").exists():
        report = import_customer_feedback(text=demo_customer_feedback_csv(today=today))
        done.append(f"customer ratings: {report.created}")
    agencies = list(Agency.objects.filter(slug__in=UNITS))
    if agencies and not Cycle.objects.filter(slug=PAST_CYCLE).exists():
        cycle = create_cycle(
            slug=PAST_CYCLE,
            name_ar="تقييم 360 درجة: النصف الأول",
            name_en="360° review: first half",
            opens_on=today - datetime.timedelta(days=140),
            closes_on=today - datetime.timedelta(days=110),
            agencies=agencies,
            assignment_seed=2026,
        )
        open_cycle(cycle=cycle, notify=False)  # demo data: no invitation storm
        import_responses(cycle=cycle, rows=_response_rows(cycle, share=0.92, chooser=random.Random(11)))
        close_cycle(cycle=cycle)
        release_cycle(cycle=cycle, notify=False)
        done.append(f"released cycle: {PAST_CYCLE}")
    bureau = Agency.objects.filter(slug="civil-service-bureau").first()
    if bureau is not None and not Cycle.objects.filter(slug=OPEN_CYCLE).exists():
        cycle = create_cycle(
            slug=OPEN_CYCLE,
            name_ar="تقييم 360 درجة: النصف الثاني (ديوان الخدمة المدنية)",
            name_en="360° review: second half (Civil Service Bureau)",
            opens_on=today - datetime.timedelta(days=10),
            closes_on=today + datetime.timedelta(days=20),
            agencies=[bureau],
            assignment_seed=7,
        )
        open_cycle(cycle=cycle, notify=False)  # demo data: no invitation storm
        rows = _response_rows(
            cycle, share=0.45, chooser=random.Random(12), skip_raters=[DEMO_ACCOUNT_EMPLOYEES["staff"]]
        )
        if rows:
            import_responses(cycle=cycle, rows=rows)
        done.append(f"open cycle: {OPEN_CYCLE}")
    draft = load_demo_draft_cycle(today=today)
    if draft is not None:
        done.append(f"draft cycle: {draft}")
    return done
