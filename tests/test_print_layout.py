"""Moving a page's HTML onto the print page: ids get the section's prefix, links become jumps,
headings move down a level, and nothing else changes."""

from __future__ import annotations

import pytest
from guide.print_layout import PrintLayout, Rebase, demote_headings, relative_url, section_id, site_path


def test_section_ids():
    assert section_id("index.md") == "page-index"
    assert section_id("treatment/index.md") == "page-treatment-index"
    assert section_id("understanding/primary-vs-metastatic.md") == "page-understanding-primary-vs-metastatic"


@pytest.mark.parametrize(
    ("url", "base", "path"),
    [
        ("../../prognosis/", "treatment/surgery/", "prognosis/"),
        ("../radiation/", "treatment/surgery/", "treatment/radiation/"),
        ("../../glossary/#tumor", "treatment/surgery/", "glossary/"),
        ("../prognosis.html", "treatment/surgery.html", "prognosis.html"),
        ("prognosis/", "./", "prognosis/"),
        ("./", "", ""),
        ("index.html", "", "index.html"),
    ],
)
def test_site_path(url, base, path):
    assert site_path(url, base) == path


@pytest.mark.parametrize(
    ("target", "origin", "url"),
    [
        ("prognosis/", "print/", "../prognosis/"),
        ("", "print/", "../"),
        ("print/", "print/", "./"),
        ("assets/images/spine.png", "print/", "../assets/images/spine.png"),
        ("prognosis.html", "print.html", "prognosis.html"),
        ("treatment/surgery.html", "print.html", "treatment/surgery.html"),
        ("index.html", "print.html", "index.html"),
    ],
)
def test_relative_url(target, origin, url):
    assert relative_url(target, origin) == url


HOSTED = Rebase(
    "page-treatment-surgery",
    "treatment/surgery/",
    "print/",
    {"glossary/": "page-glossary", "prognosis/": "page-prognosis", "": "page-index"},
)


def test_ids_and_references_to_them_get_the_section_prefix():
    html = (
        '<h2 id="decompression">Decompression<a class="headerlink" href="#decompression">¶</a></h2>'
        '<a class="gl__term" aria-describedby="gl-tip-tumor x">t</a><span id="gl-tip-tumor">d</span>'
        '<label for="q">Q</label><td headers="a b">1</td>'
    )
    assert HOSTED.html(html) == (
        '<h3 id="page-treatment-surgery--decompression">Decompression'
        '<a class="headerlink" href="#page-treatment-surgery--decompression">¶</a></h3>'
        '<a class="gl__term" aria-describedby="page-treatment-surgery--gl-tip-tumor page-treatment-surgery--x">t</a>'
        '<span id="page-treatment-surgery--gl-tip-tumor">d</span>'
        '<label for="page-treatment-surgery--q">Q</label>'
        '<td headers="page-treatment-surgery--a page-treatment-surgery--b">1</td>'
    )


@pytest.mark.parametrize(
    ("href", "moved"),
    [
        ("../../glossary/#tumor", "#page-glossary--tumor"),
        ("../../prognosis/", "#page-prognosis"),
        ("../../", "#page-index"),
        ("#", "#page-treatment-surgery"),
        ("../../assets/images/spine.png", "../assets/images/spine.png"),
        ("../radiation/?x=1#srs", "../treatment/radiation/?x=1#srs"),
        ("https://example.org/a#b", "https://example.org/a#b"),
        ("mailto:editors@example.org", "mailto:editors@example.org"),
        ("/absolute/", "/absolute/"),
    ],
)
def test_links_become_jumps_within_the_print_page(href, moved):
    assert HOSTED.href(href) == moved


def test_offline_links():
    offline = Rebase(
        "page-treatment-surgery", "treatment/surgery.html", "print.html", {"glossary.html": "page-glossary"}
    )
    assert offline.href("../glossary.html#tumor") == "#page-glossary--tumor"
    assert offline.href("radiation.html") == "treatment/radiation.html"
    assert offline.html('<img src="../assets/a.png" alt="">') == '<img src="assets/a.png" alt="">'


def test_text_and_tags_without_attributes_are_left_alone():
    html = '<p>Use id="x" and href="#y" as words.</p><br/><hr>'
    assert HOSTED.html(html) == html


def test_headings_move_down_one_level():
    assert demote_headings("<h1>A</h1><h2 id='b'>B</h2><h6>F</h6><hr>") == "<h2>A</h2><h3 id='b'>B</h3><h6>F</h6><hr>"


def test_the_layout_moves_a_page_as_its_section_holds_it():
    layout = PrintLayout("print/", {"treatment/surgery.md": "treatment/surgery/", "prognosis.md": "prognosis/"})
    assert layout.anchors == {"treatment/surgery/": "page-treatment-surgery", "prognosis/": "page-prognosis"}
    assert layout.numbers == {"treatment/surgery.md": 0, "prognosis.md": 1}, "in the order of the nav"
    html = '<h1 id="a" data-search-exclude="true">A</h1><a href="../../prognosis/#b">b</a>'
    assert layout.move("treatment/surgery.md", html) == (
        '<h2 id="page-treatment-surgery--a">A</h2><a href="#page-prognosis--b">b</a>'
    )


def test_the_layout_loads_neither_pydantic_nor_jinja():
    """The page worker moves pages with it and must start quickly."""
    import subprocess
    import sys

    from conftest import ROOT

    code = "import sys, guide.print_layout; print(sorted({'pydantic', 'jinja2'} & set(sys.modules)))"
    env = {"PYTHONPATH": str(ROOT / "hooks")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == "[]"
