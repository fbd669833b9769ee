"""The "whole guide" print page: every page of the guide, in nav order, on one page.

A reader who wants the guide on paper, or as one PDF, should not have to print ten pages.
The page is generated (never written to docs/). Its sections are the other pages' finished
HTML, moved onto one page, which breaks three things this module mends:

- ids: every page has its own ``#primary-spinal-tumors`` and its own ``gl-tip-…`` tooltips,
  so each section's ids (and the attributes that point at ids) get the section as a prefix;
- links: a link to another page of the guide becomes a jump to that section, and links to
  files (images, the glossary of the hosted site…) are rewritten relative to this page;
- headings: each page's title becomes a level-2 heading under the page's own title, so the
  page keeps one ``h1`` and a proper outline.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import yaml
from markupsafe import Markup

from .errors import DataError
from .models import PageReview
from .page_info import review_dates
from .readability import TextCounts
from .templates import macro

PRINT_PAGE = "print.md"
TITLE = "The whole guide"
DESCRIPTION = "Every page of the Spine Cancer Guide on one page, in order, to print or to save as one PDF."
SECTIONS_PLACEHOLDER = '<div class="guide-print__sections"></div>'

_MOVED = "id|for|href|src|aria-describedby|aria-labelledby|aria-controls|headers"
_ATTRIBUTE = re.compile(rf'(\s)({_MOVED})="([^"]*)"')
_TAG = re.compile(rf'<([a-zA-Z][a-zA-Z0-9-]*)(?=[^>]*\s(?:{_MOVED})=")(\s[^>]*)>')
"""A start tag with at least one attribute to rewrite; the others are left as they are, unvisited."""
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_ID_LISTS = frozenset({"aria-describedby", "aria-labelledby", "aria-controls", "headers"})
_BASE = "https://site.invalid/"
"""Stands in for the site's root while resolving relative URLs; it never leaves this module."""


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


def section_id(src_uri: str) -> str:
    """``treatment/surgery.md`` -> ``page-treatment-surgery``: the anchor of that page's section."""
    return "page-" + re.sub(r"[^a-z0-9]+", "-", src_uri.removesuffix(".md").lower()).strip("-")


@lru_cache(maxsize=1 << 14)
def site_path(url: str, base_url: str = "") -> str:
    """A page-relative URL as a path from the site's root (``../prognosis/`` seen from ``treatment/``).

    Cached: every section links to the glossary and to its neighbours, the same few URLs
    thousands of times on a large guide, and ``urljoin`` is slow.
    """
    return urlsplit(urljoin(_BASE + base_url, url)).path.removeprefix("/")


def relative_url(target: str, from_url: str) -> str:
    """``target`` (a path from the site's root) as seen from the page at ``from_url``."""
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    relative = posixpath.relpath(target or ".", posixpath.normpath(from_dir or "."))
    return relative + "/" if target == "" or target.endswith("/") else relative


@dataclass(frozen=True)
class Rebase:
    """How to move one page's HTML into its section of the print page."""

    prefix: str
    page_url: str
    print_url: str
    sections: Mapping[str, str]
    """Site path of every page on the print page -> its section id."""

    def anchor(self, name: str) -> str:
        return f"{self.prefix}--{name}" if name else self.prefix

    def href(self, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/"):
            return value
        if value.startswith("#"):
            return "#" + self.anchor(value[1:])
        path = site_path(parts.path, self.page_url)
        if parts.path and path in self.sections:
            section = self.sections[path]
            return f"#{section}--{parts.fragment}" if parts.fragment else f"#{section}"
        moved = relative_url(path, self.print_url) if parts.path else ""
        return moved + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")

    def attribute(self, match: re.Match) -> str:
        space, name, value = match.groups()
        if name in ("id", "for"):
            value = self.anchor(value)
        elif name in _ID_LISTS:
            value = " ".join(self.anchor(token) for token in value.split())
        else:
            value = self.href(value)
        return f'{space}{name}="{value}"'

    def tag(self, match: re.Match) -> str:
        return f"<{match[1]}{_ATTRIBUTE.sub(self.attribute, match[2])}>"

    def html(self, html: str) -> str:
        return demote_headings(_TAG.sub(self.tag, html))


def demote_headings(html: str) -> str:
    """h1 -> h2 … h5 -> h6 (h6 stays h6), closing tags too."""
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)


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


def render_sections(sections: Sequence[PrintSection], print_url: str) -> str:
    """The contents list and every section, ready to replace :data:`SECTIONS_PLACEHOLDER`."""
    anchors = {site_path(section.url): section_id(section.src_uri) for section in sections}
    render = macro("print_page.html", "section")
    parts = [str(macro("print_page.html", "contents")([(s.title, section_id(s.src_uri)) for s in sections]))]
    for section in sections:
        rebase = Rebase(section_id(section.src_uri), section.url, print_url, anchors)
        content = Markup(rebase.html(section.content))
        own_page = relative_url(site_path(section.url), print_url)
        parts.append(
            str(render(section_id(section.src_uri), content, own_page, section.address, review_dates(section.review)))
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


def whole_guide_text(page_html: str, sections: Sequence[PrintSection], print_url: str) -> WholeGuideText:
    """``page_html`` is the print page before :func:`fill_print_page`."""
    hollow = render_sections([replace(section, content="") for section in sections], print_url)
    return WholeGuideText(fill_print_page(page_html, hollow), tuple(section.src_uri for section in sections))


_last_assembled: list[WholeGuideText] = []
"""Set by the print page hook in ``on_env``, read by the page-info hook right after it."""


def remember_whole_guide_text(text: WholeGuideText) -> None:
    _last_assembled[:] = [text]


def last_whole_guide_text() -> WholeGuideText | None:
    return _last_assembled[0] if _last_assembled else None
