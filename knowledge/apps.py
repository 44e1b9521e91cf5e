from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from knowledge.signal_handlers import register_signal_handlers

        register_signal_handlers()

        from knowledge.services import PAGE_READS_STREAM, save_page_reads
        from portal import buffered_writes

        buffered_writes.register(PAGE_READS_STREAM, kind=buffered_writes.COUNTER, handler=save_page_reads)
