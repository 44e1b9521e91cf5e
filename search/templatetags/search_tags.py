"""``{% page_feedback page %}``: the "was this helpful?" box on knowledge pages."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from knowledge.models import KnowledgePage
from search import selectors
from search.forms import PageFeedbackForm
from search.views import FEEDBACK_THANKS

register = template.Library()


@register.inclusion_tag("search/includes/page_feedback.html", takes_context=True)
def page_feedback(context: template.Context, page: Page) -> dict:
    """Renders nothing for pages that are not knowledge pages or not saved yet (previews)."""
    request = context.get("request")
    specific = getattr(page, "specific", page) if page is not None else None
    if request is None or not isinstance(specific, KnowledgePage) or not specific.pk:
        return {"show": False}
    # A refused answer re-rendered by the feedback view (readers without JavaScript).
    refused = getattr(request, "page_feedback_form", None)
    thanked = refused is None and request.GET.get("feedback") == FEEDBACK_THANKS
    # Only a session says who the reader is; an address may be shared, so it never shows
    # someone's earlier answer or comment.
    session = getattr(request, "session", None)
    previous = selectors.reader_feedback(page=specific, session_key=session.session_key if session else None)
    if refused is not None:
        form = PageFeedbackForm(data=refused.data, auto_id="page-feedback-%s")
        error = (refused.non_field_errors() or [None])[0] or refused.first_error()[1]
    else:
        initial = {"page": specific.pk}
        if previous is not None:
            initial.update(helpful="yes" if previous.helpful else "no", comment=previous.comment)
        form = PageFeedbackForm(initial=initial, auto_id="page-feedback-%s")
        error = None
    return {
        "show": True,
        "page": specific,
        "form": form,
        "previous": previous,
        "thanked": thanked,
        "error": error,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
