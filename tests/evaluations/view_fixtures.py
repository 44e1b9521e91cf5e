"""A small organisation and cycle for the evaluation pages' tests, built through the real
services: one agency with one unit, a supervisor and four employees with accounts, an HR
user of the agency, a leadership user and a second agency (whose HR must see nothing)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from evaluations.models import Assignment, Cycle, Employee, Item
from evaluations.services import close_cycle, create_cycle, open_cycle, save_draft_response, submit_response
from portal.models import Agency, User
from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory
from tests.factories import AgencyFactory, UserFactory


@dataclass
class Organisation:
    agency: Agency
    other_agency: Agency
    supervisor: Employee
    staff: list[Employee]
    hr: User
    other_hr: User
    leadership: User
    outsider: User

    def user(self, employee: Employee) -> User:
        return employee.user


def _employee(unit, *, supervisor=None, name_ar: str, name_en: str, roles=("Staff",)) -> Employee:
    user = UserFactory(roles=list(roles))
    return FrontLineEmployeeFactory(unit=unit, supervisor=supervisor, name_ar=name_ar, name_en=name_en, user=user)


def build_organisation() -> Organisation:
    from django.contrib.auth.models import Group

    from portal import roles

    for role in roles.ALL_ROLES:  # seeded by a migration; gone after a transactional test's flush
        Group.objects.get_or_create(name=role)
    agency = AgencyFactory(slug="civil-affairs", name_ar="الأحوال المدنية", name_en="Civil Affairs")
    other_agency = AgencyFactory(slug="traffic", name_ar="المرور", name_en="Traffic")
    unit = CustomerUnitFactory(agency=agency, slug="centre-north", name_ar="مركز الشمال", name_en="North centre")
    other_unit = CustomerUnitFactory(agency=other_agency, slug="centre-south", name_ar="مركز الجنوب", name_en="South")
    supervisor = _employee(unit, name_ar="سالم المشرف", name_en="Salem Supervisor")
    names = [
        ("فاطمة الزهراني", "Fatima Zahrani"),
        ("خالد العتيبي", "Khalid Otaibi"),
        ("نورة القحطاني", "Noura Qahtani"),
        ("عمر الحربي", "Omar Harbi"),
    ]
    staff = [_employee(unit, supervisor=supervisor, name_ar=ar, name_en=en) for ar, en in names]
    hr = _employee(unit, name_ar="هند الموارد", name_en="Hind HR", roles=("Staff", "HR")).user
    other_hr = _employee(other_unit, name_ar="ريم الموارد", name_en="Reem HR", roles=("Staff", "HR")).user
    leadership = UserFactory(roles=["Leadership"])
    outsider = UserFactory(roles=["Staff"])
    return Organisation(
        agency=agency,
        other_agency=other_agency,
        supervisor=supervisor,
        staff=staff,
        hr=hr,
        other_hr=other_hr,
        leadership=leadership,
        outsider=outsider,
    )


def ensure_framework() -> None:
    """The migrations seed the capability framework; a transactional test that runs after
    another one's flush finds it gone, so it gets a small one of three competencies."""
    from evaluations.models import Competency, Framework

    if Framework.objects.exists():
        return
    framework = Framework.objects.create(name_ar="إطار الاختبار", name_en="Test framework")
    for position, code in enumerate(("empathy", "attention", "trust")):
        competency = Competency.objects.create(
            framework=framework, code=code, name_ar=f"كفاية {code}", name_en=code.title(), sort_order=position
        )
        Item.objects.create(
            competency=competency,
            code=f"{code}-1",
            self_ar="أنا أفعل ذلك.",
            self_en="I do it.",
            others_ar="هو يفعل ذلك.",
            others_en="He/She does it.",
        )


def draft_cycle(org: Organisation, slug: str = "spring", **options) -> Cycle:
    ensure_framework()
    today = timezone.localdate()
    options.setdefault("peers_per_employee", 3)
    options.setdefault("assignment_seed", 7)
    return create_cycle(
        slug=slug,
        name_ar="دورة الربيع",
        name_en="Spring cycle",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=14),
        agencies=[org.agency],
        **options,
    )


def open_test_cycle(org: Organisation, slug: str = "spring", **options) -> Cycle:
    return open_cycle(cycle=draft_cycle(org, slug, **options))


def item_codes(cycle: Cycle) -> list[str]:
    return list(Item.objects.filter(competency__framework_id=cycle.framework_id).values_list("code", flat=True))


def answer_everything(assignment: Assignment, score: int | None = 4, comment: str = "") -> None:
    answers = dict.fromkeys(item_codes(assignment.cycle), score)
    submit_response(assignment=assignment, rater=assignment.rater, answers=answers, comment=comment)


def save_some(assignment: Assignment, score: int = 3) -> None:
    codes = item_codes(assignment.cycle)[:2]
    save_draft_response(assignment=assignment, rater=assignment.rater, answers=dict.fromkeys(codes, score))


def closed_cycle_with_results(org: Organisation, slug: str = "spring", **options) -> Cycle:
    """Every assignment answered (the peers with 4, the rest with 3), then closed."""
    cycle = open_test_cycle(org, slug, **options)
    for assignment in cycle.assignments.select_related("rater", "cycle"):
        score = 4 if assignment.relationship == "peer" else 3
        answer_everything(assignment, score=score, comment=f"تعليق من {assignment.relationship}")
    return close_cycle(cycle=Cycle.objects.get(pk=cycle.pk))
