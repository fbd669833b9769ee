"""Read a built page the way a reader sees it: title, text, links."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_text(path: Path) -> str:
    """The article body's visible text, without tooltip copies or permalink symbols."""
    doc = soup(path)
    body = doc.select_one("article.md-content__inner")
    for node in body.select(".gl__tip, .headerlink"):
        node.decompose()
    # Text of each block on its own; inline markup (term links, <q>) must not add spaces.
    blocks = body.select("h1, h2, h3, h4, h5, h6, p, li, th, td, caption, summary, dt, dd")
    return "\n".join(block.get_text("") for block in blocks)


def content_pages(site: Path) -> list[Path]:
    """Every page of the guide except the 404 page."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
