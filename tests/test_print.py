"""Printing: the whole-guide page holds every page in order, and Chromium's PDFs print cleanly."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from guide.addresses import hosted_address
from guide.errors import DataError
from guide.models import PageReview
from guide.print_layout import PrintLayout, section_id
from guide.print_page import (
    SECTIONS_PLACEHOLDER,
    PrintFrame,
    PrintSection,
    current_parts,
    fill_print_page,
    part_key,
    print_page_markdown,
    print_part,
)
from guide.readability import counts_html, text_blocks
from pagetext import soup
from pypdf import PdfReader


def test_page_markdown_and_placeholder():
    markdown = print_page_markdown()
    front = yaml.safe_load(markdown.split("---")[1])
    assert front["search"] == {"exclude": True}
    assert front["hide"] == ["navigation", "toc"]
    assert SECTIONS_PLACEHOLDER in markdown
    assert fill_print_page(f"<p>x</p>{SECTIONS_PLACEHOLDER}", "<section/>") == "<p>x</p><section/>"
    with pytest.raises(DataError, match="lost its placeholder"):
        fill_print_page("<p>no placeholder</p>", "<section/>")


REVIEW = PageReview(last_reviewed="2026-01-05", next_review_due="2027-01-05", reviewer_role="Editor")
PAGES = {
    "index.md": '<h1 id="a">Spine cancer</h1><p>Most masses are <a href="x/">metastatic</a>. Some are not!</p>',
    "x/tumors.md": '<div class="admonition"><p class="admonition-title">Key points</p><ul><li>One point'
    '</li><li>Two points.</li></ul></div><h2 id="b">Grades</h2><p>Low grade tumours &amp; high grade ones.</p>',
    "x/care.md": "<p>Text that starts the page</p><table><tr><td>Cell one</td><td>cell two</td></tr></table>",
}


SECTIONS = [
    PrintSection(src_uri=src, title=f"Title of {src}", url=src.replace(".md", "/"), review=REVIEW) for src in PAGES
]
PAGE = f'<h1 id="the-whole-guide">The whole guide</h1><p>Print it</p>{SECTIONS_PLACEHOLDER}'
LAYOUT = PrintLayout("print/", {section.src_uri: section.url for section in SECTIONS})
MOVED = {src: LAYOUT.move(src, html) for src, html in PAGES.items()}


def test_whole_guide_text_counts_as_a_walk_of_the_filled_page():
    frame = PrintFrame.of(SECTIONS, "print/")
    filled, text = frame.filled(PAGE, MOVED), frame.text(PAGE)
    assert text.pages == tuple(PAGES)
    assert set(text.parts) == {part_key(src) for src in PAGES}
    counted = {src: counts_html(html) for src, html in PAGES.items()}
    counted.update({key: counts_html(html) for key, html in text.parts.items()})
    frame_counts = counts_html(text.frame_html)
    assert text.counts(frame_counts, counted) == counts_html(filled)
    assert text.counts(frame_counts, counted) != frame_counts, "the pages' text is really added"


def test_the_filled_frame_holds_the_contents_then_each_page_in_its_section():
    html = PrintFrame.of(SECTIONS, "print/").filled(PAGE, MOVED)
    page = BeautifulSoup(html, "html.parser")
    anchors = [section_id(src) for src in PAGES]
    assert [a["href"] for a in page.select("nav.guide-print__contents li a")] == [f"#{a}" for a in anchors]
    assert [li.get_text() for li in page.select("nav li")] == [f"Title of {src}" for src in PAGES]
    assert [section["id"] for section in page.select("section.guide-print__section")] == anchors
    starts = [html.index(f'<section class="guide-print__section" id="{anchor}">') for anchor in anchors]
    places = [html.index(MOVED[src]) for src in PAGES]
    assert starts[0] < places[0] < starts[1] < places[1] < starts[2] < places[2], "each page in its own section"
    assert html.count("Last reviewed: 5 January 2026.") == len(PAGES)
    assert "guide-print-section" not in html, "no slot is left"


def test_a_part_made_with_its_page_is_used_unless_the_page_changed_since():
    made = {section.src_uri: print_part(section, number, "print/") for number, section in enumerate(SECTIONS)}
    renamed = replace(SECTIONS[1], title="A new title")
    parts = current_parts(made, [SECTIONS[0], renamed, SECTIONS[2]], "print/")
    assert parts[0] is made[SECTIONS[0].src_uri] and parts[2] is made[SECTIONS[2].src_uri]
    assert parts[1].section == renamed and "A new title" in parts[1].entry_html
    assert parts[1] == print_part(renamed, 1, "print/")
    assert current_parts({}, SECTIONS, "print/") == list(made.values()), "never made: made now"


# --- the built page --------------------------------------------------------------------------


def nav_sources() -> list[str]:
    """Pages in nav order, read from mkdocs.yml itself."""

    def flatten(items):
        for item in items:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                for value in item.values():
                    yield from flatten(value if isinstance(value, list) else [value])

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return list(flatten(config["nav"]))


def built_path(site: Path, src: str, *, directory_urls: bool) -> Path:
    stem = src.removesuffix(".md")
    if not directory_urls:
        return site / f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return site / stem.removesuffix("index") / "index.html"
    return site / stem / "index.html"


def canonical(path: Path) -> str:
    return soup(path).select_one('link[rel="canonical"]')["href"]


def article(path: Path):
    doc = soup(path)
    body = doc.select_one("article.md-content__inner")
    for node in body.select(".guide-page-info, .md-content__button, .headerlink"):
        node.decompose()
    return body


@pytest.mark.parametrize(("build", "directory_urls"), [("hosted_site", True), ("offline_build", False)])
def test_print_page_holds_every_page_in_nav_order(build, directory_urls, request):
    site = request.getfixturevalue(build)
    page = built_path(site, "print.md", directory_urls=directory_urls)
    body = article(page)
    sections = body.select("section.guide-print__section")
    sources = nav_sources()
    site_url = re.sub(r"print(/|\.html)$", "", canonical(page))
    assert [s["id"] for s in sections] == [section_id(src) for src in sources]
    for section, src in zip(sections, sources, strict=True):
        own = article(built_path(site, src, directory_urls=directory_urls))
        assert section.select_one("h2").get_text() == own.select_one("h1").get_text(), src
        review_line = section.select_one(".guide-print__review")
        address = review_line.select_one("a.guide-print__address").get_text()
        assert address == hosted_address(site_url, src), "the hosted address, also in the offline bundle"
        if directory_urls:
            assert address == canonical(built_path(site, src, directory_urls=True)), src
        review_line.decompose()
        assert text_blocks(str(section)) == text_blocks(str(own)), f"{src}: the whole page, nothing else"
    assert len(body.select("h1")) == 1


@pytest.mark.parametrize(("build", "directory_urls"), [("hosted_site", True), ("offline_build", False)])
def test_print_page_ids_are_unique_and_every_link_lands(build, directory_urls, request):
    site = request.getfixturevalue(build)
    page = built_path(site, "print.md", directory_urls=directory_urls)
    doc = soup(page)
    ids = Counter(node["id"] for node in doc.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    for node in doc.select("[aria-describedby]"):
        assert all(token in ids for token in node["aria-describedby"].split()), node
    body = doc.select_one("article.md-content__inner")
    jumps = [a["href"] for a in body.select('a[href^="#"]')]
    assert len(jumps) > 200, "term links and cross-page links became jumps within the page"
    assert [h for h in jumps if h[1:] not in ids] == []
    for a in body.select("a[href]"):
        href = a["href"]
        if href.startswith(("#", "http", "mailto:")):
            continue
        target = (page.parent / href.partition("#")[0]).resolve()
        assert (target / "index.html" if target.is_dir() else target).is_file(), href


def test_print_page_is_out_of_nav_and_search(hosted_site):
    home = soup(hosted_site / "index.html")
    nav_links = [a.get_text(strip=True) for a in home.select(".md-nav--primary a")]
    assert "The whole guide" not in nav_links
    index = (hosted_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"print/' not in index.replace(" ", "")
    assert "This page holds every page of the guide" not in index


# --- Chromium's print to PDF -----------------------------------------------------------------


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squashed(text: str) -> str:
    """No whitespace: PDF lines break inside URLs and sentences."""
    return re.sub(r"\s+", "", text)


def screen_only_lines(page) -> list[str]:
    """Lines of the header, nav, search, breadcrumbs and footer (as shown on screen) that the
    article does not repeat."""
    chrome = page.evaluate(
        """() => [...document.querySelectorAll(
            '.md-header, .md-sidebar, .md-search, .md-path, .md-footer, .md-skip, .md-top')]
            .map(el => el.innerText).join('\\n')"""
    )
    own = squashed(page.locator("article.md-content__inner").text_content())
    lines = {line.strip() for line in chrome.splitlines() if len(line.strip()) > 3}
    return sorted(line for line in lines if squashed(line) not in own)


def test_a_page_prints_without_screen_chrome_and_with_definitions(site_url, page_factory):
    page, log = page_factory(lambda url: url.startswith(site_url))
    page.goto(site_url + "treatment/surgery/")
    chrome = screen_only_lines(page)
    assert {"Understanding spinal tumors", "Table of contents", "Text CC BY 4.0 · Not medical advice"} <= set(chrome)
    text = pdf_text(page.pdf())
    flat = squashed(text)
    without_targets = re.sub(r"\(https?://[^)]*\)", "", flat)  # a URL may contain the repository's name
    leaked = [line for line in chrome if squashed(line) in without_targets]
    assert leaked == []
    term = page.locator(".gl").first
    word, definition = term.locator(".gl__term").text_content(), term.locator(".gl__tip").text_content()
    assert squashed(f"{word} ({definition})") in flat, "definition in brackets right after its term"
    assert "About this page" in text and "This guide is not medical advice." in text
    assert log.foreign == []


def test_link_targets_are_printed(site_url, page_factory):
    page, _ = page_factory(lambda url: url.startswith(site_url))
    page.goto(site_url + "about/")
    target = page.locator('article p a[href^="https://github.com/"]').first.get_attribute("href")
    flat = squashed(pdf_text(page.pdf()))
    assert squashed(f"({target})") in flat


def test_whole_guide_pdf_has_every_page_in_order(site_url, page_factory, hosted_site):
    """The PDF's outline (from the headings) lists every page's title in nav order, and each
    one opens a new sheet: the first text on that sheet is the title, in increasing sheet order."""
    page, _ = page_factory(lambda url: url.startswith(site_url))
    page.goto(site_url + "print/")
    reader = PdfReader(io.BytesIO(page.pdf(outline=True, tagged=True)))
    titles = [
        article(built_path(hosted_site, src, directory_urls=True)).select_one("h1").get_text() for src in nav_sources()
    ]
    [top, children] = reader.outline[:2]
    assert top.title == "The whole guide"
    sections = [item for item in children if not isinstance(item, list)]
    assert [item.title for item in sections] == ["Contents", *titles]
    sheets = [reader.get_destination_page_number(item) for item in sections[1:]]
    assert sheets == sorted(sheets) and len(set(sheets)) == len(sheets)
    for title, sheet in zip(titles, sheets, strict=True):
        assert squashed(reader.pages[sheet].extract_text()).startswith(squashed(title)), f"{title}: starts a new sheet"
