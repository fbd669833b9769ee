"""What a visitor's browser sees: bytes of a first visit, and how fast search answers.

Both are measured in Chromium (Debian's, driven by Playwright) on a local server that
serves the build under /spine-cancer-guide/, as GitHub Pages serves a project site.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import socket
import statistics
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

SITE_PATH = "/spine-cancer-guide/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 800}
QUERIES = ("kyphoplasty", "chordoma", "SRS", "metastasis", "vertebroplasty", "radiation")
"""The standard queries: procedures, a tumor type, an abbreviation, and common words."""
SEARCH_INDEX = "search/search_index.json"
GZIP_LEVEL = 6
"""What web servers (and GitHub Pages) commonly use; each response body is compressed on its own."""
COUNTED = ("html", "css", "js", "search index")


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SITE_PATH; nothing is compressed, so bytes on the wire are raw bytes."""

    def translate_path(self, path):
        path = "/" + path[len(SITE_PATH) :] if path.startswith(SITE_PATH) else "/__outside_site__"
        return super().translate_path(path)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
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
    """Bytes of one first visit, by kind; ``raw`` and ``gzip`` count only HTML, CSS, JS and search index."""

    raw: int = 0
    gzip: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
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


def first_visit(browser, url: str) -> Weight:
    """Load ``url`` in a fresh context (empty cache) and add up every response until the search index is in."""
    context = browser.new_context(viewport=VIEWPORT)
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    try:
        with page.expect_response(lambda r: SEARCH_INDEX in r.url, timeout=30_000):
            page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        weight = Weight()
        for response in responses:
            if response.status != 200 or not response.url.startswith(url.split(SITE_PATH)[0]):
                continue
            kind = kind_of(response.url, response.request.resource_type, response.headers.get("content-type", ""))
            weight.add(response.url.removeprefix(url), kind, response.body())
        return weight
    finally:
        context.close()


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
