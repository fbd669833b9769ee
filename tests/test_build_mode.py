"""hooks/build_mode.py: the shim and the instant-navigation switch belong to the offline build only."""

from __future__ import annotations

import pytest
from conftest import build_site
from mkdocs.exceptions import Abort


def test_hosted_build_keeps_instant_navigation_and_ships_no_shim(hosted_site):
    index = (hosted_site / "index.html").read_text(encoding="utf-8")
    assert '"navigation.instant"' in index
    assert "iframe-worker" not in index
    assert not (hosted_site / "assets/javascripts/iframe-worker-shim.js").exists()


def test_offline_build_without_npm_packages_says_to_run_npm_ci(repo_copy, tmp_path, caplog):
    (repo_copy / "node_modules").unlink()
    with pytest.raises(Abort):
        build_site(tmp_path / "site", offline=True, config_file=repo_copy / "mkdocs.yml")
    assert "node_modules/iframe-worker/shim/index.js is missing: run `npm ci`" in caplog.text


def test_offline_pages_name_their_hosted_twin_as_canonical(offline_build):
    from pagetext import soup

    canonical = soup(offline_build / "treatment/surgery.html").select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://spine-cancer-guide.github.io/spine-cancer-guide/treatment/surgery/"
    home = soup(offline_build / "index.html").select_one('link[rel="canonical"]')["href"]
    assert home == "https://spine-cancer-guide.github.io/spine-cancer-guide/"
