"""Readability of a rendered page: Flesch–Kincaid grade, Flesch reading ease and reading time.

The scores are textstat's (tests/test_readability.py holds them equal to textstat's own
functions on every built page); this module decides *which text* is scored, because that
choice moves the numbers more than any formula does:

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
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from html import unescape
from types import SimpleNamespace

from .html_tags import TAG_PATTERN, class_names, opens_element

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
SENTENCE_ENDS = (".", "!", "?", ".”", "!”", "?”", '."', '!"', '?"', ".)", "?)", "!)")

READING_MS_PER_CHAR = 60.0
"""textstat's default (14.69 ms a character, from eye-tracking of skilled readers) works out at
roughly 800 words a minute. People reading about their own illness, meeting new medical words,
read nearer 200 words a minute; at about 5 letters a word that is 60 ms a character."""

EASE_BANDS = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"), (50, "fairly hard"))
"""Flesch's own bands for reading ease (higher is easier); below the last one a text is "hard"."""
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
"""Flesch's reading ease constants for English, as textstat's en_US configuration holds them
(tests/test_readability.py checks); like the grade's 0.39, 11.8 and 15.59, written here so that
turning counts into scores does not import textstat."""
LANGUAGE = "en_US"
"""textstat's default language; it picks the American hyphenation patterns for words the CMU dictionary lacks."""


@cache
def textstat() -> SimpleNamespace:
    """textstat's counting functions, imported on first use.

    Importing textstat (and installing our dictionary and patterns in it) is a tenth of a
    second, and a build whose pages are counted in the page worker (page_worker.py)
    only turns counts into scores, which needs none of it.
    """
    from textstat.backend.counts._count_chars import count_chars
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.counts._count_words import count_words
    from textstat.backend.selections._list_words import list_words

    from . import hyphenation, pronunciations

    pronunciations.use_for_textstat()
    hyphenation.use_for_textstat(LANGUAGE)
    return SimpleNamespace(
        count_chars=count_chars,
        count_syllables=count_syllables,
        count_words=count_words,
        list_words=list_words,
    )


@dataclass(frozen=True)
class TextCounts:
    """What the scores are made of, counted the way textstat counts them.

    Counts add up: a page's counts are the sum of its blocks' counts, exactly as textstat
    would count the blocks joined into one text (each block ends a sentence, so no
    sentence runs from one block into the next). Blocks repeat, above all on the whole-guide
    print page, which holds every other page, so each block is counted once (``count`` is cached).
    """

    words: int = 0
    sentences: int = 0
    """textstat's sentences, less those of two words or fewer, *before* its ``max(1, …)``."""
    syllables: int = 0
    characters: int = 0
    """Characters other than white space, which textstat's reading time is based on."""

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
            self.characters + other.characters,
        )


@lru_cache(maxsize=1 << 16)
def word_syllables(word: str) -> int:
    """textstat's ``count_syllables`` of one word.

    textstat counts a text's syllables word by word over ``list_words(text, lowercase=True)``,
    so asking it one word at a time gives the same sum (tests/test_readability.py), and a
    word met a thousand times is looked up once.
    """
    return textstat().count_syllables(word, LANGUAGE)


@lru_cache(maxsize=1 << 16)
def count(text: str) -> TextCounts:
    """textstat's counts of ``text`` (its ``count_sentences`` without the final ``max(1, …)``)."""
    ts = textstat()
    sentences = re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE)
    return TextCounts(
        words=ts.count_words(text),
        sentences=len(sentences) - sum(1 for sentence in sentences if ts.count_words(sentence) <= 2),
        syllables=sum(map(word_syllables, ts.list_words(text, lowercase=True))),
        characters=ts.count_chars(text, ignore_spaces=True),
    )


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


def scores(counts: TextCounts) -> Readability:
    """textstat's formulas (``flesch_kincaid_grade``, ``flesch_reading_ease``, ``reading_time``) on counts."""
    sentences = max(1, counts.sentences) if counts.characters else 0
    per_sentence = counts.words / sentences if sentences else 0.0
    per_word = counts.syllables / counts.words if counts.words else 0.0
    if per_sentence == 0 or per_word == 0:
        grade = ease = 0.0
    else:
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
        ease = FRE_BASE - FRE_SENTENCE_LENGTH * per_sentence - FRE_SYLLABLES_PER_WORD * per_word
    return Readability(grade, ease, counts.words, READING_MS_PER_CHAR * counts.characters / 1000)


def measure(text: str) -> Readability:
    """Score ``text`` (already reduced to what a reader reads, see :func:`readable_text`)."""
    return scores(count(text))


def counts_html(html: str) -> TextCounts:
    """The counts of what a reader reads in ``html``, block by block (see :class:`TextCounts`)."""
    return sum(map(count, readable_blocks(html)), TextCounts())


_TOKEN = re.compile(
    r"<(script|style)\b(?:\"[^\"]*\"|'[^']*'|[^'\">])*>.*?</\1\s*>"  # raw text: never read, never parsed
    rf"|{TAG_PATTERN}"  # a start, end or self-closing tag
    r"|<!--.*?-->|<![^>]*>|<\?[^>]*>"  # comment, doctype, processing instruction
    r"|([^<]+|<)",  # text (a "<" that starts no tag is text, as in HTML)
    re.DOTALL | re.IGNORECASE,
)
_SKIP = re.compile(rf"\s{SKIP_ATTRIBUTE}(?=[\s=/]|$)", re.IGNORECASE)
_MAYBE_SKIPPED = re.compile("|".join(map(re.escape, sorted(SKIPPED_CLASSES | {SKIP_ATTRIBUTE}))), re.IGNORECASE)
"""One quick look at a tag's attributes; only a tag that passes it has them read."""


def _skipped(tag: str, attributes: str) -> bool:
    if tag in NOT_TEXT_TAGS:
        return True
    if not _MAYBE_SKIPPED.search(attributes):
        return False
    if SKIPPED_CLASSES & class_names(attributes):
        return True
    return SKIP_ATTRIBUTE in attributes and _SKIP.search(attributes) is not None


def text_blocks(html: str) -> list[str]:
    """The text of each block of ``html``, in reading order, whitespace collapsed.

    One regular expression walks the tags and the text between them: the page's HTML is
    written by Markdown and our templates, well formed, and Python's ``HTMLParser`` took
    most of a build's hook time on a large site doing the same walk.
    """
    blocks: list[str] = []
    current: list[str] = []
    skipping: list[str] = []  # open tags of a skipped element, innermost last

    def flush() -> None:
        if current:
            if text := " ".join("".join(current).split()):
                blocks.append(text)
            current.clear()

    # findall: tuples made in C, no match objects; a group that took no part is "", never None.
    for _raw, closing, tag, attributes, text in _TOKEN.findall(html):
        if text:
            if not skipping:
                current.append(unescape(text) if "&" in text else text)
        elif tag:
            tag = tag.lower()
            if closing:
                if skipping:
                    if tag in skipping:
                        while skipping.pop() != tag:
                            pass
                elif tag in BLOCK_TAGS:
                    flush()
            elif skipping:
                if opens_element(tag, attributes):
                    skipping.append(tag)
            else:
                if tag in BLOCK_TAGS:
                    flush()
                if opens_element(tag, attributes) and _skipped(tag, attributes):
                    skipping.append(tag)
    flush()
    return blocks


def readable_blocks(html: str) -> list[str]:
    """The blocks of ``html`` as they are scored: each one ending a sentence."""
    return [block if block.endswith(SENTENCE_ENDS) else f"{block}." for block in text_blocks(html)]


def readable_text(html: str) -> str:
    """What a reader reads on the page, one block per line, each block ending a sentence."""
    return "\n".join(readable_blocks(html))
