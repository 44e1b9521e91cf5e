"""RSS feed of public announcements (staff-only ones never appear)."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from knowledge.models import AnnouncementPage
from knowledge.selectors import visible_pages


class AnnouncementsFeed(Feed):
    title = _("Tamayuz announcements")
    description = _("News and award announcements from the customer-service excellence portal.")

    def get_object(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return None

    def link(self) -> str:
        return "/"

    def items(self):
        locale = Locale.objects.filter(language_code=get_language()).first()
        # What an anonymous reader may read (feed readers do not sign in).
        queryset = visible_pages(AnnouncementPage.objects.all(), AnonymousUser()).public()
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset.order_by("-date", "-first_published_at")[:20]

    def item_title(self, item: AnnouncementPage) -> str:
        return item.title

    def item_description(self, item: AnnouncementPage) -> str:
        return item.summary

    def item_link(self, item: AnnouncementPage) -> str:
        return item.get_url(request=self.request) or "/"

    def item_pubdate(self, item: AnnouncementPage) -> datetime.datetime:
        """The announcement's own date (midnight, local time), not when it was loaded or published."""
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))
