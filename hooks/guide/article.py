"""The source article: the single authority every quote in data/ is checked against."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

_FOLDS = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u00a0", " "),
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z\u201c\"])")


def normalise(text: str) -> str:
    """Fold quotes, dashes and whitespace: the only liberties the site may take with the article.

    Seven ``str.replace`` calls, not ``str.translate``: translate looks up every character
    in a dict, and whole pages are normalised (ten times slower on a 1,000-page site).
    """
    for curly, plain in _FOLDS:
        if curly in text:
            text = text.replace(curly, plain)
    return " ".join(text.split())  # str.split() splits at exactly what \s matches


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s]


class Article:
    """The article as a title, headings and paragraphs, read from its plain-text copy."""

    def __init__(self, text: str, name: str = "source/can-you-cure-cancer-of-the-spine.txt"):
        self.text = text
        self.name = name

    @classmethod
    def from_path(cls, path: Path, name: str | None = None) -> Article:
        return cls(path.read_text(encoding="utf-8"), name or path.as_posix())

    @cached_property
    def blocks(self) -> list[str]:
        return [b.strip() for b in re.split(r"\n\s*\n", self.text) if b.strip()]

    @cached_property
    def paragraphs(self) -> list[str]:
        """Blocks that end with a full stop; the title (a question) and the headings do not."""
        return [b for b in self.blocks if b.endswith(".")]

    @cached_property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in split_sentences(p)]

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    def contains(self, quote: str) -> bool:
        """True when ``quote`` is a contiguous stretch of the article, up to quote/dash/space folding."""
        wanted = normalise(quote)
        return bool(wanted) and wanted in self.normalised
