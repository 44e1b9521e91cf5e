"""manage.py awards …: seasons and standings from the command line, through the same
services as the admin.

  awards season create SLUG --name-ar … --name-en … --starts DATE --ends DATE [--cycle SLUG] [--current]
  awards season current SLUG
  awards recompute [--season SLUG] [--force]
                                       rebuild running tallies from the ratings; report differences
                                       (a frozen season only with --force; its final standings stay)
  awards snapshot [--season SLUG]      store today's standings (movement, sparklines); daily from cron
  awards freeze                        freeze the standings of every season that has ended
  awards badges grant [--season SLUG] [--cycle SLUG]
                                       grant the badges whose criteria are met (idempotent)
  awards flags [--cycle SLUG]          look for peer rating rings in a closed or released cycle
                                       and flag the new ones for HR; without --cycle, in every
                                       such cycle, and apply the self-rating rule to the open
                                       seasons' counted customer ratings
  awards points recompute --check|--fix [--cycle SLUG]
                                       check every submitted evaluation holds exactly its due
                                       rater points (exit 1 on a difference); --fix appends
                                       the entries that settle each difference
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from awards import services
from awards.models import Season


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value}) from error


class Command(BaseCommand):
    help = (
        "Award seasons and standings: season create|current, recompute, snapshot, freeze, badges grant, "
        "flags, points recompute."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        season = actions.add_parser("season").add_subparsers(dest="season_action", required=True)
        create = season.add_parser("create")
        create.add_argument("slug")
        create.add_argument("--name-ar", required=True)
        create.add_argument("--name-en", required=True)
        create.add_argument("--starts", required=True)
        create.add_argument("--ends", required=True)
        create.add_argument("--cycle", help="the evaluation cycle whose released results count")
        create.add_argument("--current", action="store_true", help="make it the current season")
        current = season.add_parser("current")
        current.add_argument("slug")
        for name in ("recompute", "snapshot"):
            sub = actions.add_parser(name)
            sub.add_argument("--season", help="one season (default: every season not frozen)")
            if name == "recompute":
                sub.add_argument(
                    "--force",
                    action="store_true",
                    help="rebuild a frozen season's tallies too (its final standings never change)",
                )
        actions.add_parser("freeze")
        badges = actions.add_parser("badges").add_subparsers(dest="badges_action", required=True)
        grant = badges.add_parser("grant")
        grant.add_argument("--season", help="one season (default: every season and released cycle)")
        grant.add_argument("--cycle", help="one released evaluation cycle")
        flags = actions.add_parser("flags")
        flags.add_argument("--cycle", help="one closed or released evaluation cycle (default: every one)")
        points = actions.add_parser("points").add_subparsers(dest="points_action", required=True)
        points_recompute = points.add_parser("recompute")
        mode = points_recompute.add_mutually_exclusive_group(required=True)
        mode.add_argument("--check", action="store_true", help="report differences only")
        mode.add_argument("--fix", action="store_true", help="append the entries that settle each difference")
        points_recompute.add_argument("--cycle", help="one evaluation cycle (default: every cycle)")

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"handle_{action}")(**options)

    def _season(self, slug: str) -> Season:
        season = Season.objects.filter(slug=slug).first()
        if season is None:
            raise CommandError(_("Unknown season “%(season)s”.") % {"season": slug})
        return season

    def handle_season(self, *, season_action: str, **options) -> None:
        if season_action == "current":
            try:
                season = services.set_current_season(season=self._season(options["slug"]))
            except services.SeasonError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(_("The current season is now “%(season)s”.") % {"season": season})
            return
        cycle = None
        if options.get("cycle"):
            from evaluations.models import Cycle

            cycle = Cycle.objects.filter(slug=options["cycle"]).first()
            if cycle is None:
                raise CommandError(_("Unknown cycle “%(cycle)s”.") % {"cycle": options["cycle"]})
        try:
            season = services.create_season(
                slug=options["slug"],
                name_ar=options["name_ar"],
                name_en=options["name_en"],
                starts_on=_date(options["starts"]),
                ends_on=_date(options["ends"]),
                cycle=cycle,
                make_current=options["current"],
            )
        except services.SeasonError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Season “%(season)s” created.") % {"season": season}))

    def _seasons(self, slug: str | None):
        if slug:
            return [self._season(slug)]
        return list(Season.objects.filter(frozen_at__isnull=True))

    def handle_recompute(self, *, season: str | None = None, force: bool = False, **options) -> None:
        for item in self._seasons(season):
            try:
                report = services.recompute_season(season=item, force=force)
            except services.SeasonError as error:
                raise CommandError(str(error)) from error
            for line in report.differences:
                self.stdout.write(self.style.WARNING(line))
            self.stdout.write(
                _("%(season)s: %(tallies)s entries rebuilt, %(differences)s differences.")
                % {"season": item.slug, "tallies": report.tallies, "differences": len(report.differences)}
            )

    def handle_snapshot(self, *, season: str | None = None, **options) -> None:
        for item in self._seasons(season):
            try:
                count = services.take_snapshots(season=item)
            except services.SeasonError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(_("%(season)s: %(count)s standings stored.") % {"season": item.slug, "count": count})

    def handle_freeze(self, **options) -> None:
        frozen = services.freeze_ended_seasons()
        for season in frozen:
            self.stdout.write(_("Standings of “%(season)s” frozen.") % {"season": season})
        if not frozen:
            self.stdout.write(_("No season to freeze."))

    def handle_badges(self, *, badges_action: str, season: str | None = None, cycle: str | None = None, **options):
        from awards.badges import grant_badges
        from evaluations.models import Cycle

        chosen_cycle = None
        if cycle:
            chosen_cycle = Cycle.objects.filter(slug=cycle).first()
            if chosen_cycle is None:
                raise CommandError(_("Unknown cycle “%(cycle)s”.") % {"cycle": cycle})
        report = grant_badges(season=self._season(season) if season else None, cycle=chosen_cycle)
        for badge, count in sorted(report.granted.items()):
            if count:
                self.stdout.write(_("%(badge)s: %(count)s granted.") % {"badge": badge, "count": count})
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)s badge granted.", "%(count)s badges granted.", report.total)
                % {"count": report.total}
            )
        )

    def handle_flags(self, *, cycle: str | None = None, **options) -> None:
        from awards.antigaming import flag_peer_rings
        from evaluations.models import Cycle

        finished = Cycle.objects.filter(status__in=(Cycle.Status.CLOSED, Cycle.Status.RELEASED))
        if cycle:
            chosen = Cycle.objects.filter(slug=cycle).first()
            if chosen is None:
                raise CommandError(_("Unknown cycle “%(cycle)s”.") % {"cycle": cycle})
            if not finished.filter(pk=chosen.pk).exists():
                raise CommandError(
                    _("The cycle “%(cycle)s” is not closed yet: its evaluations are still coming in.")
                    % {"cycle": cycle}
                )
            cycles = [chosen]
        else:
            cycles = list(finished.order_by("closes_on", "slug"))
        for item in cycles:
            flags = flag_peer_rings(cycle=item)
            self.stdout.write(
                ngettext(
                    "%(cycle)s: %(count)s new peer ring flagged.",
                    "%(cycle)s: %(count)s new peer rings flagged.",
                    len(flags),
                )
                % {"cycle": item.slug, "count": len(flags)}
            )
        if not cycle:
            from awards.antigaming import sweep_self_ratings

            held = sum(len(flag.rating_ids) for flag in sweep_self_ratings())
            self.stdout.write(
                ngettext(
                    "%(count)s probable self-rating discounted and flagged.",
                    "%(count)s probable self-ratings discounted and flagged.",
                    held,
                )
                % {"count": held}
            )

    def handle_points(self, *, points_action: str, fix: bool = False, cycle: str | None = None, **options) -> None:
        from awards.points import recompute_points
        from evaluations.models import Cycle

        chosen = None
        if cycle:
            chosen = Cycle.objects.filter(slug=cycle).first()
            if chosen is None:
                raise CommandError(_("Unknown cycle “%(cycle)s”.") % {"cycle": cycle})
        report = recompute_points(cycle=chosen, fix=fix)
        for line in report.differences:
            self.stdout.write(self.style.WARNING(line))
        self.stdout.write(
            _("Evaluations checked: %(checked)s · differences: %(differences)s · entries appended: %(appended)s.")
            % {"checked": report.checked, "differences": len(report.differences), "appended": report.appended}
        )
        if report.differences and not fix:
            raise CommandError(_("The raters' points differ from what is due; run with --fix to correct them."))
