"""Link the first mention of each glossary term on a page, and give each link its tooltip.

Works on the page's HTML rather than its Markdown: headings, code, links, admonition
titles, tag attributes and URLs are then plain to see and can be skipped reliably.
All terms are matched by one compiled pattern, built as a trie so that the regex
engine tries only the branches that start with the current letter.

Links are placed in the page's content; tooltips only once search has indexed the page and
readability has scored it. A tooltip repeats a definition, so search and readability must
not see it, and it doubled what both had to read (a 1,000-word page carries about 25 of
them). Added last, it needs no exclusion: the whole-guide page moves links with their ids
rewritten, and each tooltip takes its id from the link it follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .html_tags import TAG_PATTERN, class_names, opens_element
from .templates import macro

if TYPE_CHECKING:
    from .models import GlossaryTerm

SKIP_TAGS = frozenset(
    {
        "a",
        "abbr",
        "button",
        "caption",
        "code",
        "dfn",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "label",
        "math",
        "option",
        "pre",
        "q",
        "samp",
        "script",
        "select",
        "style",
        "summary",
        "svg",
        "textarea",
        "thead",
        "title",
    }
)
SKIP_CLASSES = frozenset({"admonition-title", "gl", "headerlink"})
TAG = re.compile(rf"<!--.*?-->|{TAG_PATTERN}", re.S)
LINKED = re.compile(r'\bdata-term="([a-z0-9-]+)"')
TERM_LINK = re.compile(r'<a class="gl__term"(\s[^>]*)>[^<]*</a>(?!<span class="gl__tip")')
"""A term link not followed by its tooltip. Its slug and tooltip id are read from the attributes
apart: one pattern that found them too took 0.4 s on the 20 MB print page of a 1,000-page guide
even when every link had its tooltip (its lazy scans), against 0.03 s."""
TERM_SLUG = re.compile(r'\sdata-term="([a-z0-9-]+)"')
TOOLTIP_ID = re.compile(r'\saria-describedby="([^"\s]+)')
_ID_STAND_IN = "\x00tooltip-id\x00"
"""Never in an id taken from HTML (no NUL, no white space)."""
URL = r"(?P<url>(?:https?://|www\.)[^\s<]+)"
MAYBE_URL = re.compile(r"://|www\.", re.I)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by prefix, longest alternative first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = f"(?:{body})?" if len(branches) == 1 else body[:-1] + "|)"
        return body

    return build(trie)


@dataclass(frozen=True)
class LinkedTerm:
    """What linking needs of a glossary entry: a plain copy that another process can load
    without loading pydantic (page_worker.py)."""

    slug: str
    forms: tuple[str, ...]
    short: str

    @classmethod
    def of(cls, term: GlossaryTerm) -> LinkedTerm:
        return cls(term.slug, tuple(term.forms), term.short)


@dataclass
class LinkResult:
    html: str
    linked: list[str] = field(default_factory=list)


class TermLinker:
    """Built once per build from the glossary; :meth:`link` runs once per page."""

    def __init__(self, terms: Sequence[GlossaryTerm | LinkedTerm]):
        self.terms = {term.slug: term for term in terms}
        self._forms: dict[str, tuple[str, str | None]] = {}
        for term in terms:
            for form in term.forms:
                exact = form if form != form.lower() else None
                self._forms[form.lower()] = (term.slug, exact)
        self._link = macro("glossary.html", "term_link")
        self._tooltip = macro("glossary.html", "tooltip")
        self._links: dict[tuple[str, str, str], str] = {}
        self._tooltip_parts: dict[str, list[str]] = {}

    def _link_markup(self, slug: str, href: str, text: str) -> str:
        """The term link macro's output, rendered once per slug, address and wording.

        A term is linked from most pages, and its link differs only by the glossary's relative
        address (one per folder depth) and the words matched: on a 1,000-page site, 100,000
        macro calls come down to a few thousand. The macros are pure (their output depends
        only on their arguments), so a stored copy is the same text.
        """
        key = (slug, href, text)
        if key not in self._links:
            self._links[key] = str(self._link(self.terms[slug], href, Markup(text)))
        return self._links[key]

    def _tooltip_markup(self, slug: str, tip_id: str) -> str:
        """The tooltip macro's output for ``slug``, rendered once per term with ``tip_id`` put in.

        On most pages a tooltip's id is the same for a term; on the whole-guide page each one
        is new (25,000 on a 1,000-page site). The macro writes ``{{ id }}`` once, escaped, so
        rendering it once with a stand-in id and putting each escaped id in its place gives
        the same text. A macro that uses the id otherwise (or a definition that holds the
        stand-in itself) does not split in two, and is rendered for each id.
        """
        parts = self._tooltip_parts.get(slug)
        if parts is None:
            parts = str(self._tooltip(self.terms[slug], _ID_STAND_IN)).split(_ID_STAND_IN)
            self._tooltip_parts[slug] = parts
        if len(parts) != 2:
            return str(self._tooltip(self.terms[slug], tip_id))
        return parts[0] + str(escape(tip_id)) + parts[1]

    # The patterns are compiled on first use (about 15 ms each for this glossary): the build
    # itself only adds tooltips, and links a page again only when search has changed it.
    # They run on lowercased text: the regex engine compares letters without case folding,
    # almost three times as fast as with re.IGNORECASE. Most text holds no URL; without the
    # URL branch the engine tries one thing less at every letter, and the never-matching
    # "url" group lets _link_text() treat both patterns alike.
    @cached_property
    def _term(self) -> str:
        words = _trie_pattern(self._forms) or r"(?!x)x"
        return rf"(?<![\w-])(?P<term>{words})(?![\w-])"

    @cached_property
    def _pattern(self) -> re.Pattern:
        return re.compile(rf"{URL}|{self._term}")

    @cached_property
    def _pattern_no_url(self) -> re.Pattern:
        return re.compile(rf"{self._term}(?P<url>(?!))?")

    @cached_property
    def _pattern_any_case(self) -> re.Pattern:
        """For the rare text whose lowercase is longer or shorter ("İ"), so positions would not match."""
        return re.compile(rf"{URL}|{self._term}", re.I)

    def link(self, html: str, href: Callable[[str], str]) -> LinkResult:
        """Link first mentions in ``html``; ``href(slug)`` gives the glossary URL for this page."""
        seen = set(LINKED.findall(html)) if "data-term=" in html else set()
        result = LinkResult("")
        out, stack, skipping, position = [], [], 0, 0
        for tag in TAG.finditer(html):
            text = html[position : tag.start()]
            out.append(text if skipping else self._link_text(text, seen, href, result))
            out.append(tag[0])
            position = tag.end()
            skipping = self._track(tag, stack, skipping)
        tail = html[position:]
        out.append(tail if skipping else self._link_text(tail, seen, href, result))
        result.html = "".join(out)
        return result

    def add_tooltips(self, html: str) -> str:
        """After each term link in ``html``, its tooltip (once; unknown slugs are left alone)."""

        def add(match: re.Match) -> str:
            slug, tip_id = TERM_SLUG.search(match[1]), TOOLTIP_ID.search(match[1])
            if slug is None or tip_id is None or slug[1] not in self.terms:
                return match[0]
            return match[0] + self._tooltip_markup(slug[1], tip_id[1])

        return TERM_LINK.sub(add, html) if "gl__term" in html else html

    @staticmethod
    def _track(tag: re.Match, stack: list, skipping: int) -> int:
        """Keep the open-element stack, and how many open elements forbid links."""
        closing, name, attrs = tag[1], (tag[2] or "").lower(), tag[3] or ""
        if not name or not opens_element(name, attrs):
            return skipping
        if not closing:
            skip = name in SKIP_TAGS or bool(class_names(attrs) & SKIP_CLASSES)
            stack.append((name, skip))
            return skipping + skip
        names = [open_name for open_name, _ in stack]
        if name in names:
            while stack:
                open_name, skip = stack.pop()
                skipping -= skip
                if open_name == name:
                    break
        return skipping

    def _link_text(self, text: str, seen: set, href: Callable[[str], str], result: LinkResult) -> str:
        if not text.strip():
            return text
        lowered = text.lower()
        if len(lowered) == len(text):
            pattern = self._pattern if MAYBE_URL.search(lowered) else self._pattern_no_url
        else:
            pattern, lowered = self._pattern_any_case, text
        parts, position = [], 0
        for match in pattern.finditer(lowered):
            if match["url"]:
                continue
            start, end = match.span("term")
            found = text[start:end]
            slug, exact = self._forms.get(found.lower(), ("", None))
            if not slug or slug in seen or (exact is not None and found != exact):
                continue
            seen.add(slug)
            result.linked.append(slug)
            parts += [text[position:start], self._link_markup(slug, href(slug), found)]
            position = end
        return "".join([*parts, text[position:]]) if parts else text
