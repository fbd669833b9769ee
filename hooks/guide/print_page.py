"""The "whole guide" print page: every page of the guide, in nav order, on one page.

A reader who wants the guide on paper, or as one PDF, should not have to print ten pages.
The page is generated (never written to docs/). Its sections are the other pages' finished
HTML, moved onto one page by print_layout.py, which mends ids, links and headings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml
from markupsafe import Markup

from .errors import DataError
from .models import PageReview
from .page_info import review_dates
from .print_layout import relative_url, section_id, site_path
from .readability import TextCounts
from .templates import macro

PRINT_PAGE = "print.md"
TITLE = "The whole guide"
DESCRIPTION = "Every page of the Spine Cancer Guide on one page, in order, to print or to save as one PDF."
SECTIONS_PLACEHOLDER = '<div class="guide-print__sections"></div>'


def print_page_markdown() -> str:
    """The page as MkDocs first sees it: title, a short how-to, and a placeholder for the sections.

    It is hidden from search (every sentence would otherwise be found twice) and has no
    navigation sidebars, whose links would be printed in the browser's outline anyway.
    """
    meta = {"title": TITLE, "description": DESCRIPTION, "search": {"exclude": True}, "hide": ["navigation", "toc"]}
    front_matter = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n"
    intro = (
        "This page holds every page of the guide, in order, so that you can print it or keep it as one file. "
        "Use your browser’s Print command (Ctrl+P, or ⌘P on a Mac). "
        "To keep a copy, choose “Save as PDF” as the printer."
    )
    return f"{front_matter}\n# {TITLE}\n\n{intro}\n\n{SECTIONS_PLACEHOLDER}\n"


@dataclass(frozen=True)
class PrintSection:
    """One page of the guide as it appears on the print page, all but its content, which goes
    in once final (:meth:`PrintFrame.filled`)."""

    src_uri: str
    title: str
    url: str
    """The page's own URL from the site's root (``prognosis/`` or ``prognosis.html``)."""
    review: PageReview
    address: str | None = None
    """The page's full web address, printed so a paper copy leads back to the live page.
    The link itself stays relative, so it also works in the offline bundle and in previews."""


def fill_print_page(html: str, sections_html: str) -> str:
    """Put the sections in place of the placeholder the page's Markdown left for them."""
    if SECTIONS_PLACEHOLDER not in html:
        raise DataError.single(
            "hooks/guide/print_page.py", f"the print page lost its placeholder {SECTIONS_PLACEHOLDER!r}"
        )
    return html.replace(SECTIONS_PLACEHOLDER, sections_html, 1)


@dataclass(frozen=True)
class WholeGuideText:
    """The print page's text, told without its sections' content, which readability knows already.

    The print page holds the whole guide, so walking its HTML for readability costs as much
    as walking every page again (0.8 s for a 1,000-page site). Its text is its own (title,
    how-to, the contents list's heading), each page's share of the frame (its contents entry
    and its section's review line: :class:`PrintPart`) and each page's text, block for block:
    moving a page onto the print page changes attributes and heading levels, never text, and
    every entry and section starts and ends a block. tests/test_print.py holds the counts
    equal to a walk of the finished page.
    """

    frame_html: str
    """The print page with no contents entries and no sections: its own text."""
    pages: tuple[str, ...]
    """The pages whose text it holds, by path under docs/."""
    parts: Mapping[tuple[str, str], str]
    """Each page's share of the frame, as counted (:meth:`PrintPart.text_html`), by :func:`part_key`."""

    def counts(self, frame: TextCounts, page_counts: Mapping) -> TextCounts:
        """``frame`` is the counts of :attr:`frame_html`; ``page_counts`` those of the pages and parts."""
        return sum((page_counts[key] for key in (*self.pages, *self.parts)), frame)


def part_key(src_uri: str) -> tuple[str, str]:
    """How a page's share of the frame is known to readability: never a page's own path."""
    return (PRINT_PAGE, src_uri)


_SLOT = re.compile(r"<!-- guide-print-section (\d+) -->")


@dataclass(frozen=True)
class PrintPart:
    """One page's share of the print page: its contents entry, and its section with a slot
    where its content goes once final.

    It is made when the page is (``on_page_content``), so the page worker counts its text
    while MkDocs makes the next pages: the frame of a 1,000-page guide took 0.5 s to count.
    """

    section: PrintSection
    """As it was made: a page whose title or review has changed since needs a new part."""
    entry_html: str
    section_html: str

    @property
    def text_html(self) -> str:
        return self.entry_html + _SLOT.sub("", self.section_html)


def print_part(section: PrintSection, number: int, print_url: str) -> PrintPart:
    """The part of the ``number``-th page on the print page."""
    anchor = section_id(section.src_uri)
    own_page = relative_url(site_path(section.url), print_url)
    slot = Markup(f"<!-- guide-print-section {number} -->")
    return PrintPart(
        section,
        str(macro("print_page.html", "contents_entry")(section.title, anchor)),
        str(macro("print_page.html", "section")(anchor, slot, own_page, section.address, review_dates(section.review))),
    )


def current_parts(made: Mapping[str, PrintPart], sections: Sequence[PrintSection], print_url: str) -> list[PrintPart]:
    """The parts of ``sections``, in order: each one made with its page, or made again if the
    page's title or review has changed since (or it was never made)."""
    parts = []
    for number, section in enumerate(sections):
        part = made.get(section.src_uri)
        parts.append(part if part is not None and part.section == section else print_part(section, number, print_url))
    return parts


@dataclass(frozen=True)
class PrintFrame:
    """The contents list and the sections, each section's content left as a slot.

    Readability counts the page without its sections' content (:meth:`text`), readers get it
    with the slots filled (:meth:`filled`), so no section is rendered twice.
    """

    parts: tuple[PrintPart, ...]

    @classmethod
    def of(cls, sections: Sequence[PrintSection], print_url: str) -> PrintFrame:
        """Every part made now (none made with its page)."""
        return cls(tuple(current_parts({}, sections, print_url)))

    def text(self, page_html: str) -> WholeGuideText:
        """``page_html`` is the print page before :func:`fill_print_page`."""
        return WholeGuideText(
            fill_print_page(page_html, self._contents("")),
            tuple(part.section.src_uri for part in self.parts),
            {part_key(part.section.src_uri): part.text_html for part in self.parts},
        )

    def filled(self, page_html: str, contents: Mapping[str, str]) -> str:
        """``contents``: each page's content as moved onto this page (``PrintLayout.move``)."""
        pages = [part.section.src_uri for part in self.parts]
        entries = "".join(part.entry_html for part in self.parts)
        html = "\n".join([self._contents(entries), *(part.section_html for part in self.parts)])
        return fill_print_page(page_html, _SLOT.sub(lambda slot: contents[pages[int(slot[1])]], html))

    @staticmethod
    def _contents(entries: str) -> str:
        return str(macro("print_page.html", "contents")(Markup(entries)))


_last_assembled: list[WholeGuideText] = []
"""Set by the print page hook in ``on_env``, read by the page-info hook right after it."""


def remember_whole_guide_text(text: WholeGuideText) -> None:
    _last_assembled[:] = [text]


def last_whole_guide_text() -> WholeGuideText | None:
    return _last_assembled[0] if _last_assembled else None
