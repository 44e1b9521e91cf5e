"""Every interface string in the code is in the Arabic catalogue.

The catalogue test in test_i18n.py checks what makemessages extracted; this one reads the
code itself, so a string added without updating the catalogue fails here even when nobody
ran makemessages: Python calls of gettext and its aliases, and {% trans %} /
{% blocktrans %} in templates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.conf import settings

from tests.portal.test_i18n import CATALOGUE_DIR, read_po

ROOT = Path(settings.BASE_DIR)
APPS = ("portal", "knowledge", "search", "frontend", "evaluations", "awards")
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
    "ngettext_lazy",
}
TRANS_TAG = re.compile(r"""{%\s*(?:trans|translate)\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
BLOCKTRANS = re.compile(
    r"{%\s*(?:blocktrans|blocktranslate)\b([^%]*)%}(.*?){%\s*(?:endblocktrans|endblocktranslate)\s*%}", re.S
)
PLURAL = re.compile(r"{%\s*plural\s*%}")
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")


def _source_files(suffix: str):
    for app in APPS:
        for path in (ROOT / app).rglob(f"*{suffix}"):
            if "migrations" not in path.parts and "demo" not in path.parts:
                yield path


def python_msgids() -> set[str]:
    found: set[str] = set()
    for path in _source_files(".py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in GETTEXT_NAMES or not node.args:
                continue
            index = 1 if name.startswith("pgettext") else 0
            if len(node.args) > index and isinstance(node.args[index], ast.Constant):
                value = node.args[index].value
                if isinstance(value, str) and value:
                    found.add(value)
    return found


def template_msgids() -> set[str]:
    found: set[str] = set()
    for path in _source_files(".html"):
        text = path.read_text(encoding="utf-8")
        for match in TRANS_TAG.finditer(text):
            # makemessages doubles a literal % in template strings (they become %-formats).
            found.add((match.group(1) or match.group(2) or "").replace('\\"', '"').replace("%", "%%"))
        for match in BLOCKTRANS.finditer(text):
            if "trimmed" in match.group(1):
                continue  # normalised whitespace: compared by makemessages' own test
            singular = PLURAL.split(match.group(2))[0]
            found.add(VARIABLE.sub(lambda m: f"%({m.group(1)})s", singular.replace("%", "%%")))
    found.discard("")
    return found


def test_every_string_in_the_code_is_in_the_arabic_catalogue():
    catalogue = {entry["msgid"] for entry in read_po(CATALOGUE_DIR / "django.po")}
    # Django's and Wagtail's own catalogues translate strings the portal reuses verbatim.
    from django.utils import translation

    missing = []
    with translation.override("ar"):
        for msgid in sorted(python_msgids() | template_msgids()):
            if msgid in catalogue:
                continue
            if translation.gettext(msgid) != msgid:
                continue
            missing.append(msgid)
    assert missing == []
