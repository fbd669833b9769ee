"""End to end: what a contributor sees when a page or data file is wrong, and that site/ survives."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
import yaml
from conftest import build_site
from mkdocs.exceptions import Abort


def build_fails(repo, site_dir) -> str:
    """Build in-process; return the one error MkDocs reports for it."""
    logger = logging.getLogger("mkdocs")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = records.append
    logger.addHandler(handler)
    try:
        with pytest.raises(Abort):
            build_site(site_dir, config_file=repo / "mkdocs.yml")
    finally:
        logger.removeHandler(handler)
    assert len(records) == 1, [r.getMessage() for r in records]
    return records[0].getMessage()


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_bad_data_keeps_the_last_good_site(repo_copy, tmp_path):
    """Through the command line, as a contributor runs it: one clear line, no traceback."""
    site = build_site(tmp_path / "site", config_file=repo_copy / "mkdocs.yml")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    replace_in(repo_copy / "data/facts.yml", "kind: info", "kind: infos")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=repo_copy,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    line = next(
        n for n, text in enumerate((repo_copy / "data/facts.yml").read_text().splitlines(), 1) if "infos" in text
    )
    assert (
        f"ERROR   -  data/facts.yml:{line}: entry 'metastatic-share': field 'kind': 'infos' is not allowed; expected one of note,"
        " abstract, info, tip, success, question, warning, failure, danger, bug, example, quote. Did you mean 'info'?"
    ) in run.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_unknown_marker_id_names_page_line_and_closest_ids(repo_copy, tmp_path):
    replace_in(repo_copy / "docs/treatment/radiation.md", "<!-- table: radiation -->", "<!-- table: radiaton -->")
    message = build_fails(repo_copy, tmp_path / "site")
    line = next(
        n
        for n, text in enumerate((repo_copy / "docs/treatment/radiation.md").read_text().splitlines(), 1)
        if "radiaton" in text
    )
    assert message == f"docs/treatment/radiation.md:{line}: unknown table id 'radiaton'. Did you mean 'radiation'?"


def test_unknown_marker_kind(repo_copy, tmp_path):
    replace_in(repo_copy / "docs/treatment/radiation.md", "<!-- table: radiation -->", "<!-- tabel: radiation -->")
    message = build_fails(repo_copy, tmp_path / "site")
    assert message.endswith("unknown marker kind 'tabel'. Did you mean 'table'? Known kinds: fact, facts, table")
    assert message.startswith("docs/treatment/radiation.md:")


def test_unknown_fact_id(repo_copy, tmp_path):
    replace_in(repo_copy / "docs/prognosis.md", "<!-- fact: metastatic-goal -->", "<!-- fact: metastatic-goals -->")
    message = build_fails(repo_copy, tmp_path / "site")
    assert "unknown fact id 'metastatic-goals'. Did you mean 'metastatic-goal' or 'metastatic-share'?" in message


def test_key_points_for_a_missing_page(repo_copy, tmp_path):
    replace_in(repo_copy / "data/key_points.yml", "page: prognosis.md", "page: prognoses.md")
    message = build_fails(repo_copy, tmp_path / "site")
    assert "data/key_points.yml:" in message
    assert "entry 'prognoses.md': field 'page': no page docs/prognoses.md. Did you mean 'prognosis.md'?" in message


def test_html_in_data_is_shown_as_text(repo_copy, tmp_path):
    glossary = repo_copy / "data/glossary.yml"
    data = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    chordoma = next(term for term in data["terms"] if term["slug"] == "chordoma")
    chordoma["short"] = "<script>alert(1)</script> <img src=x onerror=alert(2)>"
    glossary.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    replace_in(repo_copy / "data/facts.yml", "title: ", "title: <b onmouseover=alert(3)>x</b> ")
    site = build_site(tmp_path / "site", config_file=repo_copy / "mkdocs.yml")
    page = (site / "understanding/tumor-types/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    glossary_page = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in glossary_page and "&lt;script&gt;alert(1)" in glossary_page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<b onmouseover" not in home and "&lt;b onmouseover=alert(3)&gt;" in home
