"""Glossary tooltips and backlinks in Chromium: hover, keyboard, touch, Esc, and escaped data."""

from __future__ import annotations

from urllib.parse import urlsplit

import yaml
from conftest import build_site, free_port, serve
from playwright.sync_api import expect
from test_browser_site import DESKTOP, local_only, page_title, search


def open_page(page_factory, url, **options):
    page, log = page_factory(local_only, **{**DESKTOP, **options})
    page.goto(url)
    return page, log


def first_term(page, slug):
    wrapper = page.locator(f'.gl:has(> a[data-term="{slug}"])').first
    return wrapper.locator(".gl__term"), wrapper.locator(".gl__tip")


def test_tooltip_on_hover_and_esc_closes_it(page_factory, site_url):
    page, log = open_page(page_factory, site_url + "supportive-care/")
    term, tip = first_term(page, "kyphoplasty")
    expect(tip).to_be_hidden()
    term.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("bone cement")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.mouse.move(0, 0)
    term.hover()
    expect(tip).to_be_visible(), "hovering again after Esc shows it again"
    assert log.foreign == []


def test_pointer_can_move_onto_the_tooltip(page_factory, site_url):
    """WCAG 1.4.13: a tooltip shown on hover stays while the pointer moves onto it."""
    page, _ = open_page(page_factory, site_url + "supportive-care/")
    term, tip = first_term(page, "kyphoplasty")
    term.hover()
    expect(tip).to_be_visible()
    start, end = term.bounding_box(), tip.bounding_box()
    x = start["x"] + 5
    page.mouse.move(x, start["y"] + start["height"] / 2)
    page.mouse.move(x, end["y"] + end["height"] / 2, steps=12)
    expect(tip).to_be_visible()


def test_tooltip_on_keyboard_focus(page_factory, site_url):
    page, _ = open_page(page_factory, site_url + "treatment/radiation/")
    term, tip = first_term(page, "srs")
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
    assert tip.get_attribute("role") == "tooltip"
    term.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(tip).to_be_visible()


def test_tooltip_on_touch_first_tap_shows_second_follows(page_factory, site_url):
    page, _ = open_page(
        page_factory,
        site_url + "supportive-care/",
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
    )
    term, tip = first_term(page, "kyphoplasty")
    term.scroll_into_view_if_needed()
    term.tap()
    expect(tip).to_be_visible()
    assert page.url.endswith("/supportive-care/")
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "tooltip stays on screen"
    page.locator(".md-content h1").tap()
    expect(tip).to_be_hidden()
    term.tap()
    term.tap()
    page.wait_for_url("**/glossary/#kyphoplasty")


def test_backlink_opens_the_page_that_uses_the_term(page_factory, site_url):
    page, _ = open_page(page_factory, site_url + "glossary/")
    entry = page.locator("#kyphoplasty + .guide-term")
    titles = entry.locator(".guide-term__appears a").all_inner_texts()
    assert "Supportive care and maintaining function" in titles
    assert "Surgery" not in titles, "only pages that mention the term"
    entry.get_by_role("link", name="Supportive care and maintaining function").click()
    page.wait_for_url("**/supportive-care/")
    expect(page.locator(".md-content h1")).to_contain_text("Supportive care")
    assert page_title(page) == "Supportive care and maintaining function"


def test_glossary_entries_are_found_by_search(page_factory, site_url):
    page, _ = open_page(page_factory, site_url)
    hrefs = search(page, "notochord")
    found = [urlsplit(h) for h in hrefs]
    assert any(u.path.endswith("/glossary/") and u.fragment == "notochord" for u in found), hrefs


def test_html_in_a_definition_does_not_run_when_hovered(page_factory, repo_copy, tmp_path):
    glossary = repo_copy / "data/glossary.yml"
    data = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    next(t for t in data["terms"] if t["slug"] == "kyphoplasty")["short"] = (
        '<img src=x onerror="window.__pwned=1"> cement'
    )
    glossary.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    port = free_port()
    site = build_site(
        tmp_path / "site", config_file=repo_copy / "mkdocs.yml", site_url=f"http://127.0.0.1:{port}/spine-cancer-guide/"
    )
    with serve(site, port) as url:
        page, _ = open_page(page_factory, url + "supportive-care/")
        term, tip = first_term(page, "kyphoplasty")
        term.hover()
        expect(tip).to_be_visible()
        expect(tip).to_have_text('<img src=x onerror="window.__pwned=1"> cement')
        assert tip.locator("img").count() == 0
        assert page.evaluate("window.__pwned") is None
