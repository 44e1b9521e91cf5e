from __future__ import annotations

from wagtail.signals import page_published

from knowledge import services


def _page_published(sender, instance, **kwargs) -> None:
    services.on_page_published(instance)


def register_signal_handlers() -> None:
    page_published.connect(_page_published, dispatch_uid="knowledge_page_published")
