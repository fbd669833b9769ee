"""The real offline zip (`make offline`), unzipped and driven in Chromium from file://.

Every request that is not file:// is aborted and counted, the browser context is offline,
and a file:// request that fails (a file left out of the bundle) is counted too.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bundle import BUNDLE_NAME, zip_date_time
from conftest import ROOT, build_offline_bundle
from playwright.sync_api import expect
from test_browser_site import DESKTOP, nav_links, page_title

FIXED_EPOCH = 1_000_000_000  # 2001-09-09, far from any commit or build date


def is_file_url(url: str) -> bool:
    return url.startswith("file:")


def missing_file(request) -> bool:
    """A file:// request that failed for a reason other than the page moving on (ERR_ABORTED)."""
    return is_file_url(request.url) and request.failure != "net::ERR_ABORTED"


@pytest.fixture
def open_bundle(page_factory, offline_bundle):
    """``open_bundle(path, **context_options)`` -> page at file://…/path; checks requests after the test."""
    logs = []

    def open_page(path="index.html", **options):
        page, log = page_factory(is_file_url, offline=True, **{**DESKTOP, **options})
        failed = []

        def record_failure(request):
            if missing_file(request):
                failed.append(request.url)

        page.context.on("requestfailed", record_failure)
        logs.append((log, failed))
        page.goto((offline_bundle / path).as_uri())
        return page

    yield open_page
    for log, failed in logs:
        assert log.foreign == [], f"requests to other than file://: {log.foreign}"
        assert failed == [], f"files missing from the bundle: {failed}"


def bundle_pages(bundle: Path) -> set[str]:
    """Every page a reader can open: all HTML files except the 404 page, which only a server shows."""
    return {p.relative_to(bundle).as_posix() for p in bundle.rglob("*.html")} - {"404.html"}


def relative(bundle: Path, url: str) -> str:
    return url.split("#")[0].split("?")[0].removeprefix(bundle.as_uri() + "/")


# The zip itself ------------------------------------------------------------------------------


def test_zip_holds_one_top_level_folder_that_opens_from_index(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {BUNDLE_NAME}
    assert f"{BUNDLE_NAME}/index.html" in names
    assert names == sorted(names), "entries are sorted"


def test_checksum_beside_the_zip_matches(offline_zip):
    checksum = offline_zip.with_name(offline_zip.name + ".sha256")
    subprocess.run(["sha256sum", "--check", "--strict", checksum.name], cwd=offline_zip.parent, check=True)


def test_entries_carry_the_last_commit_time_and_fixed_permissions(offline_zip):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or git_commit_time())
    with zipfile.ZipFile(offline_zip) as archive:
        infos = archive.infolist()
    assert {i.date_time for i in infos} == {zip_date_time(epoch)}
    assert {i.external_attr >> 16 & 0o777 for i in infos if not i.is_dir()} == {0o644}
    assert {i.external_attr >> 16 & 0o777 for i in infos if i.is_dir()} == {0o755}


def git_commit_time() -> str:
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout


def test_bundle_is_lean(offline_bundle):
    files = [p.relative_to(offline_bundle).as_posix() for p in offline_bundle.rglob("*") if p.is_file()]
    assert not [f for f in files if f.endswith(".map")], "no source maps"
    assert not [f for f in files if "/lunr/" in f], "English search needs no lunr language file"
    assert "sitemap.xml.gz" not in files
    assert "search/search_index.js" in files, "the inlined index that search reads from file://"


def test_shim_ships_with_its_licence_and_no_page_names_a_cdn(offline_bundle):
    shim = offline_bundle / "assets/javascripts/iframe-worker-shim.js"
    assert shim.read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    assert "MIT" in (ROOT / "node_modules/iframe-worker/package.json").read_text(encoding="utf-8")
    licence = (offline_bundle / "assets/javascripts/iframe-worker-shim.LICENSE.txt").read_text(encoding="utf-8")
    assert "Permission is hereby granted" in licence
    for page in bundle_pages(offline_bundle):
        html = (offline_bundle / page).read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "cdn." not in html, page
        assert re.search(r'<script src="(\.\./)*assets/javascripts/iframe-worker-shim\.js"', html), page


# Reproducible: two builds from scratch, byte for byte -----------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two full runs of `make offline`'s script, each from scratch into its own folders."""
    work = tmp_path_factory.mktemp("reproducible")

    def build(n: int) -> Path:
        return build_offline_bundle(work / f"build{n}", work / f"dist{n}", source_date_epoch=FIXED_EPOCH)

    with ThreadPoolExecutor(2) as pool:  # separate processes, one per core
        return list(pool.map(build, (1, 2)))


def test_two_builds_give_byte_identical_zips(two_builds):
    first, second = two_builds
    assert first.read_bytes() == second.read_bytes()
    assert first.with_name(first.name + ".sha256").read_text() == second.with_name(second.name + ".sha256").read_text()


def test_dates_come_from_source_date_epoch_not_the_clock(two_builds):
    with zipfile.ZipFile(two_builds[0]) as archive:
        assert {i.date_time for i in archive.infolist()} == {zip_date_time(FIXED_EPOCH)}
        sitemap = archive.read(f"{BUNDLE_NAME}/sitemap.xml").decode()
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2001-09-09"}


def test_pages_carry_no_build_date(two_builds, offline_zip):
    """A build at another SOURCE_DATE_EPOCH differs only in the sitemap's dates."""
    with zipfile.ZipFile(two_builds[0]) as fixed, zipfile.ZipFile(offline_zip) as usual:
        assert fixed.namelist() == usual.namelist()
        differ = [n for n in fixed.namelist() if fixed.read(n) != usual.read(n)]
    assert differ in ([], [f"{BUNDLE_NAME}/sitemap.xml"])


# In Chromium from file:// -------------------------------------------------------------------


def test_every_page_opens_by_clicking_the_navigation(open_bundle, offline_bundle):
    page = open_bundle("index.html")
    links = nav_links(page)
    assert len(links) >= 2
    visited = {"index.html"}
    for label, href in links:
        page.locator(f'nav.md-nav--primary a.md-nav__link[href="{raw_href(page, href)}"]').first.click()
        page.wait_for_url(href)
        assert page_title(page) == label, href
        visited.add(relative(offline_bundle, page.url))
    for target in sorted(bundle_pages(offline_bundle) - visited):  # pages outside the nav, e.g. print
        link = page.locator(f'a[href$="{Path(target).name}"]').filter(visible=True).first
        assert link.count(), f"{target} is in the bundle but no page links to it"
        link.click()
        page.wait_for_url(f"**/{target}")
        assert page_title(page), target
        visited.add(target)
    assert visited == bundle_pages(offline_bundle)


def raw_href(page, absolute: str) -> str:
    """The link's href as written in the page (relative), found by its resolved URL."""
    return page.eval_on_selector_all(
        "nav.md-nav--primary a.md-nav__link[href]",
        "(els, url) => els.find(a => a.href === url).getAttribute('href')",
        absolute,
    )


def click_another_page(page) -> None:
    """Click the first navigation link to a page other than the current one, and wait for it."""
    href = next(href for _, href in nav_links(page) if href != page.url)
    page.locator(f'nav.md-nav--primary a.md-nav__link[href="{raw_href(page, href)}"]').first.click()
    page.wait_for_url(href)


def test_no_instant_navigation_from_file(open_bundle):
    page = open_bundle("index.html")
    assert "navigation.instant" not in page.locator("#__config").text_content()
    page.evaluate("window.__marker = 1")
    click_another_page(page)
    assert page.evaluate("window.__marker") is None, "a plain page load, as file:// needs"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kyphoplasty", "supportive-care.html"),
        ("chordoma", "understanding/tumor-types.html"),
        ("SRS", "treatment/radiation.html"),
    ],
)
def test_search_finds_the_right_page(open_bundle, offline_bundle, query, expected):
    page = open_bundle("index.html")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    assert expected in {relative(offline_bundle, h) for h in hrefs}, hrefs
    target_url = (offline_bundle / expected).as_uri()
    page.locator(f'.md-search-result__item a[href^="{target_url}"]').first.click()
    page.wait_for_url(f"**/{expected}*")
    expect(page.locator(".md-content h1").first).to_be_visible()


def pages_with_terms(bundle: Path) -> list[str]:
    return sorted(p for p in bundle_pages(bundle) if 'class="gl__term"' in (bundle / p).read_text(encoding="utf-8"))


def test_glossary_tooltips_by_hover_and_by_focus(open_bundle, offline_bundle):
    pages = pages_with_terms(offline_bundle)
    assert len(pages) >= 5, pages
    page = open_bundle(pages[0])
    for path in pages:
        page.goto((offline_bundle / path).as_uri())
        wrapper = page.locator(".md-content .gl:has(> .gl__term)").first
        term, tip = wrapper.locator(".gl__term"), wrapper.locator(".gl__tip")
        expect(tip).to_be_hidden()
        term.hover()
        expect(tip).to_be_visible()
        assert tip.inner_text().strip(), path
        page.keyboard.press("Escape")
        page.mouse.move(0, 0)
        expect(tip).to_be_hidden()
        term.focus()
        page.keyboard.press("Shift+Tab")
        expect(tip).to_be_hidden()
        page.keyboard.press("Tab")
        expect(tip).to_be_visible(), f"{path}: keyboard focus shows the tooltip"


def test_admonitions_are_styled(open_bundle):
    page = open_bundle("index.html")
    for selector in (".admonition.guide-key-points", ".admonition.guide-fact"):
        box = page.locator(f".md-content {selector}").first
        expect(box).to_be_visible()
        expect(box.locator(".admonition-title")).to_be_visible()
        style = box.evaluate("el => [getComputedStyle(el).borderLeftStyle, getComputedStyle(el).borderRadius]")
        assert style[0] == "solid" and style[1] != "0px", (selector, style)
        icon = box.locator(".admonition-title").evaluate("el => getComputedStyle(el, '::before').maskImage")
        assert icon.startswith("url("), f"{selector}: Material's icon comes from the bundled CSS"


def test_tables_have_captions_and_header_rows(open_bundle, offline_bundle):
    pages = [p for p in bundle_pages(offline_bundle) if "guide-table" in (offline_bundle / p).read_text("utf-8")]
    assert pages
    page = open_bundle(sorted(pages)[0])
    table = page.locator(".md-content .guide-table table").first
    expect(table).to_be_visible()
    expect(table.locator("caption")).to_be_visible()
    assert table.locator("caption").inner_text().strip()
    assert table.locator("thead th").count() >= 2 and table.locator("tbody tr").count() >= 1
    assert table.evaluate("el => getComputedStyle(el).borderCollapse") == "separate", "Material's table CSS"


def test_palette_toggle_switches_and_is_kept_across_pages(open_bundle):
    page = open_bundle("index.html", color_scheme="light")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    seen = []
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.append(body.get_attribute("data-md-color-scheme"))
    assert "slate" in seen and "default" in seen
    while body.get_attribute("data-md-color-scheme") != "slate":
        page.locator("form[data-md-component=palette] label:visible").first.click()
    click_another_page(page)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", "the slate palette's CSS is in the bundle"
