"""Locale-aware display of dates and numbers, and the one digit convention of Arabic pages.

Dates use the locale's month names and formats (from Django's format modules and
``frontend/formats``, never a per-language format string in a template): "5 مارس 2026" in
Arabic (no comma, standard month spellings), "5 March 2026" in English.

Arabic pages use ONE digit convention, chosen per site in the Wagtail admin (Settings →
Digits, ``portal.models.DigitSettings``): ``"western"`` (0123456789, the default, as most
Gulf government sites write) or ``"arabic-indic"`` (٠١٢٣٤٥٦٧٨٩). Interface values (dates,
counts, page numbers) follow it through :func:`localize_digits`, and page content follows
it through :class:`frontend.middleware.PageDigitsMiddleware`, which applies
:func:`localize_digits` to the text of every Arabic page. English pages always use Western
digits.

The setting is read once per request: the middleware makes the request current
(:func:`request_scope`) and the first lookup keeps the answer on the request. Outside a
request (commands, consumers) each lookup reads the default site's setting."""

from __future__ import annotations

import contextlib
import datetime
import re
from collections.abc import Iterator
from contextvars import ContextVar

from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import get_language

WESTERN, ARABIC_INDIC = "western", "arabic-indic"
DIGIT_CONVENTIONS = (WESTERN, ARABIC_INDIC)

ASCII_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

_ANY_DIGIT = re.compile(r"[\d\u066b\u066c]")
_TO_WESTERN = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS + "\u066b\u066c", ASCII_DIGITS * 2 + ".,")
_TO_ARABIC_INDIC = str.maketrans(ASCII_DIGITS + PERSIAN_DIGITS, ARABIC_INDIC_DIGITS * 2)


def _language(language: str | None) -> str:
    return (language or get_language() or "ar")[:2]


#: The request being served, whose site's setting applies (set by the middleware).
_current_request: ContextVar[HttpRequest | None] = ContextVar("frontend_digits_request", default=None)
#: Where the convention is kept on a request once looked up.
_REQUEST_ATTRIBUTE = "_portal_arabic_digits"


@contextlib.contextmanager
def request_scope(request: HttpRequest) -> Iterator[None]:
    """Format for ``request``'s site while serving it."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def without_database(request: HttpRequest) -> None:
    """For pages rendered when the database may be down (the 500 page): the convention
    already read for ``request``, else the default, so formatting never queries."""
    if getattr(request, _REQUEST_ATTRIBUTE, None) is None:
        setattr(request, _REQUEST_ATTRIBUTE, WESTERN)


def _site_convention(site) -> str:
    """The setting saved for ``site``; the default when none was saved (never written on a
    reader's request: no ``get_or_create`` here)."""
    from portal import content_version
    from portal.models import DigitSettings

    if site is None:
        return WESTERN

    def read() -> str:
        saved = DigitSettings.objects.filter(site=site).values_list("arabic_digits", flat=True).first()
        return saved if saved in DIGIT_CONVENTIONS else WESTERN

    # Kept under the content version, which a change of the setting replaces.
    return content_version.cached(("digits", site.pk), read)


def arabic_digit_convention() -> str:
    """The site's digit convention for Arabic pages (the ``DigitSettings`` site setting)."""
    from wagtail.models import Site

    from portal import content_version

    request = _current_request.get()
    if request is None:
        return content_version.cached(
            ("arabic-digits", None), lambda: _site_convention(Site.objects.filter(is_default_site=True).first())
        )
    convention = getattr(request, _REQUEST_ATTRIBUTE, None)
    if convention is None:
        convention = _request_site_convention(request)
        setattr(request, _REQUEST_ATTRIBUTE, convention)
    return convention


def _request_site_convention(request: HttpRequest) -> str:
    """The setting of the site serving ``request``, kept in the process per host under the
    content version (a change to a site or to the setting replaces it): two queries saved
    on every Arabic page (the customer feedback form is served to every customer)."""
    from django.core.exceptions import DisallowedHost
    from wagtail.models import Site

    from portal import content_version

    try:
        host = request.get_host()
    except DisallowedHost:
        return _site_convention(Site.find_for_request(request))
    return content_version.cached(
        ("arabic-digits", request.scheme, host), lambda: _site_convention(Site.find_for_request(request))
    )


def digit_table(language: str | None = None) -> dict[int, int]:
    """The translation table that puts text in the language's digit convention."""
    if _language(language) == "ar" and arabic_digit_convention() == ARABIC_INDIC:
        return _TO_ARABIC_INDIC
    return _TO_WESTERN


def localize_digits(value, language: str | None = None) -> str:
    """``value`` as text with every digit in the language's convention (Western, or
    Arabic-Indic on Arabic pages when the site chooses it)."""
    text = "" if value is None else str(value)
    if not _ANY_DIGIT.search(text):
        return text  # nothing to convert: the setting is not even looked up
    return text.translate(digit_table(language))


def format_date(value, format_name: str = "DATE_FORMAT", language: str | None = None) -> str:
    """A date (or datetime, shown in the portal's time zone) in the language's format:
    "5 مارس 2026" in Arabic, "5 March 2026" in English."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return localize_digits(formats.date_format(value, format_name, use_l10n=True), language)


def format_number(value, language: str | None = None, *, decimal_pos: int | None = None) -> str:
    """A number with the language's grouping and digits: "12,345" with Western digits,
    "١٢٬٣٤٥" with Arabic-Indic ones (the Arabic separators go with Arabic-Indic digits)."""
    if value in (None, ""):
        return ""
    return localize_digits(
        formats.number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True), language
    )
