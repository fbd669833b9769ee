"""Search loads on intent (docs/assets/javascripts/search-on-demand.js), and works as before once loaded.

A first visit over http fetches neither search/search_index.json nor the search worker; pointer,
touch or focus on search, or an address with ?q= or ?h=, loads both, and results, suggestions and
highlighting work as they did when Material loaded search at start-up. From file:// (the offline
bundle) the script stays out of the way.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from test_browser_site import DESKTOP, local_only, nav_links

INDEX = "search/search_index.json"
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
BOX = "input.md-search__input"
RESULT = ".md-search-result__item"
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def is_index(url: str) -> bool:
    return urlsplit(url).path.endswith("/" + INDEX)


def is_worker(url: str) -> bool:
    return WORKER.search(urlsplit(url).path) is not None


class Visit:
    """A page in a fresh context, with every request it made (the worker's script included)."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        page.context.on("request", lambda request: self.requests.append(request.url))

    def search_requests(self) -> list[str]:
        return [url for url in self.requests if is_index(url) or is_worker(url)]

    def wait_for_search_files(self) -> None:
        """Both the index and the worker were requested (polls: the worker is not the page's own request)."""
        for _ in range(100):
            if any(map(is_index, self.requests)) and any(map(is_worker, self.requests)):
                return
            self.page.wait_for_timeout(100)
        pytest.fail(f"search was not loaded; requests: {self.requests}")

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(500)


@pytest.fixture
def visit(page_factory, site_url):
    """``visit(path="", **context_options)`` -> Visit of site_url + path, loaded."""
    logs = []

    def open_page(path: str = "", **options) -> Visit:
        page, log = page_factory(local_only, **{**DESKTOP, **options})
        logs.append(log)
        visit = Visit(page)
        page.goto(site_url + path, wait_until="load")
        return visit

    yield open_page
    for log in logs:
        assert log.foreign == [], f"requests left 127.0.0.1: {log.foreign}"


def result_paths(page) -> list[str]:
    hrefs = page.eval_on_selector_all(f"{RESULT} a", "els => els.map(a => a.href)")
    return [urlsplit(href).path for href in hrefs]


def type_query(page, query: str) -> list[str]:
    page.locator(BOX).press_sequentially(query, delay=30)
    page.locator(RESULT).first.wait_for(timeout=15_000)
    return result_paths(page)


# A first visit loads no search ------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "treatment/surgery/", "glossary/", "no-such-page/"])
def test_a_first_visit_requests_neither_index_nor_worker(visit, path):
    seen = visit(path)
    seen.settle()
    assert seen.search_requests() == [], "fetched before any intent to search"
    assert any(urlsplit(url).path.endswith("/search-on-demand.js") for url in seen.requests)
    seen.page.locator(BOX).focus()  # and the same recording does see them once the reader wants search
    seen.wait_for_search_files()


def test_nothing_is_fetched_by_moving_elsewhere_on_the_page(visit):
    seen = visit()
    seen.page.locator(".md-content h1").first.hover()
    seen.page.locator(".md-header__title").hover()  # right beside the search box
    seen.page.locator("nav.md-nav--primary a.md-nav__link").filter(visible=True).nth(2).hover()
    seen.settle()
    assert seen.search_requests() == []


# Intent loads search, and search works as before -------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kyphoplasty", "/supportive-care/"),
        ("surgery", "/treatment/surgery/"),
        ("chordoma", "/understanding/tumor-types/"),
    ],
)
def test_focus_then_typing_finds_the_right_page(visit, query, expected):
    seen = visit()
    seen.page.locator(BOX).focus()
    paths = type_query(seen.page, query)
    assert any(path.endswith(expected) for path in paths), paths
    assert len([url for url in seen.requests if is_index(url)]) == 1, "the index is fetched once"


def test_pointer_over_the_search_box_loads_search(visit):
    seen = visit()
    seen.settle()
    seen.page.locator(".md-search__form").hover()
    seen.wait_for_search_files()


def test_the_search_toggle_checked_by_a_script_loads_search(visit):
    seen = visit()
    seen.settle()
    seen.page.evaluate("document.getElementById('__search').click()")
    seen.wait_for_search_files()


def test_keyboard_shortcut_loads_search_and_finds(visit):
    seen = visit()
    seen.settle()
    seen.page.keyboard.press("/")  # Material's shortcut focuses the search box
    expect(seen.page.locator(BOX)).to_be_focused()
    assert any(path.endswith("/supportive-care/") for path in type_query(seen.page, "kyphoplasty"))


def test_a_tap_on_the_phone_search_button_loads_search_and_finds(visit):
    seen = visit(**PHONE)
    seen.settle()
    assert seen.search_requests() == []
    seen.page.locator('label.md-header__button[for="__search"]').tap()
    expect(seen.page.locator(BOX)).to_be_visible()
    assert any(path.endswith("/supportive-care/") for path in type_query(seen.page, "kyphoplasty"))


def test_a_query_typed_before_the_index_arrives_still_finds(page_factory, site_url):
    page, _ = page_factory(local_only, **DESKTOP)
    held = []
    page.route(f"**/{INDEX}", lambda route: held.append(route))  # holds the index response until released below
    page.goto(site_url, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert held == [], "the index was requested before any intent to search"
    page.locator(BOX).focus()
    page.locator(BOX).press_sequentially("kyphoplasty", delay=10)
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "focus did not request the index"
    page.wait_for_timeout(300)
    assert page.locator(RESULT).count() == 0, "no results without the index"
    held[0].continue_()
    page.locator(RESULT).first.wait_for(timeout=15_000)
    paths = result_paths(page)
    assert any(path.endswith("/supportive-care/") for path in paths), paths
    assert page.locator(BOX).input_value() == "kyphoplasty"


def test_suggestions_work_once_loaded(visit):
    seen = visit()
    seen.page.locator(BOX).focus()
    type_query(seen.page, "kyph")
    expect(seen.page.locator(".md-search__suggest")).to_have_text(re.compile(r"^kyph\w+", re.I))


# Addresses that need search at once ---------------------------------------------------------------


def test_a_q_address_opens_search_with_results_without_any_interaction(visit):
    seen = visit("?q=kyphoplasty")
    seen.page.locator(RESULT).first.wait_for(timeout=15_000)
    assert seen.page.locator(BOX).input_value() == "kyphoplasty"
    assert any(path.endswith("/supportive-care/") for path in result_paths(seen.page))
    assert seen.page.locator("#__search").is_checked(), "Material opened search"


def test_an_h_address_highlights_the_words_without_any_interaction(visit):
    seen = visit("supportive-care/?h=kyphoplasty")
    marks = seen.page.locator(".md-content mark[data-md-highlight]")
    marks.first.wait_for(timeout=15_000)
    assert {text.lower() for text in marks.all_text_contents()} == {"kyphoplasty"}
    assert any(map(is_index, seen.requests))


def test_a_result_opens_its_page_highlighted_by_instant_navigation(visit, site_url):
    seen = visit()
    page = seen.page
    page.evaluate("window.__marker = 1")
    page.locator(BOX).focus()
    type_query(page, "kyphoplasty")
    page.locator(f'{RESULT} a[href*="supportive-care/?h=kyphoplasty"]').first.click()
    page.wait_for_url("**/supportive-care/**")
    assert "h=kyphoplasty" in page.url
    page.locator(".md-content mark[data-md-highlight]").first.wait_for(timeout=15_000)
    assert page.evaluate("window.__marker") == 1, "instant navigation, no reload"


def test_search_after_instant_navigation_without_searching_first(visit, site_url):
    seen = visit()
    page = seen.page
    page.evaluate("window.__marker = 1")
    label, href = next((label, href) for label, href in nav_links(page) if href.endswith("/treatment/radiation/"))
    page.locator("nav.md-nav--primary a.md-nav__link").filter(has_text=label).first.click()
    page.wait_for_url(href)
    seen.settle()
    assert page.evaluate("window.__marker") == 1
    assert seen.search_requests() == []
    page.locator(BOX).focus()
    paths = type_query(page, "chordoma")
    assert any(path.endswith("/understanding/tumor-types/") for path in paths), paths
    assert [url for url in seen.requests if is_index(url)] == [site_url + INDEX], "resolved against the site, once"


# From file:// the script changes nothing ------------------------------------------------------------


def test_offline_bundle_keeps_natives_and_search_works(page_factory, offline_bundle):
    page, log = page_factory(lambda url: url.startswith("file:"), offline=True, **DESKTOP)
    page.goto((offline_bundle / "index.html").as_uri())
    assert page.locator('script[src$="search-on-demand.js"]').count() == 1
    untouched = page.evaluate(
        "() => /\\[native code\\]/.test(XMLHttpRequest.prototype.send.toString())"
        " && !/held|standIn/.test(String(window.Worker))"
    )
    assert untouched, "the script must leave file:// (iframe-worker shim, inlined index) alone"
    page.locator(BOX).click()
    paths = type_query(page, "kyphoplasty")
    assert any(path.endswith("/supportive-care.html") for path in paths), paths
    assert log.foreign == []
