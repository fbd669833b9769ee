"""The tag facts the term linker and readability share."""

from __future__ import annotations

import re

import pytest
from guide.html_tags import TAG_PATTERN, class_names, opens_element


@pytest.mark.parametrize(
    ("attributes", "names"),
    [
        (' class="gl gl__tip" id="x"', {"gl", "gl__tip"}),
        (" id='y' CLASS='headerlink'", {"headerlink"}),
        (" class=admonition-title", {"admonition-title"}),
        (' class=""', set()),
        (' data-class="gl" title="class=gl"', set()),
        ("", set()),
    ],
)
def test_class_names(attributes, names):
    assert class_names(attributes) == names


@pytest.mark.parametrize(
    ("name", "attributes", "opens"),
    [("p", ' class="x"', True), ("br", "", False), ("img", ' src="a"', False), ("span", ' id="a" / ', False)],
)
def test_opens_element(name, attributes, opens):
    assert opens_element(name, attributes) is opens


def test_tag_pattern_reads_quoted_greater_than_signs():
    tag = re.fullmatch(TAG_PATTERN, "<a title=\"a > b\" href='x>y'>")
    assert tag.groups() == ("", "a", " title=\"a > b\" href='x>y'")
    assert re.fullmatch(TAG_PATTERN, "</Span>").groups() == ("/", "Span", "")
