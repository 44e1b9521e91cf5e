"""The search page, result-click tracking and "was this helpful?" feedback.

Views parse the request, call a selector or service, and render. The page works
without JavaScript; search.js upgrades it to instant results through the JSON API."""

from __future__ import annotations

import logging
import math
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from portal.client import client_address
from search import selectors, services
from search.backends.base import SearchUnavailable
from search.forms import MAX_PAGE, PageFeedbackForm

logger = logging.getLogger(__name__)

#: Shown (and returned by the API) when the search engine does not answer.
SEARCH_UNAVAILABLE_MESSAGE = gettext_lazy("Search is unavailable for a moment. Please try again shortly.")

#: ``?source=report``: a search opened from an analytics report, not logged again.
REPORT_SOURCE = "report"


def run_search(request: HttpRequest, *, language: str) -> tuple[selectors.KnowledgeSearchResults, str | None]:
    """Search for the reader and log the search (first page only, without identity).

    Returns the results and the click reference that ties result clicks to the log."""
    params = selectors.clean_search_params(request.GET)
    burst_key = selectors.clean_burst_key(request.GET.get("burst", ""))
    results = services.search_knowledge(user=request.user, params=params, language=language)
    if params.page == 1 and request.GET.get("source") != REPORT_SOURCE:
        log_key = services.log_query(
            query=results.query,
            normalized_query=results.normalized_query,
            language=language,
            result_count=results.count,
            burst_key=burst_key,
        )
        return results, services.click_reference(log_key)
    reference = request.GET.get("ref")
    return results, reference if services.query_log_key_from_reference(reference) is not None else None


# --- The search page ------------------------------------------------------------------


def _url_with(request: HttpRequest, changes: dict[str, list[str] | str | None], *, keep_page: bool = False) -> str:
    params = request.GET.copy()
    if not keep_page:
        params.pop("page", None)
        params.pop("ref", None)
    for key, value in changes.items():
        if value is None or value == []:
            params.pop(key, None)
        elif isinstance(value, list):
            params.setlist(key, value)
        else:
            params[key] = value
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def _facet_groups(request: HttpRequest, results: selectors.KnowledgeSearchResults, labels: dict) -> list[dict]:
    titles = {
        "type": _("Type"),
        "channel": _("Channel"),
        "agency": _("Agency"),
        "lang": _("Language"),
    }
    params = results.params
    selected_by_field = {
        "type": params.types,
        "channel": params.channels,
        "agency": params.agencies,
        "lang": params.languages,
    }
    groups = []
    for name, title in titles.items():
        counts = dict(results.facets.get(name, {}))
        selected = list(selected_by_field[name])
        for key in selected:
            counts.setdefault(key, 0)
        values = []
        for key, count in counts.items():
            is_selected = key in selected
            toggled = [value for value in selected if value != key] if is_selected else [*selected, key]
            values.append(
                {
                    "key": key,
                    "label": labels[name].get(key, key),
                    "count": count,
                    "selected": is_selected,
                    "url": _url_with(request, {name: toggled}),
                }
            )
        order = list(labels[name])
        values.sort(
            key=lambda item: (
                order.index(item["key"]) if name == "type" and item["key"] in order else 0,
                -item["count"],
            )
        )
        if values:
            groups.append({"name": name, "title": title, "values": values, "any_selected": bool(selected)})
    return groups


def _pagination(request: HttpRequest, results: selectors.KnowledgeSearchResults, reference: str | None) -> dict | None:
    params = results.params
    total_pages = min(MAX_PAGE, max(1, math.ceil(results.count / params.page_size)))
    if total_pages <= 1:
        return None
    current = params.page

    def url(number: int) -> str:
        return _url_with(request, {"page": str(number), "ref": reference}, keep_page=True)

    numbers = sorted({1, total_pages, *range(max(1, current - 2), min(total_pages, current + 2) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"gap": True})
        items.append({"number": number, "url": url(number), "current": number == current})
        previous = number
    return {
        "items": items,
        "previous_url": url(current - 1) if current > 1 else None,
        "next_url": url(current + 1) if current < total_pages else None,
        "current": current,
        "total": total_pages,
    }


def _result_items(results: selectors.KnowledgeSearchResults, reference: str | None, labels: dict) -> list[dict]:
    params = results.params
    offset = (params.page - 1) * params.page_size
    items = []
    for index, hit in enumerate(results.hits, start=1):
        position = offset + index
        href = hit.url
        if reference and hit.url:
            href = reverse("search:click") + "?" + urlencode({"ref": reference, "url": hit.url, "pos": position})
        items.append(
            {
                "title": hit.title,
                "url": hit.url,
                "href": href,
                "position": position,
                "lang": hit.locale,
                "dir": selectors.language_direction(hit.locale),
                "type": hit.type,
                "type_label": selectors.TYPE_LABELS_SINGULAR.get(hit.type, hit.type),
                "language_label": labels["lang"].get(hit.locale, hit.locale),
                # The backend returns escaped text with <mark> around matches.
                "snippet": mark_safe(hit.snippet),  # noqa: S308
                "promoted": hit.page_id in results.promoted_page_ids,
            }
        )
    return items


@require_http_methods(["GET", "HEAD"])
def search_page(request: HttpRequest) -> HttpResponse:
    language = get_language()
    labels = selectors.facet_labels(user=request.user)
    context = {
        "query": " ".join(request.GET.get("q", "").split()),
        "facet_labels": labels,
        "type_labels": {key: str(label) for key, label in selectors.TYPE_LABELS_SINGULAR.items()},
        "help_links": selectors.help_links(user=request.user, language=language),
        "results": None,
        "error": None,
    }
    if not context["query"] and set(request.GET) <= {"q", "page", "page_size", "ref", "source"}:
        return render(request, "search/search_page.html", context)
    try:
        results, reference = run_search(request, language=language)
    except selectors.InvalidSearchParams as error:
        context["error"] = error
        return render(request, "search/search_page.html", context, status=400)
    except SearchUnavailable:
        logger.exception("Search engine unavailable")
        context["error"] = selectors.InvalidSearchParams(field="", message=str(SEARCH_UNAVAILABLE_MESSAGE))
        return render(request, "search/search_page.html", context, status=503)
    context.update(
        {
            "results": results,
            "reference": reference,
            "items": _result_items(results, reference, labels),
            "facet_groups": _facet_groups(request, results, labels),
            "pagination": _pagination(request, results, reference),
            "clear_filters_url": _url_with(request, {"type": None, "channel": None, "agency": None, "lang": None}),
            "suggestion_url": _url_with(request, {"q": results.suggestion}) if results.suggestion else None,
        }
    )
    return render(request, "search/search_page.html", context)


# --- Result clicks ---------------------------------------------------------------------


@csrf_exempt
@require_http_methods(["GET", "POST"])
def search_click(request: HttpRequest) -> HttpResponse:
    """Record a click on a result, then (GET) redirect to it or (POST, sendBeacon) answer 204.
    The click is buffered (``services.record_click``): neither writes to the database.

    CSRF on the beacon, as for "was this helpful?": a signed-in reader's needs the token;
    an anonymous reader's cached page carries none (a beacon sent as the reader taps a
    result cannot wait for one), so it must come from the portal's own origin. It speaks
    for no account and names its search by a signed reference."""
    if request.method == "POST":
        if request.user.is_authenticated:
            return csrf_protect(_search_click)(request)
        if not getattr(request, "_dont_enforce_csrf_checks", False) and not _same_origin(request):
            from django.views.csrf import csrf_failure

            return csrf_failure(request, reason="Origin checking failed: not the portal's own origin.")
    return _search_click(request)


def _search_click(request: HttpRequest) -> HttpResponse:
    """The target is looked up as a page the reader may see; its own URL is used for the
    redirect, so neither external URLs nor hidden pages can be reached through here."""
    data = request.POST if request.method == "POST" else request.GET
    page = selectors.page_for_result_url(user=request.user, url=data.get("url", ""), host=request.get_host())
    if page is None:
        raise Http404(_("That page is not available."))
    log_key = services.query_log_key_from_reference(data.get("ref"))
    if log_key is not None:
        try:
            position = int(data.get("pos", 0))
        except (TypeError, ValueError):
            position = 0
        services.record_click(log_key=log_key, page=page, position=position)
    if request.method == "POST":
        return HttpResponse(status=204)
    return HttpResponseRedirect(page.get_url(request=request))


# --- "Was this helpful?" ----------------------------------------------------------------

#: ``?feedback=thanks`` on the page a reader without JavaScript is sent back to.
FEEDBACK_THANKS = "thanks"


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _same_origin(request: HttpRequest) -> bool:
    """The browser says the form was posted from the portal's own pages: its ``Origin``
    (every current browser sends one with a POST) is this site or a trusted origin; without
    one, ``Sec-Fetch-Site: same-origin``."""
    from django.conf import settings

    origin = request.headers.get("Origin")
    if origin:
        return origin in {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


@csrf_exempt
@require_POST
def page_feedback(request: HttpRequest) -> HttpResponse:
    """CSRF: a signed-in reader's answer needs the CSRF token (their pages, never cached,
    carry it). An anonymous reader's page is cached and carries no token nor cookie, so
    their answer must come from the portal's own origin (``Origin`` checked, as Django's
    CSRF check does first) and stays limited per address; it speaks for no account, so a
    forged one could do no more than its sender could do directly."""
    if request.user.is_authenticated:
        return csrf_protect(_checked_page_feedback)(request)
    if not getattr(request, "_dont_enforce_csrf_checks", False) and not _same_origin(request):
        from django.views.csrf import csrf_failure

        return csrf_failure(request, reason="Origin checking failed: not the portal's own origin.")
    return _checked_page_feedback(request)


def _checked_page_feedback(request: HttpRequest) -> HttpResponse:
    page = selectors.visible_knowledge_page(user=request.user, page_id=request.POST.get("page"))
    if page is None:
        raise Http404(_("That page is not available."))
    # Messages in the page's language, whichever address the form was posted to.
    with translation.override(page.locale.language_code):
        return _page_feedback(request, page)


def _page_feedback(request: HttpRequest, page) -> HttpResponse:
    """Never creates a session: a reader without one is known by their client address
    (one answer per address and page, and a limit on answers per address and page)."""
    form = PageFeedbackForm(data=request.POST)
    if not form.is_valid():
        field, message = form.first_error()
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": message, "field": field}, status=400)
        return _page_with_feedback_form(request, page, form, status=400)
    address = client_address(request)
    if not request.user.is_authenticated and not services.allow_page_feedback(address=address, page_id=page.pk):
        message = _("You have already answered for this page. Thank you.")
        if _wants_json(request):
            return JsonResponse({"ok": False, "error": message, "field": None}, status=429)
        form.add_error(None, message)
        return _page_with_feedback_form(request, page, form, status=429)
    services.submit_page_feedback(
        page=page,
        session_key=request.session.session_key,
        address=address,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
        language=page.locale.language_code,
    )
    message = _("Thank you for your feedback.")
    if _wants_json(request):
        return JsonResponse({"ok": True, "message": message})
    return HttpResponseRedirect(page.get_url(request=request) + f"?feedback={FEEDBACK_THANKS}#page-feedback")


def _page_with_feedback_form(request: HttpRequest, page, form: PageFeedbackForm, *, status: int) -> HttpResponse:
    """The page itself (for readers without JavaScript) with the refused form, its error
    and what the reader typed; rendered now, inside the page's language."""
    request.page_feedback_form = form  # read by {% page_feedback %}
    response = page.specific.serve(request)
    if hasattr(response, "render"):
        response.render()
    response.status_code = status
    return response
