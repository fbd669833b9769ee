"""Readability of a rendered page: Flesch–Kincaid grade, Flesch reading ease and reading time.

The scores come from textstat; this module only decides *which text* is scored, because
that choice moves the numbers more than any formula does:

- Only what a reader reads in the article: tooltip copies of glossary definitions
  (``.gl__tip``), permalink symbols (``.headerlink``) and anything marked
  ``data-readability-skip`` (the "About this page" box itself) are left out.
- Each block (heading, paragraph, list item, table cell…) is its own unit. textstat
  splits sentences only at ``. ! ?``, so a heading or a bullet without a full stop
  would otherwise be glued to the next sentence into one long "sentence" and inflate
  the grade. A block that does not end a sentence gets a full stop; punctuation adds
  no words or syllables, so nothing else changes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html.parser import HTMLParser

import textstat

from .pronunciations import use_for_textstat

use_for_textstat()

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIPPED_CLASSES = frozenset({"gl__tip", "headerlink"})
SKIP_ATTRIBUTE = "data-readability-skip"
NOT_TEXT_TAGS = frozenset({"script", "style", "template", "svg"})
VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
SENTENCE_ENDS = (".", "!", "?", ".”", "!”", "?”", '."', '!"', '?"', ".)", "?)", "!)")

READING_MS_PER_CHAR = 60.0
"""textstat's default (14.69 ms a character, from eye-tracking of skilled readers) works out at
roughly 800 words a minute. People reading about their own illness, meeting new medical words,
read nearer 200 words a minute; at about 5 letters a word that is 60 ms a character."""

EASE_BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly hard"))
"""Flesch's own bands for reading ease (higher is easier); below the last one a text is "hard"."""


@dataclass(frozen=True)
class Readability:
    """The scores shown to readers, as textstat computes them on the page's text."""

    grade: float
    reading_ease: float
    words: int
    seconds: float

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded up: "1 minute" for a short page, never "0"."""
        return max(1, math.ceil(self.seconds / 60))

    @property
    def ease_label(self) -> str:
        return next((label for floor, label in EASE_BANDS if self.reading_ease >= floor), "hard")


def measure(text: str) -> Readability:
    """Score ``text`` (already reduced to what a reader reads, see :func:`readable_text`)."""
    return Readability(
        grade=textstat.flesch_kincaid_grade(text),
        reading_ease=textstat.flesch_reading_ease(text),
        words=textstat.lexicon_count(text),
        seconds=textstat.reading_time(text, ms_per_char=READING_MS_PER_CHAR),
    )


class _TextCollector(HTMLParser):
    """Collects the text of each block, leaving out skipped elements and their children."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip_stack: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = set((dict(attrs).get("class") or "").split())
        return tag in NOT_TEXT_TAGS or bool(classes & SKIPPED_CLASSES) or any(k == SKIP_ATTRIBUTE for k, _ in attrs)

    def handle_starttag(self, tag, attrs):
        if self._skip_stack:
            if tag not in VOID_TAGS:
                self._skip_stack.append(tag)
            return
        if tag in BLOCK_TAGS:
            self._flush()
        if self._skipped(tag, attrs) and tag not in VOID_TAGS:
            self._skip_stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if not self._skip_stack and tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if self._skip_stack:
            if tag in self._skip_stack:
                while self._skip_stack.pop() != tag:
                    pass
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip_stack:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def text_blocks(html: str) -> list[str]:
    """The text of each block of ``html``, in reading order, whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks


def readable_text(html: str) -> str:
    """What a reader reads on the page, one block per line, each block ending a sentence."""
    return "\n".join(block if block.endswith(SENTENCE_ENDS) else f"{block}." for block in text_blocks(html))
