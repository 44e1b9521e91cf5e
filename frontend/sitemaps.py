"""Sitemap of public pages only: pages for staff or chosen roles never appear, whoever asks."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest
from wagtail.models import Page, Site

from knowledge.selectors import visible_pages


class PublicPagesSitemap(Sitemap):
    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def items(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        # Every locale's tree: the site root and its translations.
        roots = site.root_page.get_translations(inclusive=True)
        queryset = Page.objects.none()
        for root in roots:
            queryset = queryset | Page.objects.descendant_of(root, inclusive=True)
        return visible_pages(queryset, AnonymousUser()).public().order_by("path").specific()

    def location(self, item: Page) -> str:
        return item.get_url(request=self.request) or ""

    def lastmod(self, item: Page):
        return item.last_published_at
