"""Search indexes each page without its term links; readers get the links back right after.

Term links carry no text of their own, so Material's search index is the same with or
without them, but its HTML parser pays for every tag: a page with 25 term links
(``<span><a …>term</a></span>``) took 1.8 times as long to index (1.3 s more on a
1,000-page site). The glossary hook puts the links in before search runs (its ``on_env``),
because the glossary's "Appears on" lines and the print page need them. So
just before search indexes a page, it gets the HTML it had before linking, and just after,
the linked HTML back, with what search changed in the page done to it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""What Material's search plugin removes from the page it has indexed (search/plugin.py,
``on_page_context``): the ``data-search-exclude="true"`` marks, which readers need not get."""


def strip_search_attributes(html: str) -> str:
    return SEARCH_ATTRIBUTE.sub("", html) if "data-search-" in html else html


@dataclass
class LinkedPage:
    unlinked: str
    linked: str
    relink: Callable[[str], str]
    """Links the terms in other HTML of this page (the same glossary address for every term)."""
    hidden: bool = False


class SearchView:
    """Per page, the HTML without and with term links, for one build."""

    def __init__(self) -> None:
        self._pages: dict[str, LinkedPage] = {}

    def clear(self) -> None:
        self._pages.clear()

    def remember(self, page: str, unlinked: str, linked: str, relink: Callable[[str], str]) -> None:
        if linked != unlinked:
            self._pages[page] = LinkedPage(unlinked, linked, relink)

    def for_search(self, page: str, content: str) -> str:
        """What search should index: the unlinked HTML, unless the page changed since linking
        (the print page is rebuilt from its sections), which is then indexed as it is."""
        known = self._pages.get(page)
        if known is None or content is not known.linked:
            return content
        known.hidden = True
        return known.unlinked

    def for_readers(self, page: str, indexed: str) -> str:
        """The linked page, changed the way search changed ``indexed`` (what it was given).

        Should search ever change a page in another way than removing its own attributes,
        the page it left is linked again: slower, but no change of search's is lost.
        """
        known = self._pages.pop(page, None)
        if known is None or not known.hidden:
            return indexed
        if indexed == known.unlinked:
            return known.linked
        if indexed == strip_search_attributes(known.unlinked):
            return strip_search_attributes(known.linked)
        return known.relink(indexed)
