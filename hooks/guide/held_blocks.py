"""Generated HTML goes around Markdown, not through it.

A fact box, a table, a "Key points" box or a glossary entry is finished HTML when a hook
makes it. Handed to Markdown as a raw block, it is read twice by Python's ``HTMLParser``
(md_in_html looking for Markdown inside, MkDocs looking for anchor ids) only to be copied
out unchanged: 1.3 s of a 1,000-page build, and a third of the glossary page's rendering.
So the Markdown carries a one-line placeholder comment instead, which Markdown copies out as
it is, and the block takes its place in the page's HTML (``on_page_content``). The ids in
the block are handed to MkDocs, so its anchor checks see the page as before.

A placeholder holds a token drawn for each build, so no comment a contributor writes can
be taken for one.
"""

from __future__ import annotations

import re
import secrets
from html import unescape

from .errors import DataError

_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid\s*=\s*"([^"]*)\"""")


def anchor_ids(html: str) -> set[str]:
    """The ``id`` of each tag in ``html``: what MkDocs records for links to #anchors in raw HTML."""
    return {unescape(value) for value in _ID.findall(html)}


class HeldBlocks:
    """Blocks held out of one build's Markdown, by page, until the page's HTML is made."""

    def __init__(self) -> None:
        self._token = secrets.token_hex(8)
        self._pattern = re.compile(rf"<!-- guide-block {self._token} (\d+) -->")
        self._blocks: dict[str, list[str]] = {}

    def hold(self, page: str, html: str) -> str:
        """A placeholder for ``html`` in the Markdown of ``page`` (its path under docs/)."""
        blocks = self._blocks.setdefault(page, [])
        blocks.append(html)
        return f"<!-- guide-block {self._token} {len(blocks) - 1} -->"

    def put_back(self, page: str, html: str) -> tuple[str, set[str]]:
        """``html`` with each placeholder replaced by its block, and the ids the blocks hold."""
        blocks = self._blocks.pop(page, [])
        if not blocks:
            return html, set()
        ids: set[str] = set()

        def block(match: re.Match) -> str:
            held = blocks[int(match[1])]
            ids.update(anchor_ids(held))
            return held

        return self._pattern.sub(block, html), ids


_held: list[HeldBlocks] = []


def start() -> HeldBlocks:
    """A new holder for a new build (each rebuild of ``mkdocs serve`` too)."""
    _held[:] = [HeldBlocks()]
    return _held[0]


def current() -> HeldBlocks:
    if not _held:  # without the hook that puts blocks back, pages would show placeholders
        raise DataError.single(
            "hooks/held_blocks.py", "no build started; list hooks/held_blocks.py in mkdocs.yml hooks:"
        )
    return _held[0]
