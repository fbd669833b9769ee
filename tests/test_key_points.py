"""Key points open each content page and stay at reading grade 8 or below."""

from __future__ import annotations

import pytest
import textstat
from guide.key_points import insert_after_title, key_points_text, render_key_points
from test_snapshots import DATA


def test_inserted_right_under_the_title():
    assert insert_after_title("intro\n# Title\n\nText", "BOX") == "intro\n# Title\n\nBOX\n\n\nText"
    assert insert_after_title("No title", "BOX") == "BOX\n\nNo title"


@pytest.mark.parametrize("page", sorted(DATA.key_points))
def test_key_points_are_grade_8_or_lower(page):
    entry = DATA.key_points[page]
    assert 3 <= len(entry.points) <= 5
    assert textstat.flesch_kincaid_grade(key_points_text(entry)) <= 8


def test_box_markup():
    entry = next(iter(DATA.key_points.values()))
    html = render_key_points(entry)
    assert html.startswith('<div class="admonition abstract guide-key-points">')
    assert html.count("<li>") == len(entry.points)
