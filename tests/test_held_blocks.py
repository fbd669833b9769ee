"""Generated blocks skip Markdown: the page comes out as if Markdown had copied them, ids and all."""

from __future__ import annotations

import markdown
import pytest
from conftest import ROOT
from guide import held_blocks
from guide.errors import DataError
from guide.facts import render_fact
from guide.held_blocks import HeldBlocks, anchor_ids
from guide.key_points import render_key_points
from guide.site_data import load_site_data
from guide.tables import render_table
from mkdocs.structure.pages import _HTMLHandler

DATA = load_site_data(ROOT, ROOT / "docs")
BLOCKS = [
    *(render_fact(fact) for fact in DATA.facts.values()),
    *(render_table(table) for table in DATA.tables.values()),
    *(render_key_points(entry) for entry in DATA.key_points.values()),
]
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_held_block_comes_out_as_markdown_would_copy_it():
    for block in BLOCKS:
        page = "# Title\n\nBefore.\n\n{}\n\nAfter, with a [link](x.md).\n"
        held = HeldBlocks()
        html, _ids = held.put_back("p.md", convert(page.format(held.hold("p.md", block))))
        assert html == convert(page.format(block))


def test_ids_are_those_mkdocs_finds_in_raw_html():
    for block in BLOCKS:
        handler = _HTMLHandler()
        handler.feed(block)
        handler.close()
        assert anchor_ids(block) == handler.present_anchor_ids
    assert any(anchor_ids(block) for block in BLOCKS), "the blocks do carry ids (fact-…, table-…)"


def test_blocks_go_back_to_their_own_page_in_order_once():
    held = HeldBlocks()
    first, second = held.hold("a.md", '<p id="one">1</p>'), held.hold("a.md", "<p>2</p>")
    other = held.hold("b.md", '<p id="three">3</p>')
    assert held.put_back("a.md", f"{second}\n{first}\n") == ('<p>2</p>\n<p id="one">1</p>\n', {"one"})
    assert held.put_back("a.md", first) == (first, set()), "given back once; a second build starts afresh"
    assert held.put_back("b.md", other) == ('<p id="three">3</p>', {"three"})


def test_a_comment_a_contributor_writes_is_never_taken_for_a_placeholder():
    held = HeldBlocks()
    held.hold("a.md", "<p>block</p>")
    written = "<!-- guide-block 0000000000000000 0 -->"
    assert held.put_back("a.md", written)[0] == written
    assert HeldBlocks().hold("a.md", "x") != HeldBlocks().hold("a.md", "x"), "a new token each build"


def test_holding_without_the_hook_is_an_error_not_a_page_of_placeholders(monkeypatch):
    monkeypatch.setattr(held_blocks, "_held", [])
    with pytest.raises(DataError, match="list hooks/held_blocks.py in mkdocs.yml"):
        held_blocks.current()
