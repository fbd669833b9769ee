"""The budgets of issue 7, and the table that shows each figure against its budget.

A budget is never changed to make a figure pass: a figure that misses its budget is a
bug to fix in the site, and the table says FAIL until it is fixed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

KB = 1000
"""Kilobytes are 1,000 bytes here, the stricter reading of "100 KB"."""


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    budget: float | None
    """Upper limit; None for figures that are only reported."""


FIGURES = (
    Figure("this_site_overhead", "Hook overhead, this site (with ÷ without hooks)", "×", 1.15),
    Figure(
        "this_site_overhead_first_build",
        "Hook overhead, this site, first build of a fresh clone (no compiled templates in .cache/)",
        "×",
        None,
    ),
    Figure("scale_overhead", "Hook overhead, synthetic site (with ÷ without hooks)", "×", 1.25),
    Figure("linearity", "Linearity (time per page at the large ÷ the small synthetic site)", "×", 1.2),
    Figure("weight_ratio_raw", "Page weight, raw (ours ÷ stock Material)", "×", 1.0),
    Figure("weight_ratio_gzip", "Page weight, gzip (ours ÷ stock Material)", "×", 1.0),
    Figure("weight_gzip_kb", "Page weight, gzip, absolute", "KB", 100.0),
    Figure("weight_with_search_raw", "Page weight after a first search, raw (ours ÷ stock Material)", "×", None),
    Figure("weight_with_search_gzip", "Page weight after a first search, gzip (ours ÷ stock Material)", "×", None),
    Figure("search_latency_ms", "Search latency, last keystroke to first result (median)", "ms", 100.0),
    Figure("offline_zip_kb", "Offline zip size", "KB", None),
    Figure("make_test_seconds", "`make test` wall time", "s", None),
)
BY_KEY = {figure.key: figure for figure in FIGURES}


def verdict(figure: Figure, value: float) -> str:
    """PASS or FAIL against the budget; "reported" for figures without one."""
    if figure.budget is None:
        return "reported"
    if not math.isfinite(value):
        return "FAIL"
    return "PASS" if value <= figure.budget else "FAIL"


def format_value(figure: Figure, value: float) -> str:
    if figure.unit == "×":
        return f"{value:.3f}"
    if figure.unit == "KB":
        return f"{value:,.1f} KB"
    if figure.unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.1f} s"


def format_budget(figure: Figure) -> str:
    if figure.budget is None:
        return "reported"
    return f"≤ {figure.budget:g}" + ("" if figure.unit == "×" else f" {figure.unit}")


def rows(values: Mapping[str, float]) -> list[tuple[str, str, str, str]]:
    """(figure, value, budget, result) for every figure, in the issue's order."""
    return [
        (
            figure.label,
            format_value(figure, values[figure.key]),
            format_budget(figure),
            verdict(figure, values[figure.key]),
        )
        for figure in FIGURES
    ]


def table(values: Mapping[str, float], markdown: bool = False) -> str:
    """The figures as a text table for the terminal, or as Markdown for the README."""
    header = ("Figure", "Value", "Budget", "Result")
    body = rows(values)
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- |"]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])
    widths = [max(len(row[i]) for row in (header, *body)) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    text = ["  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)), line]
    text += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in body]
    return "\n".join(text)


def summary(values: Mapping[str, float]) -> dict[str, str]:
    return {figure.key: verdict(figure, values[figure.key]) for figure in FIGURES}
