"""Key facts render as admonitions, and the required facts say what the article says."""

from __future__ import annotations

from guide.article import normalise
from guide.facts import render_fact, render_fact_summary
from guide.models import Fact
from test_snapshots import DATA

FACT = Fact(
    id="demo",
    kind="tip",
    title="Title <b>",
    statement="Up to 97% & more.",
    numbers=["97%"],
    source="representing up to 97% of malignant spinal masses",
)


def test_fact_is_a_material_admonition_with_its_source():
    html = render_fact(FACT)
    assert html.startswith('<div class="admonition tip guide-fact" id="fact-demo">')
    assert '<p class="admonition-title">Title &lt;b&gt;</p>' in html
    assert "<p>Up to 97% &amp; more.</p>" in html
    assert "<q>representing up to 97% of malignant spinal masses</q>" in html
    assert "\n\n" not in html, "a blank line would end Markdown's raw HTML block"


def test_summary_links_each_fact_to_its_page():
    html = render_fact_summary([FACT], {"demo": "../prognosis/#fact-demo"})
    assert '<a href="../prognosis/#fact-demo">Read more about this</a>' in html
    assert html.count('class="admonition ') == 1


def test_required_facts_and_numbers():
    facts = DATA.facts
    assert "97%" in facts["metastatic-share"].numbers
    assert "80–90%" in facts["cement-pain-relief"].numbers
    for fact_id in (
        "metastasis-sources",
        "low-grade-primary-curable",
        "en-bloc-eligibility",
        "metastatic-goal",
        "outlook-by-primary",
        "srs-vs-cebrt",
    ):
        assert fact_id in facts
    sources = normalise(facts["metastasis-sources"].statement).lower()
    assert all(organ in sources for organ in ("lung", "breast", "prostate", "kidney"))


def test_every_fact_is_placed_on_a_page():
    assert set(DATA.fact_pages) == set(DATA.facts)
