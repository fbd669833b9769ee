"""Pages make no request to any other host.

Two checks: Chromium opens every page of the hosted build and fails on any request
that leaves the site's own origin; and a static scan of the built HTML, CSS and JS
(hosted build and offline bundle) finds every script, style, font, image or
connection a page would load from an absolute URL. Plain links (<a href>) and
<link rel="canonical"> load nothing and are allowed. A fixture full of leaks proves
both checks report them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from conftest import ROOT, free_port, serve
from site_pages import hosted_url, html_pages

LEAKS = ROOT / "tests" / "fixtures" / "privacy-leaks"
REMOTE = re.compile(r"^\s*(?:(?:https?|wss?):)?//", re.IGNORECASE)
# <link rel=...> values that make the browser fetch or connect to the href.
LOADING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "preconnect",
    "dns-prefetch",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
}
URL_ATTRIBUTES = ("src", "poster", "data", "background", "href", "xlink:href")
CSS_URL = re.compile(r"""url\(\s*(?:(["'])(.*?)\1|([^"')\s]*))\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(["'])(.*?)\1""", re.IGNORECASE)
LITERAL = r"""\s*(["'`])((?:(?:https?|wss?):)?//[^"'`\s]+)"""
JS_LOADS = [
    re.compile(r"\b(importScripts|fetch|import|sendBeacon)\s*\(" + LITERAL),
    re.compile(r"\bnew\s+(Worker|SharedWorker|EventSource|WebSocket)\s*\(" + LITERAL),
    re.compile(r"""\.(open)\s*\(\s*["'][A-Za-z]+["']\s*,""" + LITERAL),
    re.compile(r"""\.(src|href)\s*=""" + LITERAL),
]


def css_loads(css: str) -> list[str]:
    """Every URL a stylesheet loads: url(...) (images, fonts) and @import."""
    urls = [match.group(2) if match.group(1) else match.group(3) for match in CSS_URL.finditer(css)]
    return urls + [match.group(2) for match in CSS_IMPORT.finditer(css)]


def js_loads(js: str) -> list[str]:
    """Absolute URLs that script code requests: fetch, importScripts, workers, XHR, src/href assignments."""
    return [match.group(3) for pattern in JS_LOADS for match in pattern.finditer(js)]


def srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def element_loads(element) -> list[str]:
    """URLs one HTML element makes the browser load (an <a href> loads nothing until clicked)."""
    if element.name == "a":
        return []
    if element.name == "link":
        rels = {rel.lower() for rel in element.get("rel", [])}
        return [element["href"]] if rels & LOADING_RELS and element.get("href") else []
    urls = [element[name] for name in URL_ATTRIBUTES if element.get(name)]
    urls += srcset_urls(element.get("srcset", "")) + srcset_urls(element.get("imagesrcset", ""))
    urls += css_loads(element.get("style", ""))
    if element.name == "style":
        urls += css_loads(element.get_text())
    if element.name == "script" and not element.get("src"):
        urls += js_loads(element.get_text())
    return urls


def html_loads(html: str) -> list[str]:
    return [url for element in BeautifulSoup(html, "html.parser").find_all(True) for url in element_loads(element)]


SCANNERS = {".html": html_loads, ".css": css_loads, ".js": js_loads, ".mjs": js_loads}


def remote_loads(folder: Path) -> list[str]:
    """``file: url`` for every absolute URL a built page, stylesheet or script would load."""
    found = []
    for path in sorted(folder.rglob("*")):
        scan = SCANNERS.get(path.suffix)
        if scan and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(folder)}: {url}" for url in scan(text) if REMOTE.match(url)]
    return found


def test_hosted_build_loads_nothing_from_other_hosts(hosted_site):
    assert len(list(hosted_site.rglob("*.js"))) > 0, "the scan reads the site's scripts"
    assert remote_loads(hosted_site) == []


def test_offline_bundle_loads_nothing_from_other_hosts(offline_bundle):
    assert (offline_bundle / "index.html").is_file()
    assert remote_loads(offline_bundle) == []


def test_scan_reports_every_kind_of_leak():
    found = {line.split(": ", 1)[1] for line in remote_loads(LEAKS)}
    assert found == {
        "//fonts.googleapis.com/css?family=Roboto",
        "https://fonts.gstatic.com",
        "https://cdn.example.com/favicon.png",
        "https://cdn.example.com/library.js",
        "https://analytics.example.com/collect",
        "https://images.example.com/inline-background.png",
        "https://tracker.example.com/pixel.gif",
        "https://images.example.com/large.png",
        "https://images.example.com/attribute.png",
        "https://fonts.googleapis.com/css2?family=Roboto",
        "https://fonts.gstatic.com/remote.woff2",
        "https://cdn.example.com/worker-helper.js",
        "https://api.example.com/data.json",
    }


def own_origin(base: str):
    """Requests to the page's own scheme, host and port (and in-page data: and blob: URLs) only."""
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))
    return lambda url: url.startswith((origin, "data:", "blob:", "about:"))


def test_no_page_requests_another_origin(page_factory, hosted_site, site_url):
    page, log = page_factory(own_origin(site_url), viewport={"width": 1280, "height": 900})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for name in html_pages(hosted_site):
        page.goto(hosted_url(site_url, name), wait_until="networkidle")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("surgery", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert any(url.endswith("search_index.json") for url in requested), "the search index was loaded"
    assert log.foreign == [], "requests left the site's origin"


def test_browser_check_reports_requests_to_other_hosts(page_factory):
    with serve(LEAKS, free_port()) as base:
        page, log = page_factory(own_origin(base))
        page.goto(base + "index.html", wait_until="networkidle")
    hosts = {urlsplit(url).hostname for url in log.foreign}
    assert {"cdn.example.com", "tracker.example.com", "fonts.googleapis.com", "analytics.example.com"} <= hosts, hosts
