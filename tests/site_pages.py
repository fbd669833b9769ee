"""The pages of a build, as files and as the URLs a reader opens: every gate checks all of them."""

from __future__ import annotations

from pathlib import Path


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a build, 404 page included, as paths relative to the build folder.

    Read from the build rather than listed by hand, so a page added later is checked too.
    """
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def hosted_url(base: str, page: str) -> str:
    """The address of ``page`` on the hosted site, which uses directory URLs (``about/``)."""
    if page == "index.html" or page.endswith("/index.html"):
        page = page.removesuffix("index.html")
    return base + page
