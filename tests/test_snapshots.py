"""Generated Markdown equals a reviewed snapshot; `make snapshots` updates it on purpose."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT
from guide.facts import render_fact, render_fact_summary
from guide.glossary import render_glossary_page
from guide.key_points import render_key_points
from guide.site_data import load_site_data
from guide.tables import render_table

SNAPSHOTS = ROOT / "tests/snapshots"
DATA = load_site_data(ROOT, ROOT / "docs")


def generated() -> dict[str, str]:
    pages = {"glossary.md": render_glossary_page(DATA.terms)}
    pages["facts.md"] = "\n\n".join(render_fact(f) for f in DATA.facts.values())
    pages["facts-summary.md"] = render_fact_summary(
        list(DATA.facts.values()), {k: f"{v}#fact-{k}" for k, v in DATA.fact_pages.items()}
    )
    pages["tables.md"] = "\n\n".join(render_table(t) for t in DATA.tables.values())
    pages["key-points.md"] = "\n\n".join(
        f"<!-- {page} -->\n{render_key_points(e)}" for page, e in DATA.key_points.items()
    )
    return pages


@pytest.mark.parametrize("name", sorted(generated()))
def test_generated_markdown_matches_snapshot(name):
    actual = generated()[name] + "\n"
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path.name}: run `make snapshots` and review it"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed: review, then `make snapshots`"
