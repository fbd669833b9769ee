"""`make review-status`: lists overdue pages, and never fails because of a date."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

SCRIPT = ROOT / "scripts" / "review_status.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def set_due(page, old: str, new: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert old in text, f"fixture setup: {old!r} not in {page}"
    page.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(repo_copy):
    """Every page due 2027-05-24, except prognosis (2027-01-10) and the glossary (2027-02-01)."""
    set_due(repo_copy / "docs/prognosis.md", "next_review_due: 2027-05-24", "next_review_due: 2027-01-10")
    set_due(repo_copy / "data/reviews.yml", "next_review_due: 2027-05-24", "next_review_due: 2027-02-01")
    return repo_copy


def test_nothing_overdue(repo):
    result = run("--root", str(repo), "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Review status on 1 December 2026: 11 pages, 0 overdue."
    assert "Next review due: 10 January 2027 (docs/prognosis.md)." in result.stdout
    assert "Overdue" not in result.stdout


def test_overdue_pages_are_listed_oldest_first_and_exit_0(repo):
    result = run("--root", str(repo), "--today", "2027-02-02")
    assert result.returncode == 0, "a report, never a failure: CI must not break on a date"
    lines = result.stdout.splitlines()
    assert lines[0] == "Review status on 2 February 2027: 11 pages, 2 overdue."
    overdue = lines[lines.index("Overdue (next review was due on):") + 1 :][:2]
    assert overdue[0].split()[0] == "docs/prognosis.md" and "(23 days ago)" in overdue[0]
    assert overdue[1].startswith("  glossary.md (in data/reviews.yml)") and "(1 day ago)" in overdue[1]
    assert "docs/index.md" not in result.stdout


def test_due_soon_is_listed_but_not_overdue(repo):
    result = run("--root", str(repo), "--today", "2027-01-01")
    assert "0 overdue" in result.stdout
    soon = result.stdout.split("Due within 30 days:")[1].splitlines()[1:]
    assert [line.split()[0] for line in soon if line.strip()] == ["docs/prognosis.md"]
    assert "(in 9 days)" in soon[0]


def test_due_today_is_not_overdue(repo):
    assert "0 overdue" in run("--root", str(repo), "--today", "2027-01-10").stdout


def test_the_real_repository_runs():
    result = run()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Review status on ")


def test_unreadable_dates_are_an_error_not_a_report(repo):
    set_due(repo / "docs/prognosis.md", "next_review_due: 2027-01-10", "next_review_due: soon")
    result = run("--root", str(repo))
    assert result.returncode == 2
    assert "docs/prognosis.md:5: field 'review.next_review_due'" in result.stderr
