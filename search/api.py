"""JSON search API: ``GET /api/search/`` and ``GET /api/search/suggest/``.

Parse, call a selector, format. Bad parameters give HTTP 400 with a message in the
reader's language (``?lang``, then the language cookie, then Accept-Language, then
Arabic). Everything under ``/api/`` answers JSON, errors included: an unknown address
404, a wrong method 405 (with ``Allow``), an unexpected failure 500, each as
``{"error": "..."}`` in the reader's language."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext

from search import selectors
from search.backends.base import FACET_FIELDS, SearchUnavailable
from search.forms import SuggestForm
from search.views import SEARCH_UNAVAILABLE_MESSAGE, run_search

logger = logging.getLogger(__name__)

SEARCH_REFERENCE_HEADER = "X-Search-Ref"


def reader_language(request: HttpRequest) -> str:
    """The language for messages: a single valid ``?lang`` wins, else the language cookie,
    then Accept-Language, then Arabic.

    The API lives outside ``i18n_patterns``, where the locale middleware pins every
    unprefixed path to the default language, so it negotiates on its own."""
    codes = {code for code, _name in settings.LANGUAGES}
    requested = {value for value in request.GET.getlist("lang") if value in codes}
    if len(requested) == 1:
        return requested.pop()
    return translation.get_language_from_request(request, check_path=False) or settings.LANGUAGE_CODE


def _json(payload: dict, *, status: int = 200, language: str) -> JsonResponse:
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Accept-Language, Cookie"
    return response


def _error(*, field: str, message: str, language: str) -> JsonResponse:
    return _json({"error": message, "field": field}, status=400, language=language)


def api_error(request: HttpRequest, *, status: int, message: Callable[[], str]) -> JsonResponse:
    """``{"error": message}`` with ``status``, the message in the reader's language."""
    language = reader_language(request)
    with translation.override(language):
        return _json({"error": message()}, status=status, language=language)


def json_endpoint(*methods: str) -> Callable:
    """An API view that answers only ``methods`` (any, when none are named; 405 JSON with
    ``Allow`` otherwise) and turns ``Http404`` and any unexpected exception into JSON (404,
    500, logged)."""
    allowed = {method.upper() for method in methods}
    if "GET" in allowed:
        allowed.add("HEAD")

    def decorator(view: Callable[..., JsonResponse]) -> Callable[..., JsonResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> JsonResponse:
            if allowed and request.method not in allowed:
                response = api_error(
                    request,
                    status=405,
                    message=lambda: (
                        gettext("This address does not accept %(method)s requests.") % {"method": request.method}
                    ),
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                return view(request, *args, **kwargs)
            except Http404:
                return api_error(request, status=404, message=lambda: gettext("Nothing is found at this address."))
            except Exception:
                logger.exception("API request failed: %s", request.path)
                return api_error(
                    request,
                    status=500,
                    message=lambda: gettext("Something went wrong on our side. Please try again later."),
                )

        return wrapper

    return decorator


@json_endpoint()
def not_found(request: HttpRequest, unknown_path: str = "") -> JsonResponse | HttpResponsePermanentRedirect:
    """Any other address under ``/api/``; the missing slash of a real one is added first."""
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    raise Http404


def _unavailable(*, language: str) -> JsonResponse:
    response = _json({"error": str(SEARCH_UNAVAILABLE_MESSAGE), "field": None}, status=503, language=language)
    response["Retry-After"] = "30"
    return response


def results_payload(results: selectors.KnowledgeSearchResults) -> dict:
    return {
        "query": results.query,
        "count": results.count,
        "results": [
            {
                "slug": hit.slug,
                "locale": hit.locale,
                "title": hit.title,
                "url": hit.url,
                "type": hit.type,
                "snippet": hit.snippet,
                "score": float(hit.score),
            }
            for hit in results.hits
        ],
        "facets": {name: dict(results.facets.get(name, {})) for name in FACET_FIELDS},
        "suggestion": results.suggestion or None,
        "unmatched": list(results.unmatched),
    }


@json_endpoint("GET")
def search(request: HttpRequest) -> JsonResponse:
    language = reader_language(request)
    with translation.override(language):
        try:
            results, reference = run_search(request, language=language)
        except selectors.InvalidSearchParams as error:
            return _error(field=error.field, message=error.message, language=language)
        except SearchUnavailable:
            logger.exception("Search engine unavailable")
            return _unavailable(language=language)
        response = _json(results_payload(results), language=language)
    if reference:
        # Lets the page's script tie result clicks to this search without changing the body.
        response[SEARCH_REFERENCE_HEADER] = reference
    return response


@json_endpoint("GET")
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles completing ``q`` (2 characters or more) among pages the reader may see."""
    language = reader_language(request)
    with translation.override(language):
        form = SuggestForm(data=request.GET)
        if not form.is_valid():
            field, message = form.first_error()
            return _error(field=field, message=message, language=language)
        prefix = form.cleaned_data["q"]
        try:
            hits = selectors.autocomplete(user=request.user, prefix=prefix, language=form.cleaned_data["lang"] or None)
        except SearchUnavailable:
            logger.exception("Search engine unavailable")
            return _unavailable(language=language)
        payload = {
            "query": prefix,
            "suggestions": [
                {"title": hit.title, "url": hit.url, "type": hit.type, "locale": hit.locale} for hit in hits
            ],
        }
        return _json(payload, language=language)
