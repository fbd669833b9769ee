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
from .print_layout import PrintLayout, relative_url, section_id, site_path
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
    """One page of the guide as it appears on the print page."""

    src_uri: str
    title: str
    url: str
    """The page's own URL from the site's root (``prognosis/`` or ``prognosis.html``)."""
    content: str
    review: PageReview
    address: str | None = None
    """The page's full web address, printed so a paper copy leads back to the live page.
    The link itself stays relative, so it also works in the offline bundle and in previews."""


def render_sections(sections: Sequence[PrintSection], print_url: str, moved: Mapping[str, str] | None = None) -> str:
    """The contents list and every section, ready to replace :data:`SECTIONS_PLACEHOLDER`.

    ``moved`` holds sections' content already moved onto the page (by the page worker),
    by path under docs/; the others are moved here.
    """
    layout = PrintLayout(print_url, {section.src_uri: section.url for section in sections})
    moved = moved or {}
    render = macro("print_page.html", "section")
    parts = [str(macro("print_page.html", "contents")([(s.title, section_id(s.src_uri)) for s in sections]))]
    for section in sections:
        content = moved.get(section.src_uri)
        if content is None:
            content = layout.move(section.src_uri, section.content)
        own_page = relative_url(site_path(section.url), print_url)
        parts.append(
            str(
                render(
                    section_id(section.src_uri),
                    Markup(content),
                    own_page,
                    section.address,
                    review_dates(section.review),
                )
            )
        )
    return "\n".join(parts)


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
    as walking every page again (0.8 s for a 1,000-page site). Its text is its own frame
    (title, how-to, contents list, each section's review line) plus each page's text, block
    for block: moving a page onto the print page changes attributes and heading levels,
    never text, and every section starts and ends a block. tests/test_print.py holds the
    counts equal to a walk of the finished page.
    """

    frame_html: str
    """The filled print page with every section's content left out."""
    pages: tuple[str, ...]
    """The pages whose text it holds, by path under docs/."""

    def counts(self, frame: TextCounts, page_counts: Mapping[str, TextCounts]) -> TextCounts:
        """``frame`` is the counts of :attr:`frame_html`, counted where the pages were."""
        return sum((page_counts[page] for page in self.pages), frame)


_SLOT = re.compile(r"<!-- guide-print-section (\d+) -->")


@dataclass(frozen=True)
class PrintFrame:
    """The contents list and the sections, rendered once, each section's content left as a slot.

    Readability counts the page with the slots empty (:meth:`text`), readers get it with
    them filled (:meth:`filled`): the same text as rendering the sections twice, once without
    content and once with, which cost 0.2 s on a 1,000-page site. It needs no page's
    content, so it can be made, and counted, before the pages are final.
    """

    sections_html: str
    pages: tuple[str, ...]
    """The page whose content goes in each slot, by path under docs/."""

    def text(self, page_html: str) -> WholeGuideText:
        """``page_html`` is the print page before :func:`fill_print_page`."""
        return WholeGuideText(fill_print_page(page_html, _SLOT.sub("", self.sections_html)), self.pages)

    def filled(self, page_html: str, contents: Mapping[str, str]) -> str:
        """``contents``: each page's content as moved onto this page (``PrintLayout.move``)."""
        sections = _SLOT.sub(lambda slot: contents[self.pages[int(slot[1])]], self.sections_html)
        return fill_print_page(page_html, sections)


def print_frame(sections: Sequence[PrintSection], print_url: str) -> PrintFrame:
    """The sections' content is not read."""
    slots = {section.src_uri: f"<!-- guide-print-section {number} -->" for number, section in enumerate(sections)}
    return PrintFrame(render_sections(sections, print_url, slots), tuple(slots))


def whole_guide_text(page_html: str, sections: Sequence[PrintSection], print_url: str) -> WholeGuideText:
    """``page_html`` is the print page before :func:`fill_print_page`."""
    return print_frame(sections, print_url).text(page_html)


_last_assembled: list[WholeGuideText] = []
"""Set by the print page hook in ``on_env``, read by the page-info hook right after it."""


def remember_whole_guide_text(text: WholeGuideText) -> None:
    _last_assembled[:] = [text]


def last_whole_guide_text() -> WholeGuideText | None:
    return _last_assembled[0] if _last_assembled else None
