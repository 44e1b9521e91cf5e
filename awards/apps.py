from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from awards import checks  # noqa: F401  (registers the signing key checks)
        from evaluations.signals import customer_ratings_changed

        customer_ratings_changed.connect(_move_tallies, dispatch_uid="awards.move_tallies")

        from wagtail.signals import page_published

        page_published.connect(_announcement_published, dispatch_uid="awards.announcement_published")

        from django.db.models.signals import post_save

        post_save.connect(_season_saved, sender="awards.Season", dispatch_uid="awards.season_saved")
        post_save.connect(_cycle_saved, sender="evaluations.Cycle", dispatch_uid="awards.badges_on_release")

        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_signed_in, dispatch_uid="awards.sign_in_fingerprint")

        from evaluations.signals import cycle_closed, response_reopened, response_submitted

        cycle_closed.connect(_cycle_closed, dispatch_uid="awards.peer_rings_on_close")

        response_submitted.connect(_points_earned, dispatch_uid="awards.points_earned")
        response_reopened.connect(_points_reversed, dispatch_uid="awards.points_reversed")
        post_save.connect(_response_saved, sender="evaluations.Response", dispatch_uid="awards.points_imported")
        from django.db.models.signals import post_delete

        post_save.connect(_assignment_changed, sender="evaluations.Assignment", dispatch_uid="awards.points_assignment")
        post_delete.connect(
            _assignment_changed, sender="evaluations.Assignment", dispatch_uid="awards.points_assignment_gone"
        )


def _move_tallies(sender, *, added=(), removed=(), recounted: bool = False, **kwargs) -> None:
    """Ratings changed: move the tallies, then let anti-gaming discount what it must (which
    moves them back, in the same transaction). Ratings HR just cleared are not re-checked."""
    from awards.antigaming import check_new_ratings
    from awards.services import apply_rating_changes

    apply_rating_changes(added=added, removed=removed)
    if not recounted:
        check_new_ratings(added)


def _announcement_published(sender, instance, **kwargs) -> None:
    from awards.winners import on_announcement_published

    on_announcement_published(instance)


def _season_saved(sender, instance, **kwargs) -> None:
    """A season's settings changed (weights, bands, prior weights): its boards are stale."""
    from awards.services import standings_moved

    standings_moved([instance.pk])


def _cycle_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A cycle was released: the seasons that use its results move (their cached boards are
    dropped and open leaderboards told, after the release commits), and its badges are
    granted once the release commits."""
    if instance.status != "released" or (update_fields is not None and "status" not in update_fields):
        return
    from awards.badges import grant_after_commit
    from awards.models import Season
    from awards.services import standings_moved

    season_ids = list(Season.objects.filter(cycle=instance).values_list("pk", flat=True))
    if season_ids:
        standings_moved(season_ids)
    grant_after_commit(cycle=instance)


def _cycle_closed(sender, *, cycle, **kwargs) -> None:
    """A cycle closed: look for peer rating rings once the close commits."""
    from awards.antigaming import flag_peer_rings_after_commit

    flag_peer_rings_after_commit(cycle=cycle)


def _signed_in(sender, request=None, user=None, **kwargs) -> None:
    from awards.antigaming import record_sign_in

    if request is not None and user is not None:
        from portal.client import client_address

        record_sign_in(user=user, address=client_address(request))


def _points_earned(sender, *, response, **kwargs) -> None:
    """A rater submitted: the response (and perhaps the cycle's bonus) earns points, in the
    submitting transaction."""
    from awards.points import settle_response_points

    settle_response_points(response=response)


def _points_reversed(sender, *, response, reason: str = "", by=None, **kwargs) -> None:
    from awards.points import response_reopened

    response_reopened(response=response, reason=reason, by=by)


def _response_saved(sender, *, instance, **kwargs) -> None:
    """An import saves submitted responses directly (their answers are written after the
    save): their cycle's points are settled in bulk once the import has committed."""
    if instance.status == "submitted":
        _settle_cycle_after_commit(instance.cycle_id)


def _assignment_changed(sender, *, instance, **kwargs) -> None:
    """A declined, added, removed or reassigned evaluation may make a rater's bonus due (or
    no longer due): the cycle is settled once the change has committed."""
    _settle_cycle_after_commit(instance.cycle_id)


def _settle_cycle_after_commit(cycle_id: int) -> None:
    """One bulk settlement per cycle and transaction (a rolled back transaction drops it)."""
    from django.db import connection, transaction

    from awards.points import settle_cycle_points

    pending = getattr(connection, "run_on_commit", None) or []
    if any(getattr(callback, "points_cycle_id", None) == cycle_id for _ids, callback, *_rest in pending):
        return

    def settle() -> None:
        settle_cycle_points(cycle_id=cycle_id)

    settle.points_cycle_id = cycle_id
    transaction.on_commit(settle)
