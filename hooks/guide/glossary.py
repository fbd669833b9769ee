"""The glossary page: A–Z entries generated from data/glossary.yml, with backlinks filled in later."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import groupby
from string import ascii_uppercase

from .errors import Problem
from .models import GlossaryTerm
from .templates import html_block, macro

BACKLINKS = re.compile(r'<span class="guide-term__pages" data-appears-on="([a-z0-9-]+)"></span>')
MOST_BACKLINKS = 10
"""An entry names at most this many pages. In a large guide a common word ("tumor") is on
hundreds of pages; a list that long helps no reader, and it made the glossary page grow
with terms × pages (2.7 MB at 1,000 pages, `make bench`)."""
GLOSSARY_DESCRIPTION = "Plain-language meanings of the medical words used in this guide, from A to Z."


def sort_key(term: GlossaryTerm) -> str:
    return term.term.casefold()


def letter_of(term: GlossaryTerm) -> str:
    first = term.term[0].upper()
    return first if first in ascii_uppercase else "#"


def render_glossary_page(terms: Sequence[GlossaryTerm], hold: Callable[[str], str] = str) -> str:
    """Markdown of the whole page. Term names are safe in headings: the model only allows
    letters, digits, spaces and ``/'()-``.

    The headings stay Markdown (the table of contents and the anchors come from them); each
    HTML block goes through ``hold``, which may swap it for a placeholder (held_blocks.py).
    """
    ordered = sorted(terms, key=sort_key)
    by_slug = {term.slug: term for term in terms}
    groups = [(letter, list(group)) for letter, group in groupby(ordered, key=letter_of)]
    parts = [
        f"---\ndescription: {GLOSSARY_DESCRIPTION}\n---\n",
        "# Glossary\n",
        hold(html_block(macro("glossary.html", "letter_index")([letter for letter, _ in groups]))) + "\n",
    ]
    for letter, group in groups:
        parts.append(f"## {letter} {{ #letter-{letter.lower()} }}\n")
        for term in group:
            related = [by_slug[slug] for slug in term.related]
            parts.append(f"### {term.term} {{ #{term.slug} }}\n")
            parts.append(hold(html_block(macro("glossary.html", "entry")(term, related))) + "\n")
    return "\n".join(parts)


def fill_backlinks(html: str, pages_by_term: Mapping[str, Sequence[tuple[str, str]]]) -> str:
    """Replace each entry's placeholder with links to the first pages that use the term."""
    appears_on = macro("glossary.html", "appears_on")

    def links(match: re.Match) -> str:
        pages = pages_by_term.get(match[1], ())
        return str(appears_on(pages[:MOST_BACKLINKS], len(pages) - MOST_BACKLINKS))

    return BACKLINKS.sub(links, html)


def cross_check(terms: Sequence[GlossaryTerm], file: str) -> list[Problem]:
    """What one entry cannot check alone: unique slugs and forms, related terms that exist."""
    from .errors import did_you_mean

    problems, slugs, forms = [], {}, {}
    for term in terms:
        if term.slug in slugs:
            problems.append(
                Problem(
                    file,
                    f"duplicate slug '{term.slug}' (first used by entry #{slugs[term.slug]})",
                    entry=term.slug,
                    field="slug",
                )
            )
        slugs.setdefault(term.slug, len(slugs) + 1)
        for form in term.forms:
            owner = forms.setdefault(form.lower(), term.slug)
            if owner != term.slug:
                problems.append(
                    Problem(file, f"'{form}' is already a term or alias of '{owner}'", entry=term.slug, field="aliases")
                )
    for term in terms:
        for slug in term.related:
            if slug not in slugs:
                problems.append(
                    Problem(
                        file,
                        f"unknown related term '{slug}'.{did_you_mean(slug, slugs)}",
                        entry=term.slug,
                        field="related",
                    )
                )
            elif slug == term.slug:
                problems.append(Problem(file, "an entry cannot be related to itself", entry=term.slug, field="related"))
    return problems
