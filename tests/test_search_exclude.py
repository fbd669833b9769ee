"""Generated duplicates stay out of the search index, and everything else stays in."""

from __future__ import annotations

import json

import yaml
from conftest import ROOT
from guide.search_exclude import GENERATED_DUPLICATES, MARK, exclude_from_search
from pagetext import soup


def test_marks_each_generated_duplicate_and_nothing_else():
    html = (
        '<p class="guide-term__short">A definition.</p>'
        '<p class="guide-term__related">Related: <a href="#a">a</a></p>'
        '<div class="admonition info guide-fact"><p class="guide-fact__source">Source article: <q>x</q></p></div>'
    )
    marked = exclude_from_search(html)
    assert marked.count(MARK) == 2
    assert f'<p {MARK} class="guide-term__related">' in marked
    assert f'<p {MARK} class="guide-fact__source">' in marked
    assert '<p class="guide-term__short">' in marked
    assert '<div class="admonition info guide-fact">' in marked


def test_a_class_among_others_counts_and_marking_twice_changes_nothing():
    html = '<p id="x" class="big guide-term__appears">Appears on: <span class="guide-term__pages"></span></p>'
    once = exclude_from_search(html)
    assert (
        once
        == f'<p {MARK} id="x" class="big guide-term__appears">Appears on: <span class="guide-term__pages"></span></p>'
    )
    assert exclude_from_search(once) == once


def test_similar_class_names_are_not_matched():
    html = '<p class="guide-term__sources">x</p><p class="guide-fact__source-note">y</p><p data-class="guide-fact__source">z</p>'
    assert exclude_from_search(html) == html


def test_every_excluded_class_is_still_in_the_templates():
    """A renamed class in overrides/hooks/ would silently bring the duplicates back."""
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/hooks").glob("*.html"))
    assert all(f'class="{name}"' in templates for name in GENERATED_DUPLICATES)


def _index_text(site) -> str:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return "\n".join(f"{doc['title']}\n{doc['text']}" for doc in index["docs"])


def test_search_index_leaves_out_duplicates_but_keeps_every_definition(hosted_site):
    text = _index_text(hosted_site)
    for line_start in ("Appears on:", "Related:", "Source:", "Source article:"):
        assert line_start not in text
    terms = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    for term in terms:
        assert " ".join(term["short"].split()) in text, term["slug"]
    assert "Also written:" in text, "aliases stay searchable"


def test_published_pages_show_the_lines_without_the_marker(hosted_site):
    glossary = soup(hosted_site / "glossary/index.html")
    assert glossary.select(".guide-term__appears") and glossary.select(".guide-term__source")
    home = soup(hosted_site / "index.html")
    assert home.select(".guide-fact__source")
    for page in hosted_site.rglob("*.html"):
        assert MARK not in page.read_text(encoding="utf-8"), page
