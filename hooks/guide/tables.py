"""Comparison tables rendered from data/comparisons.yml, each row with its article quotes."""

from __future__ import annotations

from .models import ComparisonTable
from .templates import html_block, macro


def render_table(table: ComparisonTable) -> str:
    return html_block(macro("tables.html", "comparison_table")(table))
