"""Shared fixtures: an in-process strict build of the real site, a local server, and Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from local_site import (  # noqa: F401  (SITE_PATH, CHROMIUM_ARGS, free_port and serve are imported from here by tests)
    CHROMIUM,
    CHROMIUM_ARGS,
    MISSING_CHROMIUM,
    SITE_PATH,
    free_port,
    launch_chromium,
    serve,
)

ROOT = Path(__file__).resolve().parents[1]


def build_site(
    site_dir: Path, *, site_url: str | None = None, offline: bool = False, config_file: Path = ROOT / "mkdocs.yml"
) -> Path:
    """Build like `make site` / `make offline`, but in this process, strictly, into ``site_dir``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    old = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true" if offline else "false"
    try:
        overrides = {"site_dir": str(site_dir)}
        if site_url:
            overrides["site_url"] = site_url
        config = load_config(str(config_file), **overrides)
        build(config)
    finally:
        if old is None:
            os.environ.pop("OFFLINE", None)
        else:
            os.environ["OFFLINE"] = old
    return site_dir


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory, site_port) -> Path:
    """The hosted build, with site_url pointing at the local server so instant navigation works."""
    return build_site(tmp_path_factory.mktemp("site"), site_url=f"http://127.0.0.1:{site_port}{SITE_PATH}")


@pytest.fixture(scope="session")
def site_url(hosted_site, site_port):
    with serve(hosted_site, site_port) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(MISSING_CHROMIUM)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


class RequestLog:
    """Records every request a page makes; anything off ``allowed`` is aborted and kept."""

    def __init__(self, allowed):
        self.allowed = allowed
        self.foreign: list[str] = []

    def route(self, route):
        url = route.request.url
        if self.allowed(url):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture
def page_factory(browser):
    """``page_factory(allowed, **context_options)`` -> (page, RequestLog); closes everything after."""
    contexts = []

    def make(allowed, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        log = RequestLog(allowed)
        context.route("**/*", log.route)
        return context.new_page(), log

    yield make
    for context in contexts:
        context.close()


SITE_SOURCES = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "source")


def copy_repo(target: Path) -> Path:
    """A throw-away copy of everything a build reads, for tests that break or edit it."""
    import shutil

    target.mkdir(parents=True)
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


def build_offline_bundle(build_dir: Path, dist_dir: Path, *, source_date_epoch: int | None = None) -> Path:
    """Run what `make offline` runs (`scripts/build.sh offline`), into these folders; return the zip.

    SOURCE_DATE_EPOCH is ``source_date_epoch`` if given, else the environment's (`make test`
    exports the last commit's time), else, as in `make offline`, the last commit's time from git.
    """
    import subprocess
    import sys

    from bundle import ZIP_NAME

    command = ["bash", str(ROOT / "scripts/build.sh"), "offline", str(build_dir), str(dist_dir)]
    env = {**os.environ, "BIN": str(Path(sys.executable).parent)}
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(source_date_epoch)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"scripts/build.sh offline failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return dist_dir / ZIP_NAME


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The real dist/spine-cancer-guide-offline.zip, built once per session into a temporary folder."""
    work = tmp_path_factory.mktemp("offline-build")
    return build_offline_bundle(work / "build", work / "dist")


@pytest.fixture(scope="session")
def offline_bundle(offline_zip, tmp_path_factory) -> Path:
    """The unzipped bundle's top-level folder (the one holding index.html)."""
    import zipfile

    from bundle import BUNDLE_NAME

    target = tmp_path_factory.mktemp("offline-unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    return target / BUNDLE_NAME


@pytest.fixture(scope="session")
def offline_build(tmp_path_factory) -> Path:
    """The offline build (.html URLs, no instant navigation), in-process and strict, built once."""
    if not (ROOT / "node_modules" / "iframe-worker").is_dir():
        pytest.fail("node_modules is missing: run `make setup` (npm ci)")
    return build_site(tmp_path_factory.mktemp("offline-site"), offline=True)
