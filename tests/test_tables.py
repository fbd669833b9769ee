"""Comparison tables: caption, header cells, phone labels, escaped text and row sources."""

from __future__ import annotations

from guide.models import ComparisonTable
from guide.tables import render_table
from test_snapshots import DATA

TABLE = ComparisonTable(
    id="demo",
    caption="Two <things>",
    columns=["Treatment", "Dose"],
    rows=[{"cells": ["cEBRT", "Lower doses"], "sources": ["delivers lower doses over multiple sessions"]}],
)


def test_table_markup():
    html = render_table(TABLE)
    assert "<caption>Two &lt;things&gt;</caption>" in html
    assert '<th scope="col">Treatment</th><th scope="col">Dose</th>' in html
    assert '<tr><th scope="row">cEBRT</th><td data-label="Dose">Lower doses</td></tr>' in html
    assert "<li><strong>cEBRT:</strong> <q>delivers lower doses over multiple sessions</q></li>" in html
    assert "\n\n" not in html


def test_required_tables_exist():
    assert len(DATA.tables) >= 6
    assert {
        "primary-vs-metastatic",
        "primary-tumor-types",
        "surgical-approaches",
        "radiation",
        "systemic-therapies",
        "supportive-care",
    } <= set(DATA.tables)
