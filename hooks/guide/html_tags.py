"""Reading tags in the HTML that Markdown and our templates write, without an HTML parser.

Two walks over a page need the same answers: the term linker (where a link may go) and
readability (which text a reader reads). Both go tag by tag with one regular expression,
because Python's ``HTMLParser`` made those walks most of a large build's hook time.
"""

from __future__ import annotations

import re

TAG_PATTERN = r"<(/?)([a-zA-Z][\w:-]*)((?:\"[^\"]*\"|'[^']*'|[^'\">])*)>"
"""A start, end or self-closing tag: groups are the "/" of an end tag, the name, and the
attributes (quoted values may hold ">")."""
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_CLASS_ATTRIBUTE = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def opens_element(name: str, attributes: str) -> bool:
    """Whether a start tag has a matching end tag to wait for (not void, not written ``<x/>``)."""
    return name not in VOID_TAGS and not attributes.rstrip().endswith("/")


def class_names(attributes: str) -> set[str]:
    """The names in a tag's ``class`` attribute (none when it has no such attribute)."""
    found = _CLASS_ATTRIBUTE.search(attributes)
    return set((found[1] or found[2] or found[3] or "").split()) if found else set()
