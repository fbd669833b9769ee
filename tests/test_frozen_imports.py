"""What is loaded before the first build is frozen once, and later builds in the process freeze nothing more."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

BUILD_TWICE = """
import gc, json, os, sys
sys.path[:0] = [{tests!r}, {scripts!r}]
from pathlib import Path
from conftest import build_site
frozen = [gc.get_freeze_count()]
for n in (1, 2):
    build_site(Path({out!r}) / f"site-{{n}}", config_file=Path({config!r}))
    frozen.append(gc.get_freeze_count())
print(json.dumps(frozen))
"""


def test_the_first_build_freezes_what_is_loaded_and_a_rebuild_adds_nothing(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Tiny\ntheme: {{name: material, font: false}}\nhooks: [{ROOT / 'hooks' / 'frozen_imports.py'}]\n",
        encoding="utf-8",
    )
    script = BUILD_TWICE.format(
        tests=str(ROOT / "tests"), scripts=str(ROOT / "scripts"), out=str(tmp_path), config=str(tmp_path / "mkdocs.yml")
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    before, after_first, after_second = json.loads(run.stdout.strip().splitlines()[-1])
    assert before == 0
    assert after_first > 20_000, "MkDocs, Material and Markdown are loaded by the first on_config"
    # Frozen objects are still freed by reference counting, so the count may only fall.
    assert after_second <= after_first, "a rebuild (mkdocs serve) must not freeze its own leftovers"
