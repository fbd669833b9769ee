"""The "Key points" box that opens each content page, from data/key_points.yml."""

from __future__ import annotations

import re

from .models import PageKeyPoints
from .templates import html_block, macro

_H1 = re.compile(r"^# .+$", re.M)


def render_key_points(entry: PageKeyPoints) -> str:
    return html_block(macro("key_points.html", "key_points")(entry.points))


def insert_after_title(markdown: str, block: str) -> str:
    """Put ``block`` right under the page's ``# Title`` (or first, if the page has none)."""
    match = _H1.search(markdown)
    if match is None:
        return f"{block}\n\n{markdown}"
    return f"{markdown[: match.end()]}\n\n{block}\n{markdown[match.end() :]}"


def key_points_text(entry: PageKeyPoints) -> str:
    """The bullets as one text, for readability scoring."""
    return " ".join(point.text for point in entry.points)
