"""Moving a page's finished HTML into its section of the whole-guide print page.

Every page's HTML is written to stand at its own address. On the print page, sections meet,
which breaks three things this module mends:

- ids: every page has its own ``#primary-spinal-tumors`` and its own ``gl-tip-…`` tooltips,
  so each section's ids (and the attributes that point at ids) get the section as a prefix;
- links: a link to another page of the guide becomes a jump to that section, and links to
  files (images, the glossary of the hosted site…) are rewritten relative to this page;
- headings: each page's title becomes a level-2 heading under the page's own title, so the
  page keeps one ``h1`` and a proper outline.

Nothing here loads pydantic or Jinja: the page worker (page_worker.py) moves each page as
soon as it has linked it, and a page changed after that is moved by the build.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import urljoin, urlsplit

from .search_view import strip_search_attributes

_MOVED = "id|for|href|src|aria-describedby|aria-labelledby|aria-controls|headers"
_ATTRIBUTE = re.compile(rf'(\s)({_MOVED})="([^"]*)"')
_TAG = re.compile(rf'<([a-zA-Z][a-zA-Z0-9-]*)(?=[^>]*\s(?:{_MOVED})=")(\s[^>]*)>')
"""A start tag with at least one attribute to rewrite; the others are left as they are, unvisited."""
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_ID_LISTS = frozenset({"aria-describedby", "aria-labelledby", "aria-controls", "headers"})
_BASE = "https://site.invalid/"
"""Stands in for the site's root while resolving relative URLs; it never leaves this module."""


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
class PrintLayout:
    """Where each page goes on the print page: all that moving a page needs, known from the nav.

    The nav is known before any page is made (``on_nav``), so the page worker gets the
    layout first and moves each page while MkDocs makes the next ones.
    """

    print_url: str
    page_urls: Mapping[str, str]
    """Every page on the print page, by path under docs/ -> its URL from the site's root."""

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Each page's place on the print page, which numbers its section's slot."""
        return {src_uri: number for number, src_uri in enumerate(self.page_urls)}

    @cached_property
    def anchors(self) -> dict[str, str]:
        """Site path of every page on the print page -> its section id."""
        return {site_path(url): section_id(src_uri) for src_uri, url in self.page_urls.items()}

    def move(self, src_uri: str, html: str) -> str:
        """A page's final HTML as its section holds it, without the marks search reads."""
        rebase = Rebase(section_id(src_uri), self.page_urls[src_uri], self.print_url, self.anchors)
        return rebase.html(strip_search_attributes(html))
