from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from evaluations.signals import customer_ratings_changed

        customer_ratings_changed.connect(_move_tallies, dispatch_uid="awards.move_tallies")

        from wagtail.signals import page_published

        page_published.connect(_announcement_published, dispatch_uid="awards.announcement_published")

        from django.db.models.signals import post_save

        post_save.connect(_season_saved, sender="awards.Season", dispatch_uid="awards.season_saved")


def _move_tallies(sender, *, added=(), removed=(), recounted: bool = False, **kwargs) -> None:
    from awards.antigaming import check_bursts
    from awards.services import apply_rating_changes

    apply_rating_changes(added=added, removed=removed)
    if not recounted:
        check_bursts([rating for rating in added if getattr(rating, "client_fingerprint", "")])


def _announcement_published(sender, instance, **kwargs) -> None:
    from awards.winners import on_announcement_published

    on_announcement_published(instance)


def _season_saved(sender, instance, **kwargs) -> None:
    """A season's settings changed (weights, bands, prior weights): its boards are stale."""
    from awards.services import standings_moved

    standings_moved([instance.pk])
