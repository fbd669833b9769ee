"""Pyphen's hyphenation patterns for textstat, parsed only for the words that need them.

textstat counts a word's syllables from the CMU dictionary and falls back to Pyphen's
hyphenation points for words the dictionary lacks ("kyphoplasty", "ependymoma"). It asks
for Pyphen before the first word of every text, and ``Pyphen(lang=...)`` parses all of
the language's 11,000 patterns at once: about 60 ms, a sixth of everything the hooks add
to a build of this site. A page's missing words need a few hundred of them.

:class:`LazyHyphDict` is Pyphen's own ``HyphDict`` (its ``positions`` runs unchanged)
whose ``patterns`` are found by their letters and parsed the first time ``positions``
looks one up. Installed in Pyphen's cache of parsed files, it is what ``Pyphen(lang=...)``
returns, so the syllable counts, and the scores, are exactly textstat's own
(tests/test_hyphenation.py compares every pattern and many words with the eager parse).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path

import pyphen

DIGITS = b"0123456789"
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
"""Pyphen reads any Unicode digit as a weight; the fast letters-only key drops only 0-9."""
_WEIGHTED = re.compile(r"[1-9]")
_UNWEIGHTED = re.compile(r"^[^1-9\n]*$", re.MULTILINE)
"""A pattern with only zeros marks no hyphenation point; Pyphen drops it, and so do we."""


class LazyPatterns(Mapping):
    """``letters -> (offset, weights)``, as ``HyphDict.patterns`` holds them, parsed on lookup."""

    def __init__(self, lines: list[str]):
        joined = "\n".join(lines)
        letters = without_digits(joined).split("\n")
        self._lines: dict[str, str] = dict(zip(letters, lines, strict=True))  # a later line with the same letters wins
        unweighted = {without_digits(line) for line in _UNWEIGHTED.findall(joined)}
        if unweighted:  # Pyphen skips a line of zeros, so an earlier line with a weight may win instead
            for key in unweighted:
                del self._lines[key]
            for key, line in zip(letters, lines, strict=True):
                if key in unweighted and _WEIGHTED.search(line):
                    self._lines[key] = line
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}

    def get(self, letters, default=None):
        parsed = self._parsed.get(letters)
        if parsed is None:
            line = self._lines.get(letters)
            if line is None:
                return default
            parsed = self._parsed[letters] = parse_pattern(line)
        return parsed

    def __getitem__(self, letters: str) -> tuple[int, tuple[int, ...]]:
        found = self.get(letters)
        if found is None:
            raise KeyError(letters)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def without_digits(text: str) -> str:
    """A pattern's letters; bytes.translate, because str.translate or re.sub take 10x as long here."""
    return text.encode("utf-8").translate(None, DIGITS).decode("utf-8")


def parse_pattern(line: str) -> tuple[int, tuple[int, ...]]:
    """One pattern as ``HyphDict.__init__`` stores it: where its weights start, and the weights."""
    values = [int(digit or "0") for digit, _letter in pyphen.parse(line)]
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, tuple(values[start:end])


def pattern_lines(path: Path) -> list[str] | None:
    """The file's pattern lines, or None when it uses what only Pyphen's own parser reads.

    ``^^hh`` escapes, ``/`` alternatives (non-standard hyphenation, as in Hungarian) and
    weights written in other digits than 0-9 are left to Pyphen; the English patterns have none.
    """
    with path.open("rb") as file:
        encoding = file.readline().decode().strip()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = [line.strip() for line in path.read_text(encoding).split("\n")[1:]]
    lines = [line for line in lines if line and not line.startswith(pyphen.ignored)]
    if any("^^" in line or "/" in line for line in lines) or _OTHER_DIGIT.search("".join(lines)):
        return None
    return lines


class LazyHyphDict(pyphen.HyphDict):
    """A ``HyphDict`` that reads its file when a word first needs hyphenating."""

    def __init__(self, path: Path):  # no super().__init__(): that is the eager parse
        self.path = path
        self.cache = {}

    @cached_property
    def patterns(self) -> Mapping[str, tuple[int, tuple[int, ...]]]:
        lines = pattern_lines(self.path)
        return pyphen.HyphDict(self.path).patterns if lines is None else LazyPatterns(lines)

    @cached_property
    def maxlen(self) -> int:
        return max(map(len, self.patterns))

    def positions(self, word):
        if len(self.cache) == EAGER_AFTER_WORDS and isinstance(self.patterns, LazyPatterns):
            self.patterns = pyphen.HyphDict(self.path).patterns
        return super().positions(word)


EAGER_AFTER_WORDS = 300
"""A lazy lookup costs a Python call where the eager dict costs none: ``positions`` looks up
every piece of a word (about 60 for a 10-letter word), so once some 300 words have been
hyphenated, parsing the whole file (60-100 ms) is the cheaper way on. A page or a small site
stays well below that; a large site of many unusual words passes it once."""


def use_for_textstat(language: str) -> None:
    """Make ``Pyphen(lang=language)``, which textstat creates, use the lazily parsed patterns."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = LazyHyphDict(path)
