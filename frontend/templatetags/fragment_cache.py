"""``{% content_fragment "name" key … %}…{% endcontent_fragment %}``: a part of a page
rendered once and kept in this process under the content version (any publish or snippet
change replaces it), for every reader of the same class (``knowledge.permissions
.reader_class``), language, Arabic digit convention and day. Previews, and requests without
a reader, always render. Only for parts that show nothing of the request but its reader
class: no form, no CSRF token, no session."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from portal import content_version

register = template.Library()


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, keys: list[template.base.FilterExpression]) -> None:
        self.nodelist = nodelist
        self.keys = keys

    def render(self, context: template.Context) -> str:
        from frontend.formatting import arabic_digit_convention
        from knowledge.permissions import reader_class

        request = context.get("request")
        if request is None or getattr(request, "is_preview", False) or not hasattr(request, "user"):
            return self.nodelist.render(context)
        parts = (
            "fragment",
            *(key.resolve(context) for key in self.keys),
            reader_class(request.user),
            get_language(),
            arabic_digit_convention(),
            timezone.localdate().isoformat(),
        )
        return content_version.cached(parts, lambda: self.nodelist.render(context))


@register.tag
def content_fragment(parser: template.base.Parser, token: template.base.Token) -> ContentFragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs at least a name")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
