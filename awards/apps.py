from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from evaluations.signals import customer_ratings_changed

        customer_ratings_changed.connect(_move_tallies, dispatch_uid="awards.move_tallies")


def _move_tallies(sender, *, added=(), removed=(), **kwargs) -> None:
    from awards.services import apply_rating_changes

    apply_rating_changes(added=added, removed=removed)
