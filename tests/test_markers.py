"""Markers: found with their line, expanded by kind, unknown ids rejected with suggestions."""

from __future__ import annotations

import pytest
from guide.errors import DataError
from guide.markers import expand_markers, find_markers

PAGE = "Intro\n<!-- table: radiation -->\n\n  <!-- fact: metastatic-share -->\ntext <!-- table: inline --> text\n"


def test_find_markers_only_on_their_own_line():
    found = [(m.kind, m.arg, m.line) for m in find_markers(PAGE)]
    assert found == [("table", "radiation", 2), ("fact", "metastatic-share", 4)]


def test_expand_only_the_given_kind():
    out = expand_markers(PAGE, "table", lambda i: f"[{i}]", ["radiation"], "p.md")
    assert out.startswith("Intro\n[radiation]\n")
    assert "<!-- fact: metastatic-share -->" in out


def test_unknown_id_is_an_error_with_a_suggestion():
    with pytest.raises(DataError) as caught:
        expand_markers(PAGE, "table", str, ["radiotherapy", "radiation-x"], "docs/p.md")
    assert (
        str(caught.value)
        == "docs/p.md:2: unknown table id 'radiation' in marker <!-- table: radiation -->. Did you mean 'radiation-x'?"
    )
