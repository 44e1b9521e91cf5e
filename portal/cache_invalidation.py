"""What replaces the content version (``portal.content_version``): every change to what
public pages show. Signals, so every writer is covered: the admin, workflows, the
``publish_scheduled`` and ``import_knowledge`` commands, the demo loader. With front-end
cache purging configured (``WAGTAILFRONTENDCACHE``), the same changes purge a CDN or
proxy (``portal.frontend_purge``): a page and the pages listing it, or everything."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from portal import content_version, frontend_purge

#: Models (app_label.ModelName) that pages show or search serves, beside pages themselves.
CONTENT_MODELS = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "portal.Agency",
    "portal.DigitSettings",
    "knowledge.Channel",
    "knowledge.Topic",
    "knowledge.RelatedPage",
    "search.Synonym",
    "search.PromotedResult",
)


def _media_model_labels() -> list[str]:
    """Rich text links documents (``document-link``) by a URL holding the file's name: a
    replaced file changes it. (Page bodies show no images: the editor has no image feature.)"""
    from wagtail.documents import get_document_model_string

    return [get_document_model_string()]


#: The award standings' own models change the leaderboard's version (awards.standings).
LEADERBOARD_MODELS = ("awards.Season", "awards.AwardWinner")


def _content_changed(sender=None, **kwargs) -> None:
    content_version.bump(content_version.CONTENT)
    frontend_purge.purge_everything()


def _page_published_or_unpublished(sender=None, instance=None, **kwargs) -> None:
    content_version.bump(content_version.CONTENT)
    if instance is not None:
        frontend_purge.purge_page(instance)


def _leaderboard_changed(sender=None, **kwargs) -> None:
    content_version.bump(content_version.LEADERBOARD)


def _page_saved_or_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        content_version.bump(content_version.CONTENT)


def _page_deleted(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        content_version.bump(content_version.CONTENT)
        # A live page's listings change; a draft's deletion shows nowhere.
        if instance.live:
            frontend_purge.purge_page(instance)


#: User fields public pages show: a page names its content owner
#: (``User.display_name``). Nothing else about a user reaches a page an anonymous reader
#: gets (signed-in readers' pages are never cached).
USER_FIELDS_SHOWN = frozenset({"username", "first_name", "last_name", "full_name_ar", "full_name_en"})
_SHOWN_CHANGED = "_content_version_shown_fields_changed"


def _user_saving(sender, instance=None, raw=False, update_fields=None, **kwargs) -> None:
    """Before a full save of an existing user, note whether a shown field changes (one
    query): a sign-in, a password change or the organisation import's linking touch none."""
    if raw or instance is None or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None:
        setattr(instance, _SHOWN_CHANGED, bool(USER_FIELDS_SHOWN & set(update_fields)))
        return
    before = sender._default_manager.filter(pk=instance.pk).values(*USER_FIELDS_SHOWN).first()
    changed = before is None or any(before[name] != getattr(instance, name) for name in USER_FIELDS_SHOWN)
    setattr(instance, _SHOWN_CHANGED, changed)


def _user_saved(sender, instance=None, created=False, **kwargs) -> None:
    """A new user owns no page yet; an existing one changes pages only through the name
    they show as content owner."""
    if created or instance is None:
        return
    if getattr(instance, _SHOWN_CHANGED, True):
        content_version.bump(content_version.CONTENT)
        frontend_purge.purge_everything()
    instance.__dict__.pop(_SHOWN_CHANGED, None)


def register_signal_handlers() -> None:
    from django.apps import apps

    uid = "portal_content_version"
    # Every page model sends its own post_save/post_delete: listen to all senders.
    post_save.connect(_page_saved_or_deleted, dispatch_uid=f"{uid}_page_saved")
    post_delete.connect(_page_deleted, dispatch_uid=f"{uid}_page_deleted")
    m2m_changed.connect(_page_saved_or_deleted, dispatch_uid=f"{uid}_page_m2m")
    page_published.connect(_page_published_or_unpublished, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(_page_published_or_unpublished, dispatch_uid=f"{uid}_unpublished")
    # A move or a new slug changes the addresses of a whole subtree: purge everything.
    post_page_move.connect(_content_changed, dispatch_uid=f"{uid}_moved")
    page_slug_changed.connect(_content_changed, dispatch_uid=f"{uid}_slug")
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    pre_save.connect(_user_saving, sender=user_model, dispatch_uid=f"{uid}_user_saving")
    post_save.connect(_user_saved, sender=user_model, dispatch_uid=f"{uid}_user_saved")
    # A deleted owner leaves their pages without an owner (a queryset update: no page signal).
    post_delete.connect(_content_changed, sender=user_model, dispatch_uid=f"{uid}_user_deleted")
    content_labels = [*CONTENT_MODELS, *_media_model_labels()]
    for label, handler in [(label, _content_changed) for label in content_labels] + [
        (label, _leaderboard_changed) for label in LEADERBOARD_MODELS
    ]:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(handler, sender=model, dispatch_uid=f"{uid}_{label}_saved")
        post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}_{label}_deleted")
