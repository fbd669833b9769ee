"""Keyboard use in Chromium on the hosted build: skip link, visible focus, glossary tooltips, Tab walks.

A Tab walk presses Tab from the top of a page until focus leaves the page. On every
page it must reach the end (no trap), pass every link in the article, and on each
glossary term show the tooltip and hide it again on Esc. On a few pages, in both
schemes and widths, every stop is also checked for a focus ring a reader can see
(tests/keyboard_focus.js): on screen, not covered, and at least 3:1 against what is
behind it (WCAG 2.4.7, 2.4.11, 1.4.11).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from playwright.sync_api import expect
from site_pages import hosted_url, html_pages
from test_accessibility import same_origin

FOCUS_STATE = (ROOT / "tests" / "keyboard_focus.js").read_text(encoding="utf-8")
QUICK_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {atEnd: true};
  const tip = el.closest(".gl") && el.closest(".gl").querySelector(".gl__tip");
  return {atEnd: false, id: el.tagName + " " + (el.getAttribute("href") || el.id || el.className),
          isTerm: el.matches(".gl__term"), term: el.dataset.term || null,
          tipShown: !!tip && getComputedStyle(tip).display !== "none"};
}"""
AFTER_ESC = """() => { const el = document.activeElement, gl = el.closest(".gl");
  return {tipShown: !!gl && getComputedStyle(gl.querySelector(".gl__tip")).display !== "none",
          stillFocused: el.matches(".gl__term")}; }"""
# Everything that could take focus (scrollable boxes can too): a walk ends well before twice this.
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"
ARTICLE_LINKS = """() => Array.from(document.querySelectorAll("article.md-content__inner a[href]"))
    .filter(a => a.checkVisibility({visibilityProperty: true}))
    .map(a => a.tagName + " " + a.getAttribute("href"))"""
TERMS = "() => Array.from(document.querySelectorAll('.gl__term'), a => a.dataset.term)"


def tab_walk(page, state_js: str) -> list[dict]:
    """Tab through the whole page; at each glossary term, record its tooltip, press Esc, record again."""
    limit = 2 * page.locator(FOCUSABLE).count() + 20
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(state_js)
        if state["atEnd"]:
            return stops
        if state["isTerm"]:
            page.keyboard.press("Escape")
            after = page.evaluate(AFTER_ESC)
            state["tipAfterEsc"], state["stillFocused"] = after["tipShown"], after["stillFocused"]
        stops.append(state)
    last = "\n".join(stop["id"] for stop in stops[-12:])
    pytest.fail(f"{page.url}: Tab never left the page after {limit} stops (a keyboard trap?); the last:\n{last}")


def open_page(page_factory, site_url, path, scheme="light", width=1280):
    page, log = page_factory(same_origin(site_url), color_scheme=scheme, viewport={"width": width, "height": 844})
    page.goto(site_url + path)
    return page, log


def test_every_page_can_be_tabbed_through(page_factory, hosted_site, site_url):
    page, log = open_page(page_factory, site_url, "")
    problems = []
    for name in html_pages(hosted_site):
        page.goto(hosted_url(site_url, name))
        links, terms = page.evaluate(ARTICLE_LINKS), page.evaluate(TERMS)
        stops = tab_walk(page, QUICK_STATE)
        reached = {stop["id"] for stop in stops}
        problems += [f"{name}: never reached {link}" for link in links if link not in reached]
        reached_terms = [stop["term"] for stop in stops if stop["isTerm"]]
        problems += [f"{name}: term {term} not reached by Tab" for term in terms if term not in reached_terms]
        for stop in (s for s in stops if s["isTerm"]):
            if not stop["tipShown"]:
                problems.append(f"{name}: tooltip of {stop['term']} not shown on focus")
            if stop["tipAfterEsc"] or not stop["stillFocused"]:
                problems.append(f"{name}: Esc did not close the tooltip of {stop['term']} (or moved focus)")
    assert problems == [], "\n".join(problems)
    assert log.foreign == []


FOCUS_WALKS = [
    ("treatment/radiation/", "light", 1280),
    ("treatment/radiation/", "dark", 390),
    ("", "dark", 1280),
    ("", "light", 390),
    ("404.html", "light", 1280),
]


@pytest.mark.parametrize(("path", "scheme", "width"), FOCUS_WALKS)
def test_focus_is_always_visible(page_factory, site_url, path, scheme, width):
    page, _ = open_page(page_factory, site_url, path, scheme, width)
    stops = tab_walk(page, FOCUS_STATE)
    assert len(stops) > 10
    problems = []
    for stop in stops:
        if not (stop["width"] > 0 and stop["height"] > 0 and stop["inViewport"]):
            problems.append(f"off screen or no size: {stop['id']}")
        elif not stop["unobscured"]:
            problems.append(f"covered by {stop['centreIs']}: {stop['id']}")
        if stop["ringStyle"] == "none" or (stop["ringStyle"] != "auto" and stop["ringWidth"] < 2):
            problems.append(f"no focus ring ({stop['ringStyle']} {stop['ringWidth']}px): {stop['id']}")
        elif stop["ringContrast"] is not None and stop["ringContrast"] < 3:
            problems.append(f"focus ring {stop['ringContrast']:.2f}:1 against its background: {stop['id']}")
    assert problems == [], f"{path or 'home'} [{scheme}, {width}px]:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", ["", "treatment/surgery/", "glossary/", "print/"])
def test_skip_link_is_the_first_stop_and_moves_to_the_content(page_factory, site_url, path):
    page, _ = open_page(page_factory, site_url, path)
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # the heading starts out of view
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_in_viewport()
    target = urlsplit(skip.get_attribute("href")).fragment
    page.keyboard.press("Enter")
    heading = page.locator(f"[id='{target}']")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    covered = heading.evaluate(
        "h => { const r = h.getBoundingClientRect(); const at = document.elementFromPoint(r.left + 5, r.top + r.height / 2);"
        " return !(at && (h === at || h.contains(at))); }"
    )
    assert not covered, "the heading skipped to is hidden under the header"
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('article.md-content__inner')"), (
        "the next Tab after the skip link stays in the content"
    )


def test_every_page_but_the_404_has_a_skip_link(hosted_site):
    from pagetext import soup

    missing = [
        name
        for name in html_pages(hosted_site)
        if name != "404.html" and not soup(hosted_site / name).select_one("a.md-skip")
    ]
    assert missing == []


def test_search_results_are_reached_with_the_arrow_keys(page_factory, site_url):
    page, _ = open_page(page_factory, site_url, "treatment/surgery/")
    search = page.locator("input.md-search__input")
    for _ in range(10):
        page.keyboard.press("Tab")
        if search.evaluate("el => el === document.activeElement"):
            break
    expect(search).to_be_focused()
    page.keyboard.type("kyphoplasty", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    result = page.locator(".md-search-result__link").first
    expect(result).to_be_focused()
    expect(result).to_be_in_viewport()
    target = result.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    expect(page.locator("article.md-content__inner")).to_contain_text("kyphoplasty", ignore_case=True)
    expect(page.locator(".md-content h1").first).not_to_contain_text("Surgery")
