"""axe-core on every page of the hosted build: light and dark schemes, 1280 px and 390 px wide.

axe comes from npm (package.json pins it) and is injected into the real pages in
Chromium. Stock Material's failures are fixed in overrides/partials/ and
docs/assets/stylesheets/accessibility.css, never by turning rules off: no rule is
disabled here. A fixture with known problems proves the gate reports them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import ROOT, free_port, serve
from site_pages import hosted_url, html_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme
WIDTHS = {"desktop": 1280, "phone": 390}
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
    .then(result => result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(" ") + " -- " + n.failureSummary.replace(/\\s+/g, " "))})))"""


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    return AXE.read_text(encoding="utf-8")


def with_axe(page):
    """Have axe in every document this page loads, from the pinned npm package."""
    page.context.add_init_script(script=axe_source())
    return page


def axe_violations(page) -> list[dict]:
    """Every axe violation on the page as it is now."""
    return page.evaluate(RUN_AXE, TAGS)


def describe(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"][:5])
    return lines


def same_origin(base: str):
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base))
    return lambda url: url.startswith((origin, "data:", "blob:", "about:"))


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES.keys())
def test_every_page_has_no_axe_violations(page_factory, hosted_site, site_url, scheme, width):
    page, log = page_factory(same_origin(site_url), color_scheme=scheme, viewport={"width": width, "height": 900})
    with_axe(page)
    problems = []
    pages = html_pages(hosted_site)
    for name in pages:
        page.goto(hosted_url(site_url, name))
        shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert shown == SCHEMES[scheme], f"{name}: the {scheme} scheme is not the one shown"
        problems += describe(f"{name} [{scheme}, {width}px]", axe_violations(page))
    assert len(pages) >= 12
    assert problems == [], "axe violations:\n" + "\n".join(problems)
    assert log.foreign == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("scheme", SCHEMES.keys())
def test_an_open_glossary_tooltip_has_no_axe_violations(page_factory, site_url, scheme, width):
    """Hidden tooltips are skipped by axe, so one is opened (by keyboard focus) and checked."""
    page, _ = page_factory(same_origin(site_url), color_scheme=scheme, viewport={"width": width, "height": 900})
    with_axe(page).goto(site_url + "supportive-care/")
    term = page.locator(".gl__term").first
    tip = page.locator(".gl").first.locator(".gl__tip")
    term.focus()
    assert tip.is_visible()
    assert tip.get_attribute("role") == "tooltip"
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
    problems = describe(f"supportive-care/ with a tooltip open [{scheme}, {width}px]", axe_violations(page))
    assert problems == [], "axe violations:\n" + "\n".join(problems)


def test_gate_reports_known_violations(page_factory):
    """The same check on a fixture with four known problems reports each of them."""
    fixture = ROOT / "tests" / "fixtures" / "accessibility"
    with serve(fixture, free_port()) as base:
        page, _ = page_factory(same_origin(base), viewport={"width": 1280, "height": 900})
        with_axe(page).goto(base + "violations.html")
        found = {violation["id"] for violation in axe_violations(page)}
    assert {"color-contrast", "image-alt", "aria-dialog-name", "link-in-text-block"} <= found, found


def test_axe_is_the_pinned_version():
    import json

    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    assert f"axe v{pinned}" in axe_source()[:200]
