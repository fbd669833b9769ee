"""Generated content lands where its markers are, on the built pages."""

from __future__ import annotations

from pagetext import soup
from test_snapshots import DATA


def url_of(src: str) -> str:
    return "index.html" if src == "index.md" else src.removesuffix(".md").removesuffix("/index") + "/index.html"


def test_each_fact_is_on_the_page_of_its_marker(hosted_site):
    for fact_id, src in DATA.fact_pages.items():
        box = soup(hosted_site / url_of(src)).select_one(f"#fact-{fact_id}")
        assert box is not None, (fact_id, src)
        assert "admonition" in box["class"] and DATA.facts[fact_id].kind in box["class"]


def test_home_shows_every_fact_with_a_link_to_its_page(hosted_site):
    home = soup(hosted_site / "index.html")
    boxes = home.select(".guide-fact-grid .guide-fact")
    assert [b["id"] for b in boxes] == [f"fact-{i}" for i in DATA.facts]
    for box in boxes:
        href = box.select_one(".guide-fact__source a")["href"]
        target = hosted_site / href.split("#")[0] / "index.html"
        assert target.is_file() and soup(target).select_one("#" + href.split("#")[1]), href


def test_every_table_has_caption_and_header_cells(hosted_site):
    for src in (
        "understanding/primary-vs-metastatic.md",
        "understanding/tumor-types.md",
        "treatment/surgery.md",
        "treatment/radiation.md",
        "treatment/systemic-therapy.md",
        "supportive-care.md",
    ):
        for table in soup(hosted_site / url_of(src)).select(".guide-table table"):
            assert table.caption.get_text(strip=True)
            assert table.select("thead th[scope=col]") and len(table.select("tbody th[scope=row]")) == len(
                table.select("tbody tr")
            )


def test_key_points_open_each_content_page(hosted_site):
    for src, entry in DATA.key_points.items():
        article = soup(hosted_site / url_of(src)).select_one("article.md-content__inner")
        first_block = article.find(["div", "p"], recursive=False)
        assert "guide-key-points" in first_block["class"], src
        for tip in first_block.select(".gl__tip"):
            tip.decompose()
        assert [li.get_text() for li in first_block.select("li")] == [p.text for p in entry.points]


def test_glossary_page_is_virtual(hosted_site):
    from conftest import ROOT

    assert not (ROOT / "docs/glossary.md").exists()
    assert soup(hosted_site / "glossary/index.html").select_one("#chordoma")
