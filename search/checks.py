"""System checks of the search settings (``manage.py check`` and every command start)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

INVALID_PREFIX = "search.E001"


@register(Tags.compatibility)
def check_index_prefix(app_configs=None, **kwargs) -> list[Error]:
    """``SEARCH_INDEX_PREFIX`` must make valid Elasticsearch index names (checked whatever
    the backend, so a deployment that switches to Elasticsearch later is not surprised)."""
    from search.backends.elasticsearch import index_prefix_problems

    prefix = getattr(settings, "SEARCH_INDEX_PREFIX", None)
    problems = index_prefix_problems(prefix)
    if not problems:
        return []
    return [
        Error(
            f"SEARCH_INDEX_PREFIX {prefix!r} cannot name Elasticsearch indices: {'; '.join(problems)}.",
            hint="Use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, e.g. 'tamayuz'.",
            id=INVALID_PREFIX,
        )
    ]
