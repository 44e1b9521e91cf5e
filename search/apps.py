from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import checks  # noqa: F401 - registers the system checks
        from search.indexing import register_signal_handlers

        register_signal_handlers()

        from portal import buffered_writes
        from search.services import CLICK_STREAM, QUERY_LOG_STREAM, save_clicks, save_query_logs

        # Registered in this order, so a flush saves the searches before their clicks.
        buffered_writes.register(QUERY_LOG_STREAM, kind=buffered_writes.LATEST, handler=save_query_logs)
        buffered_writes.register(CLICK_STREAM, kind=buffered_writes.LATEST, handler=save_clicks)
