"""``{% page_feedback page %}``: the "was this helpful?" box on knowledge pages."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from knowledge.models import KnowledgePage
from search import selectors
from search.forms import PageFeedbackForm
from search.views import FEEDBACK_FLASH_KEY

register = template.Library()


@register.inclusion_tag("search/includes/page_feedback.html", takes_context=True)
def page_feedback(context: template.Context, page: Page) -> dict:
    """Renders nothing for pages that are not knowledge pages or not saved yet (previews)."""
    request = context.get("request")
    specific = getattr(page, "specific", page) if page is not None else None
    if request is None or not isinstance(specific, KnowledgePage) or not specific.pk:
        return {"show": False}
    session = getattr(request, "session", None)
    flash = None
    if session is not None and session.get(FEEDBACK_FLASH_KEY, {}).get("page") == specific.pk:
        flash = session.pop(FEEDBACK_FLASH_KEY)
    previous = selectors.reader_feedback(page=specific, session_key=session.session_key if session else None)
    initial = {"page": specific.pk}
    if previous is not None:
        initial.update(helpful="yes" if previous.helpful else "no", comment=previous.comment)
    return {
        "show": True,
        "page": specific,
        "form": PageFeedbackForm(initial=initial, auto_id="page-feedback-%s"),
        "previous": previous,
        "flash": flash,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
