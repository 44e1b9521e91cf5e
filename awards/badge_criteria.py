"""The badges: one registry of definitions and their criteria, as pure functions over plain
data (no ORM, property-tested like ``evaluations.scoring``). ``awards.badges`` reads the
figures from the database in bulk and asks these functions who qualifies.

Criteria (thresholds are the constants below):

- ``five_star_100`` (per season): at least 100 five-star customer ratings of the employee
  submitted in the season. Only ratings that count: anti-gaming discounts bursts and
  probable self-ratings (``evaluations.scoring.is_probable_self_rating``, the one rule the
  standings use too) until HR clears their flag.
- ``on_time`` (per released cycle): the employee had at least one evaluation to write and
  submitted every one of them by the cycle's close date. A declined assignment (declining
  needs a reason and HR sees it) neither counts for nor against; a reopened evaluation that
  is not submitted again fails the criterion.
- ``top_ten_percent`` (per frozen season): a place in the top 10 % of the season's final
  "distinguished employee" standings across all agencies (ranked entries only; at least the
  first place).
- ``strong_360`` (per released cycle): a 360° report whose every shown competency score
  from others (rater groups that met their anonymity thresholds; self never counts) is at
  least 4, with at least one such score.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from evaluations.scoring import in_top_share

FIVE_STAR_THRESHOLD = 100
TOP_SHARE = 0.10
STRONG_360_FLOOR = 4.0

SEASON = "season"
CYCLE = "cycle"

FIVE_STAR_100 = "five_star_100"
ON_TIME = "on_time"
TOP_TEN_PERCENT = "top_ten_percent"
STRONG_360 = "strong_360"


@dataclass(frozen=True)
class BadgeDefinition:
    code: str
    #: What the badge is granted for: one season or one evaluation cycle.
    context: str
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    criteria_ar: str
    criteria_en: str
    #: A static file of the awards app (self-hosted SVG).
    image: str

    def localized(self, field: str, language: str | None) -> str:
        return getattr(self, f"{field}_en" if (language or "ar")[:2] == "en" else f"{field}_ar")


BADGES: dict[str, BadgeDefinition] = {
    badge.code: badge
    for badge in (
        BadgeDefinition(
            code=FIVE_STAR_100,
            context=SEASON,
            name_ar="مئة تقييم بخمس نجوم",
            name_en="A hundred five-star ratings",
            description_ar="حصل الموظف على مئة تقييم أو أكثر بخمس نجوم من المتعاملين خلال الموسم.",
            description_en="The employee received a hundred or more five-star customer ratings in the season.",
            criteria_ar=(
                "مئة تقييم على الأقل بدرجة 5 من 5 للرضا العام خلال الموسم، تُحتسب منها التقييمات المعتمدة فقط: "
                "لا تُحتسب التقييمات التي استبعدها نظام مكافحة التلاعب (التقييمات المتدفقة والتقييمات الذاتية "
                "المرجحة) ما لم تعتمدها الموارد البشرية."
            ),
            criteria_en=(
                "At least 100 customer ratings of 5 out of 5 for overall satisfaction in the season, counted "
                "ratings only: no rating anti-gaming discounted (a burst, a probable self-rating) unless HR "
                "cleared it."
            ),
            image="awards/badges/five_star_100.svg",
        ),
        BadgeDefinition(
            code=ON_TIME,
            context=CYCLE,
            name_ar="كل التقييمات في موعدها",
            name_en="Every evaluation on time",
            description_ar="سلّم الموظف كل تقييمات الدورة المطلوبة منه قبل موعد إغلاقها.",
            description_en="The employee submitted every evaluation asked of them in the cycle before it closed.",
            criteria_ar=(
                "تقييم واحد مطلوب على الأقل في دورة التقييم، وتسليم كل التقييمات المطلوبة في موعد أقصاه تاريخ "
                "إغلاق الدورة. لا يُحتسب التقييم المعتذر عنه بسبب مقبول لصالح الموظف ولا ضده."
            ),
            criteria_en=(
                "At least one evaluation to write in the cycle, and every one of them submitted by the cycle's "
                "close date. A declined evaluation (with its reason) counts neither for nor against."
            ),
            image="awards/badges/on_time.svg",
        ),
        BadgeDefinition(
            code=TOP_TEN_PERCENT,
            context=SEASON,
            name_ar="أفضل 10 ٪ في الموسم",
            name_en="Top 10 % of the season",
            description_ar="جاء الموظف ضمن أفضل عشرة في المئة في الترتيب النهائي لجائزة الموظف المتميز.",
            description_en="The employee finished in the top ten per cent of the distinguished employee standings.",
            criteria_ar=(
                "مركز ضمن أفضل 10 ٪ من الموظفين المصنفين في الترتيب النهائي المعتمد لفئة الموظف المتميز "
                "على مستوى جميع الجهات (المركز الأول على الأقل)."
            ),
            criteria_en=(
                "A place in the top 10 % of the ranked employees in the season's frozen final standings of the "
                "distinguished employee category across all agencies (at least the first place)."
            ),
            image="awards/badges/top_ten_percent.svg",
        ),
        BadgeDefinition(
            code=STRONG_360,
            context=CYCLE,
            name_ar="تقييم 360° دون مجال تطوير دون 4",
            name_en="360° report with no area below 4",
            description_ar="لم تقل أي كفاءة في تقرير التقييم 360° المنشور للموظف عن 4 من 5.",
            description_en="No competency in the employee's released 360° report scored below 4 out of 5.",
            criteria_ar=(
                "تقرير تقييم 360° منشور تبلغ فيه درجة كل كفاءة من الآخرين 4 من 5 على الأقل، وتُحتسب فقط فئات "
                "المقيّمين التي بلغت حد السرية، ولا يُحتسب التقييم الذاتي."
            ),
            criteria_en=(
                "A released 360° report in which every competency's score from others is at least 4 out of 5, "
                "counting only the rater groups that met their anonymity thresholds; self never counts."
            ),
            image="awards/badges/strong_360.svg",
        ),
    )
}


# Customer ratings -----------------------------------------------------------------------


@dataclass(frozen=True)
class RatingFact:
    overall: int
    counted: bool


def five_star_count(groups: Iterable[tuple[RatingFact, int]]) -> int:
    """Five-star ratings that count toward the badge, from groups of alike ratings with
    their number: counted ones only (a burst or a probable self-rating is discounted until
    HR clears it, like everywhere else)."""
    return sum(n for r, n in groups if r.overall == 5 and r.counted)


def has_hundred_five_stars(five_stars: int, threshold: int = FIVE_STAR_THRESHOLD) -> bool:
    return five_stars >= threshold


# Evaluations on time --------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentFact:
    declined: bool
    #: The local date the evaluation was submitted (``None``: not submitted).
    submitted_on: datetime.date | None


def all_on_time(assignments: Iterable[AssignmentFact], closes_on: datetime.date) -> bool:
    """Every evaluation not declined submitted by ``closes_on``, and at least one of them."""
    due = [a for a in assignments if not a.declined]
    return bool(due) and all(a.submitted_on is not None and a.submitted_on <= closes_on for a in due)


# Season standings -----------------------------------------------------------------------


def in_top_ten_percent(rank: int | None, ranked_count: int) -> bool:
    return in_top_share(rank, ranked_count, TOP_SHARE)


# 360° report ----------------------------------------------------------------------------


def no_competency_below(others_scores: Mapping[str, float | None], floor: float = STRONG_360_FLOOR) -> bool:
    """``others_scores``: competency → the shown score from others (``None``: hidden, no
    group met its threshold). At least one shown score, and none below ``floor``."""
    shown = [score for score in others_scores.values() if score is not None]
    return bool(shown) and min(shown) >= floor - 1e-9
