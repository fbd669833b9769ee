"""Keep generated duplicates out of the search index.

Material indexes the text of every section. Some generated lines only repeat text that is
indexed elsewhere: a glossary entry's "Related" names (each has its own entry), its
"Source" (an article sentence, or the name of a reference) and its "Appears on" page
titles, and a fact box's "Source article" quote (the article sentence, which is on the
page itself). They were close to a third of the search index that every first visit
downloads (issue 7: page weight), and they made one sentence turn up as several results.
The definitions, aliases, statements, tables and key points stay searchable.
"""

from __future__ import annotations

import re

EXCLUDE_ATTRIBUTE = "data-search-exclude"
MARK = f'{EXCLUDE_ATTRIBUTE}="true"'
"""With a value, Material's search plugin also removes the attribute once the page is indexed,
so the published HTML does not carry it."""
GENERATED_DUPLICATES = frozenset(
    {
        "guide-term__related",
        "guide-term__source",
        "guide-term__appears",
        "guide-fact__source",
    }
)
"""Classes of the elements left out (markup in overrides/hooks/glossary.html and facts.html)."""

_START_TAG = re.compile(r"<([a-zA-Z][\w-]*)(\s(?:[^<>]*?\s)?class=\"([^\"]*)\"[^<>]*)>")


def exclude_from_search(html: str, classes: frozenset[str] = GENERATED_DUPLICATES) -> str:
    """Add ``data-search-exclude`` to every start tag with one of ``classes``.

    Material's search plugin skips such an element and all it contains.
    """

    if not any(name in html for name in classes):  # most pages hold none of them: skip the walk
        return html

    def mark(tag: re.Match) -> str:
        if not classes.intersection(tag[3].split()) or EXCLUDE_ATTRIBUTE in tag[2]:
            return tag[0]
        return f"<{tag[1]} {MARK}{tag[2]}>"

    return _START_TAG.sub(mark, html)
