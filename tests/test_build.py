"""The real site builds strictly, and every page has what the foundation promises."""

from __future__ import annotations

import re

import pytest
from pagetext import content_pages, soup

NAV_PAGES = [
    "index.html",
    "understanding/primary-vs-metastatic/index.html",
    "understanding/tumor-types/index.html",
    "prognosis/index.html",
    "treatment/index.html",
    "treatment/surgery/index.html",
    "treatment/radiation/index.html",
    "treatment/systemic-therapy/index.html",
    "supportive-care/index.html",
    "glossary/index.html",
    "about/index.html",
]


def test_every_nav_page_is_built(hosted_site):
    """The nav pages, plus the whole-guide print page, which is deliberately outside the nav."""
    missing = [p for p in NAV_PAGES if not (hosted_site / p).is_file()]
    assert not missing
    built = sorted(p.relative_to(hosted_site).as_posix() for p in content_pages(hosted_site))
    assert built == sorted([*NAV_PAGES, "print/index.html"])


@pytest.mark.parametrize("page", NAV_PAGES)
def test_page_has_meta_description_and_single_h1(hosted_site, page):
    doc = soup(hosted_site / page)
    description = doc.select_one('meta[name="description"]')
    assert description is not None and len(description["content"]) >= 50
    assert description["content"] != "A plain-language guide to spinal cancer for patients and families.", (
        "page-specific description"
    )
    assert len(doc.select(".md-content h1")) == 1


def test_custom_404_page(hosted_site):
    doc = soup(hosted_site / "404.html")
    assert doc.select_one(".md-content h1").get_text(strip=True) == "Page not found"
    assert doc.find("a", string=re.compile("home page"))


def test_edit_links(hosted_site):
    edit = soup(hosted_site / "treatment/surgery/index.html").select_one('a[rel="edit"]')
    assert (
        edit["href"] == "https://github.com/spine-cancer-guide/spine-cancer-guide/edit/main/docs/treatment/surgery.md"
    )
    glossary_edit = soup(hosted_site / "glossary/index.html").select_one('a[rel="edit"]')
    assert (
        glossary_edit["href"] == "https://github.com/spine-cancer-guide/spine-cancer-guide/edit/main/data/glossary.yml"
    )


def test_no_fonts_and_no_repo_api_widget(hosted_site):
    for page in content_pages(hosted_site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, page
        assert 'data-md-component="source"' not in html, page


def test_toc_permalinks_and_features(hosted_site):
    doc = soup(hosted_site / "prognosis/index.html")
    assert doc.select("h2 a.headerlink")
    config = doc.select_one("#__config").get_text()
    for feature in (
        "navigation.instant",
        "navigation.path",
        "search.highlight",
        "search.suggest",
        "navigation.footer",
        "navigation.top",
    ):
        assert f'"{feature}"' in config
    path = soup(hosted_site / "treatment/surgery/index.html").select(".md-path .md-path__link")
    assert [a.get_text(strip=True) for a in path] == ["Spine Cancer Guide", "Treatment options"], "breadcrumbs"
    assert doc.select_one("form[data-md-component=palette]")
