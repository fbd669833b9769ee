"""Chromium drives the hosted build served on 127.0.0.1: navigation, search, palette, privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def local_only(url: str) -> bool:
    return urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:", "about:"))


@pytest.fixture
def desktop(page_factory, site_url):
    page, log = page_factory(local_only, **DESKTOP)
    page.goto(site_url)
    yield page
    assert log.foreign == [], f"requests left 127.0.0.1: {log.foreign}"


H1_TEXT = """el => Array.from(el.childNodes)
    .filter(n => !(n.classList && n.classList.contains('headerlink')))
    .map(n => n.textContent).join('').trim()"""


def page_title(page) -> str:
    """The page's h1 without its permalink symbol."""
    return page.locator(".md-content h1").first.evaluate(H1_TEXT)


def nav_links(page):
    """(label, href) of every page link in the primary navigation."""
    return page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]",
        "els => els.filter(a => !a.closest('.md-nav--secondary')).map(a => [a.textContent.trim(), a.href])",
    )


def test_every_nav_link_opens_a_page_with_its_title(desktop, site_url):
    links = nav_links(desktop)
    assert len({href for _, href in links}) == 11
    for label, href in links:
        desktop.goto(href)
        assert page_title(desktop) == label, href


def test_clicking_through_the_nav(desktop):
    desktop.get_by_role("link", name="Supportive care and maintaining function").first.click()
    desktop.wait_for_url("**/supportive-care/")
    expect(desktop.locator(".md-content h1")).to_contain_text("Supportive care and maintaining function")
    assert page_title(desktop) == "Supportive care and maintaining function"


def search(page, query):
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kyphoplasty", "/supportive-care/"),
        ("chordoma", "/understanding/tumor-types/"),
    ],
)
def test_search_lists_the_right_page(desktop, query, expected):
    hrefs = search(desktop, query)
    assert any(urlsplit(h).path.endswith(expected) for h in hrefs), hrefs


def test_palette_toggle_switches_scheme(page_factory, site_url):
    page, log = page_factory(local_only, color_scheme="light", **DESKTOP)
    page.goto(site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    seen = set()
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.add(body.get_attribute("data-md-color-scheme"))
    assert {"default", "slate"} <= seen
    assert log.foreign == []
