"""One digit convention on every Arabic page: the page's text (interface and content alike)
is written in the site's convention (``frontend.formatting.arabic_digit_convention``,
looked up once per request while the request is current)."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from frontend.formatting import _TO_WESTERN, digit_table, localize_digits, request_scope

#: Tags, and the raw-text elements whose content is code or user input, never page text.
_MARKUP = re.compile(
    r"(<script\b.*?</script>|<style\b.*?</style>|<textarea\b.*?</textarea>|<pre\b.*?</pre>|<code\b.*?</code>"
    r"|<!--.*?-->|<[^>]*>)",
    re.IGNORECASE | re.DOTALL,
)
#: Only the public site: the Wagtail and Django admins keep their own formatting.
_SKIPPED_PREFIXES = ("/admin/", "/django-admin/")


#: What the Western convention changes: Arabic-Indic and Persian digits and separators.
_NOT_WESTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]")


#: Any digit at all: a page without one (a redirect's empty body) needs no convention.
_ANY_DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")


def localize_page_digits(html: str, language: str) -> str:
    """``html`` with every digit of its text (not of its markup) in the language's convention."""
    if not _ANY_DIGIT.search(html):
        return html  # nothing to convert: not even the setting is looked up
    if digit_table(language) is _TO_WESTERN and not _NOT_WESTERN.search(html):
        return html  # nothing to change (the usual case): no split of the whole page
    parts = _MARKUP.split(html)
    return "".join(part if index % 2 else localize_digits(part, language) for index, part in enumerate(parts))


class PageDigitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_scope(request):
            return self._localized(request, self.get_response(request))

    def _localized(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if (
            getattr(request, "LANGUAGE_CODE", "")[:2] == "ar"
            and not request.path.startswith(_SKIPPED_PREFIXES)
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset or "utf-8"
            response.content = localize_page_digits(response.content.decode(charset), "ar").encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
