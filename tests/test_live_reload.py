"""`make serve` shows an edit to a data file within seconds, in an open browser tab too.

The server runs on a throw-away copy of the repository, so the test can edit data freely.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT, copy_repo, free_port
from mkdocs.config import load_config
from playwright.sync_api import expect

FIRST_BUILD_SECONDS = 90
"""Generous: the server's first build on a busy 2-core CI machine."""
RELOAD_SECONDS = 15
"""What "within a few seconds" means for a contributor watching the preview."""


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def poll(condition, seconds: float, what: str, log: Path) -> float:
    """Wait until ``condition()`` is true; return how long it took. Never a fixed sleep."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.2)
    pytest.fail(f"{what} within {seconds} s; server log:\n{log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def live_server(tmp_path):
    """``mkdocs serve`` on a free port in a copy of the repo: yields (repo, base URL, log file)."""
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false"}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=repo,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        poll(lambda: fetch(url + "glossary/") is not None, FIRST_BUILD_SECONDS, "the server did not serve", log)
        yield repo, url, log
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_serve_watches_what_contributors_edit():
    config = load_config(str(ROOT / "mkdocs.yml"))
    watched = {Path(path).resolve() for path in config.watch}
    for folder in ("data", "hooks", "overrides"):
        assert (ROOT / folder).resolve() in watched, folder
    # docs/ is always watched by `mkdocs serve`; make serve must run that command.
    assert "mkdocs serve" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_glossary_edit_is_served_within_seconds(live_server, page_factory):
    repo, url, log = live_server
    glossary = repo / "data/glossary.yml"
    data = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    term = data["terms"][0]
    old_short = " ".join(term["short"].split())
    new_short = f"Changed during a live preview test on port {urlsplit(url).port}."
    assert old_short in fetch(url + "glossary/")

    page, requests = page_factory(lambda address: urlsplit(address).hostname == "127.0.0.1")
    page.goto(url + "glossary/")
    entry = page.locator(f"#{term['slug']} + .guide-term .guide-term__short")
    expect(entry).to_have_text(old_short)

    term["short"] = new_short
    glossary.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    edited = time.monotonic()

    poll(lambda: new_short in (fetch(url + "glossary/") or ""), RELOAD_SECONDS, "the edit was not served", log)
    assert old_short not in fetch(url + "glossary/")
    # The tab the contributor has open reloads by itself (MkDocs' live reload script).
    remaining = RELOAD_SECONDS - (time.monotonic() - edited)
    expect(entry).to_have_text(new_short, timeout=max(remaining, 0.5) * 1000)
    assert requests.foreign == []


def test_a_mistake_is_reported_and_fixing_it_resumes_the_preview(live_server):
    """The terminal shows the contributor's message; the preview waits, then serves the fix."""
    repo, url, log = live_server
    facts = repo / "data/facts.yml"
    good = facts.read_text(encoding="utf-8")
    line = good[: good.index("kind: info")].count("\n") + 1
    facts.write_text(good.replace("kind: info", "kind: infos", 1), encoding="utf-8")
    expected = f"ERROR   -  data/facts.yml:{line}: entry '"
    poll(lambda: expected in log.read_text(errors="replace"), RELOAD_SECONDS, "the mistake was not reported", log)
    reported = next(row for row in log.read_text(errors="replace").splitlines() if expected in row)
    assert "field 'kind': 'infos' is not allowed;" in reported and reported.endswith("Did you mean 'info'?")
    assert "Traceback" not in log.read_text(errors="replace")

    title = yaml.safe_load(good)["facts"][0]["title"]
    fixed_title = f"{title}, fixed"
    facts.write_text(good.replace(f"title: {title}\n", f"title: {fixed_title}\n", 1), encoding="utf-8")
    home = url  # the home page summarises every key fact by its title
    poll(lambda: fixed_title in (fetch(home) or ""), RELOAD_SECONDS, "the fix was not served", log)
