"""Errors written for contributors: where the problem is, and what was expected."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

LIST_AT_MOST = 12
"""With no close match, list the valid choices when there are at most this many."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Suggest the closest valid ids, because most bad references are typos."""
    options = sorted(set(choices) - {word})
    close = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    if close:
        return " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if 0 < len(options) <= LIST_AT_MOST:
        return " Valid: " + ", ".join(f"'{c}'" for c in options) + "."
    return ""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place; several of them make a :class:`DataError`."""

    file: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.entry is not None:
            parts.append(f"entry '{self.entry}'")
        if self.field is not None:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class DataError(Exception):
    """Raised for bad data or bad markers; its text is the whole message a contributor sees."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self._text())

    def _text(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)

    @classmethod
    def single(cls, file: str, message: str, **where) -> DataError:
        return cls([Problem(file, message, **where)])
