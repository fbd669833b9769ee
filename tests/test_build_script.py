"""scripts/build.sh, what `make site` and `make offline` run: the hosted build honours SITE_URL,
and a failed build leaves the last good site (and zip) in place."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bundle import ZIP_NAME
from conftest import ROOT

PREVIEW_URL = "http://preview.example.test:8080/preview/"


def run_build(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    environment.update(BIN=str(Path(sys.executable).parent), **env)
    return subprocess.run(
        ["bash", str(repo / "scripts/build.sh"), *args], cwd=repo, env=environment, capture_output=True, text=True
    )


def test_site_build_uses_site_url_override_and_directory_urls(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("from an older build", encoding="utf-8")
    result = run_build(ROOT, "site", str(out), SITE_URL=PREVIEW_URL)
    assert result.returncode == 0, result.stderr
    assert not (out / "stale.html").exists(), "the new build replaces the old one whole"
    assert (out / "prognosis/index.html").is_file() and (out / "404.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PREVIEW_URL}">' in index
    assert '"navigation.instant"' in index
    locations = re.findall(r"<loc>(.*?)</loc>", (out / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(loc.startswith(PREVIEW_URL) for loc in locations)
    assert f"{PREVIEW_URL}prognosis/" in locations
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "no temporary folder left behind"


def test_site_url_defaults_to_the_config_and_the_readme_names_it(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.delenv("SITE_URL", raising=False)
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url
    assert site_url.startswith("https://")
    assert site_url in (ROOT / "README.md").read_text(encoding="utf-8")


def broken_repo(tmp_path: Path) -> Path:
    """A copy of the repository whose data no longer parses."""
    from conftest import copy_repo

    repo = copy_repo(tmp_path / "repo")
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    (repo / "data/glossary.yml").write_text("terms: [unclosed\n", encoding="utf-8")
    return repo


def test_failed_builds_keep_the_last_good_site_and_zip(tmp_path):
    repo = broken_repo(tmp_path)
    site, build, dist = tmp_path / "site", tmp_path / "build", tmp_path / "dist"
    for folder in (site, build, dist):
        folder.mkdir()
        (folder / "last-good.txt").write_text("kept", encoding="utf-8")
    (dist / ZIP_NAME).write_bytes(b"last good zip")

    hosted = run_build(repo, "site", str(site))
    offline = run_build(repo, "offline", str(build), str(dist))

    assert hosted.returncode != 0 and offline.returncode != 0
    assert "glossary.yml" in hosted.stdout + hosted.stderr, "the error names the broken file"
    for folder in (site, build, dist):
        assert (folder / "last-good.txt").read_text(encoding="utf-8") == "kept"
    assert (dist / ZIP_NAME).read_bytes() == b"last good zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "dist", "repo", "site"], "no temporary folders"
