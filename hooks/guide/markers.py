"""Explicit markers such as ``<!-- table: radiation -->``: where generated content goes in a page.

A marker is an HTML comment alone on its line, of the form ``<!-- kind: id -->``. It stays
invisible on GitHub if the hooks are off, and an unknown kind or id stops the build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .errors import DataError, did_you_mean

MARKER = re.compile(r"^[ \t]*<!--[ \t]*(?P<kind>[a-z][a-z-]*):[ \t]*(?P<arg>\S+?)[ \t]*-->[ \t]*$", re.M)


@dataclass(frozen=True)
class Marker:
    kind: str
    arg: str
    line: int


def find_markers(markdown: str) -> list[Marker]:
    if "<!--" not in markdown:  # most pages have no marker: skip the line-by-line pattern
        return []
    return [Marker(m["kind"], m["arg"], markdown.count("\n", 0, m.start()) + 1) for m in MARKER.finditer(markdown)]


def expand_markers(
    markdown: str,
    kind: str,
    render: Callable[[str], str | None],
    valid_ids: Mapping[str, object] | list[str],
    page: str,
) -> str:
    """Replace each ``<!-- kind: id -->`` with ``render(id)``; an id not in ``valid_ids`` is an error."""

    def replace(match: re.Match) -> str:
        if match["kind"] != kind:
            return match[0]
        arg = match["arg"]
        if arg not in valid_ids:
            line = markdown.count("\n", 0, match.start()) + 1
            raise DataError.single(
                page,
                f"unknown {kind} id '{arg}' in marker {match[0].strip()}.{did_you_mean(arg, valid_ids)}",
                line=line,
            )
        return render(arg)

    return MARKER.sub(replace, markdown) if "<!--" in markdown else markdown
