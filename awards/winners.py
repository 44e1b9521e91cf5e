"""Season end: shortlists drafted from the frozen standings, winners approved by
Leadership with a citation, and the announcement that goes through the editorial workflow
and, once published, reaches every open leaderboard and screen as a banner."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import live, permissions
from awards.categories import CATEGORIES
from awards.models import AwardWinner, Season, StandingSnapshot
from awards.standings import bands_of
from knowledge.services import draft_announcement

APPROVE_ACTION = "awards.approve_winner"
SHORTLIST_SIZE = 3


@dataclass(frozen=True)
class Candidate:
    key: str
    name_ar: str
    name_en: str
    rank: int
    score: float | None
    stars: int | None
    ratings: int
    trend: float | None


@dataclass(frozen=True)
class Shortlist:
    category: str
    band: str
    candidates: tuple[Candidate, ...]
    winner: AwardWinner | None


def _names(season: Season, category: str, band: str) -> dict[str, tuple[str, str]]:
    from awards.standings import board

    return {
        entry.key: (entry.name_ar, entry.name_en)
        for entry in board(season=season, category=category, band=band or None).entries
    }


def shortlists(*, season: Season) -> list[Shortlist]:
    """Each category's (and band's) best entries of the season's frozen final standings,
    with the evidence: score, stars, sample size and the trend over the season."""
    winners = {(w.category, w.band): w for w in season.winners.all()}
    result = []
    for category in CATEGORIES:
        for band in bands_of(season, category):
            band_key = band or ""
            finals = list(
                StandingSnapshot.objects.filter(
                    season=season, category=category, band=band_key, final=True, rank__isnull=False
                ).order_by("rank")[:SHORTLIST_SIZE]
            )
            if not finals:
                continue
            # Newest first, so each key keeps its earliest standing of the season.
            first = dict(
                StandingSnapshot.objects.filter(
                    season=season, category=category, band=band_key, final=False, key__in=[f.key for f in finals]
                )
                .order_by("-taken_on")
                .values_list("key", "composite")
            )
            names = _names(season, category, band_key)
            result.append(
                Shortlist(
                    category=category,
                    band=band_key,
                    candidates=tuple(
                        Candidate(
                            key=final.key,
                            name_ar=names.get(final.key, (final.key, final.key))[0],
                            name_en=names.get(final.key, (final.key, final.key))[1],
                            rank=final.rank,
                            score=final.composite,
                            stars=final.stars,
                            ratings=final.ratings,
                            trend=None
                            if final.composite is None or first.get(final.key) is None
                            else final.composite - first[final.key],
                        )
                        for final in finals
                    ),
                    winner=winners.get((category, band_key)),
                )
            )
    return result


def _announcement_texts(winner: AwardWinner) -> tuple[dict, dict, dict]:
    titles, summaries, bodies = {}, {}, {}
    category = CATEGORIES[winner.category]
    for language in ("ar", "en"):
        with translation.override(language):
            name = winner.localized_name(language)
            season_name = winner.season.localized_name(language)
            titles[language] = _("%(category)s: %(name)s") % {"category": category.label, "name": name}
            summaries[language] = _("Winner of the customer-service award, %(season)s.") % {"season": season_name}
            bodies[language] = "".join(
                [
                    f"<p>{escape(winner.localized_citation(language))}</p>",
                    "<p>"
                    + escape(
                        _("Score %(score)s out of 100 from %(ratings)s customer ratings.")
                        % {
                            "score": f"{winner.score:.1f}" if winner.score is not None else "—",
                            "ratings": winner.ratings,
                        }
                    )
                    + "</p>",
                ]
            )
    return titles, summaries, bodies


@transaction.atomic
def approve_winner(
    *, season: Season, category: str, band: str, key: str, citation_ar: str, citation_en: str, by
) -> AwardWinner:
    """Leadership approves a winner: recorded, logged, and an announcement drafted in both
    languages and sent to the editorial workflow."""
    if not permissions.can_approve_winners(by):
        raise PermissionDenied(_("Only Leadership approves award winners."))
    if not season.is_frozen:
        raise ValidationError(_("Winners are approved once the season's standings are frozen."))
    if not citation_ar.strip() or not citation_en.strip():
        raise ValidationError(_("Write the citation in Arabic and in English."))
    candidate = next(
        (
            c
            for shortlist in shortlists(season=season)
            if (shortlist.category, shortlist.band) == (category, band)
            for c in shortlist.candidates
            if c.key == key
        ),
        None,
    )
    if candidate is None:
        raise ValidationError(_("Only a shortlisted entry of this category can win it."))
    if AwardWinner.objects.filter(season=season, category=category, band=band).exists():
        raise ValidationError(_("This award already has a winner."))
    winner = AwardWinner.objects.create(
        season=season,
        category=category,
        band=band,
        key=key,
        name_ar=candidate.name_ar,
        name_en=candidate.name_en,
        score=candidate.score,
        stars=candidate.stars,
        ratings=candidate.ratings,
        citation_ar=citation_ar.strip(),
        citation_en=citation_en.strip(),
        approved_by=by,
    )
    titles, summaries, bodies = _announcement_texts(winner)
    pages = draft_announcement(
        titles=titles,
        summaries=summaries,
        bodies=bodies,
        slug=f"award-{season.slug}-{category}-{band or 'all'}".replace("_", "-")[:80],
        by=by,
    )
    winner.announcement = pages["ar"]
    winner.save(update_fields=["announcement"])
    log(instance=season, action=APPROVE_ACTION, user=by, data={"category": category, "band": band, "key": key})
    return winner


def on_announcement_published(page) -> None:
    """A published award announcement (either language): mark the award announced and put
    a banner on every open leaderboard and screen, after the transaction commits."""
    winner = (
        AwardWinner.objects.filter(announcement__translation_key=page.translation_key).select_related("season").first()
    )
    if winner is None:
        return
    if winner.announced_at is None:
        AwardWinner.objects.filter(pk=winner.pk).update(announced_at=timezone.now())
    url = page.get_url() or ""
    # Each language's live, public translation (a reader is sent to their own language's).
    urls = {
        localized.locale.language_code: localized.get_url() or ""
        for localized in page.get_translations(inclusive=True).live().public()
    }
    titles, _summaries, _bodies = _announcement_texts(winner)

    def announce() -> None:
        from portal import content_version

        # The cached leaderboard pages now show the winner's banner.
        content_version.bump_now(content_version.LEADERBOARD)
        live.announce_award(title_ar=titles["ar"], title_en=titles["en"], url=url, urls=urls)

    transaction.on_commit(announce)


#: Days a published award stays on the leaderboards and display screens as a banner.
RECENT_ANNOUNCEMENT_DAYS = 7


@dataclass(frozen=True)
class AnnouncementBanner:
    title: str
    url: str


def recent_announcements(*, now=None) -> list[AnnouncementBanner]:
    """Awards announced in the last :data:`RECENT_ANNOUNCEMENT_DAYS` days whose announcement
    page is live and public, in the reader's language (its own translation when there is
    one), newest first. Kept in the process under the content and leaderboard versions (an
    announcement or a publication replaces them) and the day, per language."""
    from django.utils.translation import get_language

    from portal import content_version

    if now is not None:
        return _recent_announcements(now)
    return content_version.cached(
        ("awards:announcements", get_language(), timezone.localdate().isoformat()),
        lambda: _recent_announcements(None),
        scopes=(content_version.CONTENT, content_version.LEADERBOARD),
    )


def _recent_announcements(now) -> list[AnnouncementBanner]:
    from datetime import timedelta

    from wagtail.models import Page

    since = (now or timezone.now()) - timedelta(days=RECENT_ANNOUNCEMENT_DAYS)
    recent = list(
        AwardWinner.objects.filter(announced_at__gte=since, announcement__isnull=False)
        .select_related("announcement")
        .order_by("-announced_at", "pk")
    )
    pages = [winner.announcement.localized for winner in recent]
    public = set(Page.objects.live().public().filter(pk__in=[page.pk for page in pages]).values_list("pk", flat=True))
    return [AnnouncementBanner(title=page.title, url=page.get_url() or "") for page in pages if page.pk in public]


def hall_of_fame() -> list[AwardWinner]:
    """Every announced winner of every season, newest season first."""
    return list(AwardWinner.objects.filter(announced_at__isnull=False).select_related("season"))
