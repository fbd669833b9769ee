"""`make lint` passes on the repository and catches each kind of mistake it is there for.

Each failure case copies the lint script and its settings into a small tree, checks that
the tree passes, adds one bad file from tests/fixtures/lint/, and reads the finding.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

FIXTURES = ROOT / "tests/fixtures/lint"
SETTINGS = (
    ".codespellrc",
    ".codespell-allow.txt",
    ".codespell-uk-aliases.txt",
    ".pymarkdown.json",
    ".yamllint.yml",
    "pyproject.toml",
)
BIN = Path(sys.executable).parent  # the tools are installed next to the Python running the tests


def lint(tree: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(tree / "scripts/lint.sh"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "BIN": str(BIN)},
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path) -> Path:
    """A tree every check passes: a page in MkDocs/Material syntax, a real data file, a hook."""
    root = tmp_path / "tree"
    (root / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts/lint.sh", root / "scripts/lint.sh")
    for name in SETTINGS:
        shutil.copy2(ROOT / name, root / name)
    for source, target in [
        (FIXTURES / "mkdocs-syntax.md", "docs/index.md"),
        (ROOT / "data/facts.yml", "data/facts.yml"),
        (ROOT / "hooks/site_data.py", "hooks/site_data.py"),
    ]:
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, root / target)
    return root


def test_lint_passes_on_the_repository():
    run = lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[-1] == "lint passed: spelling markdown yaml python"


def test_mkdocs_syntax_passes_every_check(tree):
    """Admonitions, attribute lists, md_in_html, 4-space nesting and long lines are not findings."""
    run = lint(tree)
    assert run.returncode == 0, run.stdout + run.stderr


CASES = {
    "misspelt word": ("spelling", "misspelt.md", "docs/misspelt.md", ["docs/misspelt.md:3: recieve ==> receive"]),
    "UK spelling on a page": (
        "spelling",
        "uk-spelling.md",
        "docs/uk-spelling.md",
        ["docs/uk-spelling.md:7: organised ==> organized"],
    ),
    "skipped heading level": (
        "markdown",
        "bad-markdown.md",
        "docs/bad-markdown.md",
        [
            "docs/bad-markdown.md:2:1: MD022: Headings should be surrounded by blank lines.",
            "docs/bad-markdown.md:4:1: MD001: Heading levels should only increment by one level at a time.",
        ],
    ),
    "tab in YAML": (
        "yaml",
        "tab-indent.yml",
        "data/tab-indent.yml",
        ["data/tab-indent.yml:3:1: [error] syntax error: found character '\\t' that cannot start any token (syntax)"],
    ),
    "duplicate YAML key": (
        "yaml",
        "duplicate-key.yml",
        "data/duplicate-key.yml",
        ['data/duplicate-key.yml:5:5: [error] duplication of key "title" in mapping (key-duplicates)'],
    ),
    "unused import, unformatted": (
        "python",
        "unused_import.py",
        "hooks/unused_import.py",
        ["hooks/unused_import.py:1:8: F401", "unformatted: File would be reformatted"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_the_mistake(tree, case):
    check, fixture, target, findings = CASES[case]
    assert lint(tree, check).returncode == 0, "the tree passes before the bad file is added"
    shutil.copy2(FIXTURES / fixture, tree / target)
    run = lint(tree, check)
    assert run.returncode == 1
    for finding in findings:
        assert finding in run.stdout + run.stderr
    assert f"-- {check} check failed. " in run.stdout


def test_every_check_runs_and_all_failures_are_listed(tree):
    for _check, fixture, target, _findings in CASES.values():
        shutil.copy2(FIXTURES / fixture, tree / target)
    run = lint(tree)
    assert run.returncode == 1
    assert [line for line in run.stdout.splitlines() if line.startswith("== ")] == [
        "== spelling",
        "== markdown",
        "== yaml",
        "== python",
    ]
    assert run.stderr.splitlines()[-1] == "lint failed: spelling markdown yaml python"


def test_medical_allow_list(tree):
    """'en bloc' (a surgical term, in the source article) passes only thanks to the allow-list."""
    assert "en bloc" in (tree / "docs/index.md").read_text(encoding="utf-8")
    assert lint(tree, "spelling").returncode == 0
    (tree / ".codespell-allow.txt").write_text("", encoding="utf-8")
    run = lint(tree, "spelling")
    assert run.returncode == 1
    assert "docs/index.md:" in run.stdout and "bloc ==> block" in run.stdout


def test_unknown_check_shows_usage(tree):
    run = lint(tree, "spellign")
    assert run.returncode == 2
    assert run.stderr.strip() == "usage: lint.sh [--list | spelling | markdown | yaml | python]"
