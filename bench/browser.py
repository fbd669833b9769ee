"""What a visitor's browser sees: bytes of a first visit, of a first search, and how fast search answers.

All are measured in Chromium (Debian's, driven by Playwright) on a local server that
serves the build under /spine-cancer-guide/, as GitHub Pages serves a project site.
"""

from __future__ import annotations

import contextlib
import gzip
import statistics
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

SCRIPTS = str(Path(__file__).resolve().parents[1] / "scripts")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)  # tests/ find it there too (pytest's pythonpath), under the same name

from local_site import SITE_PATH, free_port, launch_chromium, serve  # noqa: E402, F401  (run.py uses them)

VIEWPORT = {"width": 1280, "height": 800}
QUERIES = ("kyphoplasty", "chordoma", "SRS", "metastasis", "vertebroplasty", "radiation")
"""The standard queries: procedures, a tumor type, an abbreviation, and common words."""
FIRST_QUERY = "surgery"
"""What the reader types in a first search (``first_visit_and_search``)."""
SETTLE_MS = 500
"""Waited after the network goes idle, so that nothing a page starts late is missed."""
SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6
"""What web servers (and GitHub Pages) commonly use; each response body is compressed on its own."""
COUNTED = ("html", "css", "js", "search index")


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def kind_of(url: str, resource_type: str, content_type: str) -> str:
    """Which part of the page weight a response is: html, css, js, search index or other."""
    path = url.split("?")[0].split("#")[0]
    if path.endswith(SEARCH_INDEX) or path.endswith("search/search_index.js"):
        return "search index"
    if resource_type == "document" or "text/html" in content_type:
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith(".js") or "javascript" in content_type:
        return "js"
    return "other"


@dataclass
class Weight:
    """Bytes loaded, by kind; ``raw`` and ``gzip`` count only HTML, CSS, JS and search index."""

    raw: int = 0
    gzip: int = 0
    # Every counted kind is listed, at zero when nothing of it was loaded (our first visit loads no search index).
    by_kind: dict[str, dict[str, int]] = field(
        default_factory=lambda: {kind: {"raw": 0, "gzip": 0, "files": 0} for kind in COUNTED}
    )
    files: list[dict] = field(default_factory=list)

    def add(self, url: str, kind: str, body: bytes) -> None:
        packed = len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))
        part = self.by_kind.setdefault(kind, {"raw": 0, "gzip": 0, "files": 0})
        part["raw"] += len(body)
        part["gzip"] += packed
        part["files"] += 1
        self.files.append({"url": url, "kind": kind, "raw": len(body), "gzip": packed})
        if kind in COUNTED:
            self.raw += len(body)
            self.gzip += packed

    def as_dict(self) -> dict:
        return asdict(self)


def _weigh(responses: Sequence, url: str) -> Weight:
    """Add up the successful responses from the site's own server."""
    weight = Weight()
    origin = url.split(SITE_PATH)[0]
    for response in responses:
        if response.status != 200 or not response.url.startswith(origin):
            continue
        kind = kind_of(response.url, response.request.resource_type, response.headers.get("content-type", ""))
        weight.add(response.url.removeprefix(url), kind, response.body())
    return weight


def _settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(SETTLE_MS)


def _load(page, url: str) -> None:
    """Open ``url`` and wait until the network is idle: everything a first visit loads by itself.

    Whatever the page loads, search index or not, is counted; a site that loads search
    only when the reader wants it is weighed without it (see ``first_visit_and_search``).
    """
    page.goto(url, wait_until="load")
    _settle(page)


@contextlib.contextmanager
def fresh_visit(browser, url: str) -> Iterator[tuple]:
    """``url`` loaded in a fresh context (empty cache): the page, and every response so far and to come."""
    context = browser.new_context(viewport=VIEWPORT)
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    try:
        _load(page, url)
        yield page, responses
    finally:
        context.close()


def first_visit(browser, url: str) -> Weight:
    """Every response of a first visit to ``url``, until the network is idle."""
    with fresh_visit(browser, url) as (_page, responses):
        return _weigh(responses, url)


def first_visit_and_search(browser, url: str, query: str = FIRST_QUERY) -> dict:
    """A first visit, then a first search in the same fresh context: the bytes of each, and their sum.

    The search is what a reader does: focus the search box, type ``query``, wait for the
    results. ``first_search`` counts only what the search added (index, worker, ...), so
    ``raw`` and ``gzip`` are what a reader who searches once has loaded in all.
    """
    with fresh_visit(browser, url) as (page, responses):
        visit = _weigh(responses, url)
        seen = len(responses)
        box = page.locator("input.md-search__input")
        box.focus()
        box.press_sequentially(query, delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
        _settle(page)
        search = _weigh(responses[seen:], url)
    return {
        "query": query,
        "first_visit": visit.as_dict(),
        "first_search": search.as_dict(),
        "raw": visit.raw + search.raw,
        "gzip": visit.gzip + search.gzip,
    }


MEASURE_LAST_KEY = """
(input) => new Promise((resolve) => {
  const list = document.querySelector(".md-search-result__list");
  const timing = { start: null };
  input.addEventListener("keydown", () => { timing.start = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver((mutations) => {
    if (timing.start === null) return;
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node.nodeType === 1 && (node.matches(".md-search-result__item") || node.querySelector(".md-search-result__item"))) {
          observer.disconnect();
          resolve(performance.now() - timing.start);
          return;
        }
      }
    }
  });
  observer.observe(list, { childList: true, subtree: true });
  window.__benchArmed = true;
})
"""


def _search_ready(page) -> None:
    """Open search and wait until the worker has the index, so latency never includes loading it.

    The click is also what makes the site load the index and the worker (search on demand).
    The result line leaves "Initializing search" only once the worker, index in, has answered.
    """
    page.click("input.md-search__input")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() !== '' && !/initiali[sz]ing/i.test(m.textContent); }",
        timeout=30_000,
    )


def query_latency(page, query: str) -> float:
    """Milliseconds from the keydown of the query's last letter to the first result in the list.

    The rest of the query is typed first and its results left to settle, so the figure is
    what a reader waits after the last keystroke, measured inside the page.
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query[:-1], delay=30)
    page.wait_for_timeout(300)
    handle = box.element_handle()
    pending = page.evaluate_handle(f"(input) => {{ window.__benchResult = ({MEASURE_LAST_KEY})(input); }}", handle)
    pending.dispose()
    page.wait_for_function("() => window.__benchArmed === true")
    page.evaluate("() => { window.__benchArmed = false; }")
    box.press_sequentially(query[-1])
    return float(page.evaluate("() => window.__benchResult"))


def search_latency(browser, url: str, queries: Sequence[str] = QUERIES, repeats: int = 5) -> dict:
    """Median latency per query (``repeats`` tries each) and the median over the queries."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        _search_ready(page)
        per_query = {}
        for query in queries:
            tries = [query_latency(page, query) for _ in range(repeats)]
            per_query[query] = {"median_ms": statistics.median(tries), "tries_ms": tries}
        return {
            "median_ms": statistics.median(q["median_ms"] for q in per_query.values()),
            "queries": per_query,
        }
    finally:
        context.close()
