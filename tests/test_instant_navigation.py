"""The hosted build, served on 127.0.0.1 at its site_url path: instant navigation, no full reloads.

A marker set on ``window`` survives only if the page is never reloaded, and the document
request count stays at one: every later page comes in by fetch and is swapped in place.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from test_browser_site import DESKTOP, local_only, nav_links, page_title


@pytest.fixture
def hosted_page(page_factory, site_url):
    page, log = page_factory(local_only, **DESKTOP)
    documents = []

    def record_document(request):
        if request.resource_type == "document" and request.frame == page.main_frame:
            documents.append(request.url)

    page.on("request", record_document)
    page.goto(site_url)
    page.evaluate("window.__marker = 1")
    yield page, documents
    assert log.foreign == [], f"requests left 127.0.0.1: {log.foreign}"


def click_nav(page, label: str):
    page.locator("nav.md-nav--primary a.md-nav__link").filter(has_text=label).first.click()


def test_site_url_path_is_where_the_site_is_served(hosted_page, site_url):
    page, _ = hosted_page
    config = page.locator("#__config").text_content()
    assert '"navigation.instant"' in config
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert urlsplit(canonical).path == urlsplit(site_url).path


def test_nav_clicks_swap_pages_without_a_reload(hosted_page, site_url):
    page, documents = hosted_page
    links = [(label, href) for label, href in nav_links(page) if href.rstrip("/") != site_url.rstrip("/")]
    assert len(links) >= 5
    for label, href in links:
        click_nav(page, label)
        page.wait_for_url(href)
        expect(page.locator(".md-content h1").first).to_contain_text(label)
        assert page_title(page) == label, href
        assert page.evaluate("window.__marker") == 1, f"{href}: the page was reloaded"
    assert documents == [site_url], "only the first page was loaded as a document"


def test_back_button_stays_instant(hosted_page, site_url):
    page, documents = hosted_page
    start = page_title(page)
    label, href = next((label, href) for label, href in nav_links(page) if href != site_url)
    click_nav(page, label)
    page.wait_for_url(href)
    expect(page.locator(".md-content h1").first).to_contain_text(label)
    page.go_back()
    page.wait_for_url(site_url)
    expect(page.locator(".md-content h1").first).to_contain_text(start)
    assert page_title(page) == start
    assert page.evaluate("window.__marker") == 1
    assert documents == [site_url]
