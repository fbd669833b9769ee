"""The glossary page: A–Z, stable anchors, related links, sources and backlink placeholders."""

from __future__ import annotations

import re

import pytest
from guide.glossary import MOST_BACKLINKS, cross_check, fill_backlinks, render_glossary_page
from guide.models import GlossaryTerm
from test_snapshots import DATA


def term(slug, name, **extra):
    return GlossaryTerm(
        slug=slug,
        term=name,
        short=extra.pop("short", "Plain words."),
        source=extra.pop("source", {"reference": "NCI Dictionary of Cancer Terms"}),
        **extra,
    )


TERMS = [
    term("vertebra", "vertebra", aliases=["vertebrae"], related=["spinal-cord"]),
    term("srs", "SRS", related=["vertebra"]),
    term("spinal-cord", "spinal cord", long="A longer text.", source={"quote": "spinal cord"}),
]


def test_page_is_sorted_a_to_z_with_letter_anchors():
    page = render_glossary_page(TERMS)
    headings = re.findall(r"^### (.+) \{ #([a-z-]+) \}$", page, re.M)
    assert headings == [("spinal cord", "spinal-cord"), ("SRS", "srs"), ("vertebra", "vertebra")]
    assert re.findall(r"^## ([A-Z#]) \{ #letter-", page, re.M) == ["S", "V"]
    assert '<a href="#letter-s">S</a>' in page and '<a href="#letter-v">V</a>' in page
    assert "#letter-a" not in page


def test_entry_shows_related_source_aliases_and_placeholder():
    page = render_glossary_page(TERMS)
    assert 'Related: <a href="#spinal-cord">spinal cord</a>' in page
    assert "Also written: vertebrae" in page
    assert "Source: NCI Dictionary of Cancer Terms" in page
    assert "Source: the source article, <q>spinal cord</q>" in page
    assert '<span class="guide-term__pages" data-appears-on="srs"></span>' in page


def test_backlinks_fill_or_say_none():
    html = '<span class="guide-term__pages" data-appears-on="srs"></span>|<span class="guide-term__pages" data-appears-on="vertebra"></span>'
    filled = fill_backlinks(
        html, {"srs": [("Radiation therapy", "../treatment/radiation/"), ("Surgery", "../treatment/surgery/")]}
    )
    assert (
        filled
        == '<a href="../treatment/radiation/">Radiation therapy</a>, <a href="../treatment/surgery/">Surgery</a>|no page yet'
    )


def test_backlinks_name_the_first_pages_and_count_the_rest():
    html = '<span class="guide-term__pages" data-appears-on="tumor"></span>'
    pages = [(f"Page {n}", f"../p{n}/") for n in range(MOST_BACKLINKS + 2)]
    filled = fill_backlinks(html, {"tumor": pages})
    assert filled.count("<a ") == MOST_BACKLINKS
    assert f'<a href="../p{MOST_BACKLINKS - 1}/">Page {MOST_BACKLINKS - 1}</a> and 2 more pages' in filled
    one_more = fill_backlinks(html, {"tumor": pages[: MOST_BACKLINKS + 1]})
    assert one_more.endswith("</a> and 1 more page")
    assert "more" not in fill_backlinks(html, {"tumor": pages[:MOST_BACKLINKS]})


def test_cross_check_finds_self_reference():
    problems = cross_check([term("srs", "SRS", related=["srs"])], "data/glossary.yml")
    assert [p.message for p in problems] == ["an entry cannot be related to itself"]


def test_real_glossary_covers_the_required_terms():
    slugs = {t.slug for t in DATA.terms}
    forms = {f.lower() for t in DATA.terms for f in t.forms}
    assert len(DATA.terms) >= 40
    for required in (
        "metastasis",
        "chordoma",
        "notochord",
        "glioma",
        "ependymoma",
        "astrocytoma",
        "vertebra",
        "spinal cord",
        "nerve root",
        "en bloc resection",
        "decompression",
        "palliative",
        "cebrt",
        "srs",
        "sabr",
        "separation surgery",
        "radioresistant",
        "systemic therapy",
        "chemotherapy",
        "adjuvant",
        "targeted therapy",
        "egfr",
        "her2",
        "immunotherapy",
        "vertebroplasty",
        "kyphoplasty",
        "nerve block",
        "physical therapy",
        "occupational therapy",
        "gait training",
        "multidisciplinary",
        "prognosis",
        "lymphatic system",
    ):
        assert required in forms or required.replace(" ", "-") in slugs, required


@pytest.mark.parametrize("entry", DATA.terms, ids=lambda t: t.slug)
def test_every_definition_is_short_and_sourced(entry):
    assert len(entry.short.split()) <= 25
    assert getattr(entry.source, "quote", None) or getattr(entry.source, "reference", None)


def _glossary_hook():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("glossary_hook", ROOT / "hooks" / "glossary.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def test_readers_get_the_workers_copy_with_tooltips_unless_search_changed_more_than_its_attributes():
    from guide.page_worker import Linked
    from guide.term_linker import TermLinker

    hook = _glossary_hook()
    terms = [GlossaryTerm(slug="srs", term="SRS", short="Focused radiation.", source={"reference": "R"})]
    hook._linker = TermLinker(terms)
    linked = hook._linker.link('<p data-search-exclude="true">SRS works.</p>', lambda slug: f"g/#{slug}").html
    worked = Linked(linked, ["srs"], "the worker's copy")
    assert hook._with_tooltips(worked, linked) == "the worker's copy"
    stripped = linked.replace(' data-search-exclude="true"', "")
    assert hook._with_tooltips(Linked(linked, ["srs"], hook._linker.add_tooltips(linked)), stripped) == (
        hook._linker.add_tooltips(stripped)
    )
    changed = stripped.replace("works", "helps")
    assert hook._with_tooltips(worked, changed) == hook._linker.add_tooltips(changed), "added here"
    assert 'role="tooltip"' in hook._with_tooltips(None, changed)
