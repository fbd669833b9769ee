"""Print every page's readability scores (`make readability`).

The scores are read back from a fresh build, from the "About this page" box each page shows,
so the table is exactly what readers see. The last column is the Flesch–Kincaid grade of the
page's "Key points" box (data/key_points.yml), which tests/test_key_points.py keeps at 8 or lower.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

import textstat  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from guide.key_points import key_points_text  # noqa: E402
from guide.site_data import load_site_data  # noqa: E402

COLUMNS = ("Page", "Grade", "Reading ease", "Minutes", "Words", "Key points grade")


def build(site_dir: Path, config_file: Path) -> None:
    """The hosted build, strictly and in this process, as `make site` does it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    mkdocs_build(load_config(str(config_file), site_dir=str(site_dir)))


def page_scores(html: str) -> tuple[str, dict[str, str]] | None:
    """The page's source path and its box's numbers by name (grade, reading-ease, minutes, words)."""
    box = BeautifulSoup(html, "html.parser").select_one(".guide-page-info")
    if box is None:
        return None
    return box["data-page"], {
        span["data-readability"]: span.get_text(strip=True) for span in box.select("[data-readability]")
    }


def table(site_dir: Path, key_point_grades: dict[str, float]) -> list[list[str]]:
    """One row per built page that shows the box (every page but the 404), sorted by source path."""
    rows = []
    for built in site_dir.rglob("*.html"):
        found = page_scores(built.read_text(encoding="utf-8"))
        if found is None:
            continue
        page, scores = found
        key_grade = key_point_grades.get(page)
        key_grade = "" if key_grade is None else f"{key_grade:.1f}"
        rows.append([page, scores["grade"], scores["reading-ease"], scores["minutes"], scores["words"], key_grade])
    return sorted(rows)


def markdown_table(rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(COLUMNS, *rows, strict=True)]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml to build")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    data = load_site_data(root, root / "docs")
    key_point_grades = {page: textstat.flesch_kincaid_grade(key_points_text(e)) for page, e in data.key_points.items()}
    with tempfile.TemporaryDirectory() as site_dir:
        build(Path(site_dir), args.config)
        rows = table(Path(site_dir), key_point_grades)
    print(markdown_table(rows))
    print(
        "\nGrade: Flesch–Kincaid US school grade (lower is easier). Reading ease: Flesch, 0–100 (higher is easier)."
        "\nEach page's text is what a reader reads: tooltip copies and the 'About this page' box are left out."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
