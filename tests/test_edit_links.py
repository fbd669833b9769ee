"""Pages filled from data/ link to the data file to edit, next to "edit this page"."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import ROOT
from guide.edit_links import DATA_BY_MARKER, data_edit_links, data_edit_url, data_files, docs_folder, edited_path
from guide.errors import DataError
from guide.site_data import load_site_data
from mkdocs.config import load_config
from pagetext import soup

EDIT_URL = "https://github.com/o/r/edit/main/docs/treatment/radiation.md"


def test_each_marker_kind_names_its_data_file():
    markdown = "# T\n\n<!-- fact: a -->\n\ntext\n\n<!-- table: b -->\n"
    assert data_files(markdown, has_key_points=False) == ["data/comparisons.yml", "data/facts.yml"]
    assert data_files("# Home\n\n<!-- facts: all -->\n", has_key_points=False) == ["data/facts.yml"]


def test_key_points_and_plain_pages():
    assert data_files("# Plain page\n\nNo markers.\n", has_key_points=True) == ["data/key_points.yml"]
    assert data_files("# Plain page\n\nNo markers.\n", has_key_points=False) == []


def test_markers_only_count_alone_on_their_line():
    """A marker quoted inside a sentence is an example, not generated content."""
    assert data_files("Write `<!-- table: radiation -->` on its own line.\n", has_key_points=False) == []


def test_every_marker_kind_the_build_knows_has_a_data_file(repo_copy):
    """A new marker kind must also get its "edit the data" link: read the build's own list."""
    page = repo_copy / "docs/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- no-such-kind: x -->\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(repo_copy, repo_copy / "docs")
    known = str(caught.value).rsplit("Known kinds: ", 1)[1]
    assert sorted(known.split(", ")) == sorted(DATA_BY_MARKER)


def test_data_edit_url_follows_the_page_edit_link():
    assert data_edit_url(EDIT_URL, "treatment/radiation.md", "docs", "data/facts.yml") == (
        "https://github.com/o/r/edit/main/data/facts.yml"
    )
    gitlab = "https://gitlab.com/o/r/-/edit/dev/site/docs/index.md"
    assert data_edit_url(gitlab, "index.md", "site/docs", "data/comparisons.yml") == (
        "https://gitlab.com/o/r/-/edit/dev/data/comparisons.yml"
    )


def test_no_data_link_without_a_page_edit_link():
    assert data_edit_url(None, "index.md", "docs", "data/facts.yml") is None
    assert data_edit_url("https://github.com/o/r/edit/main/data/glossary.yml", "glossary.md", "docs", "x") is None
    assert data_edit_links(None, "index.md", "docs", ["data/facts.yml"]) == []


def test_data_edit_links_say_what_the_file_holds():
    links = data_edit_links(EDIT_URL, "treatment/radiation.md", "docs", ["data/comparisons.yml", "data/key_points.yml"])
    assert [(link["path"], link["what"]) for link in links] == [
        ("data/comparisons.yml", "tables"),
        ("data/key_points.yml", "key points"),
    ]


def test_edited_path():
    assert edited_path("treatment/radiation.md", "docs") == "docs/treatment/radiation.md"
    assert edited_path("../data/glossary.yml", "docs") == "data/glossary.yml"
    assert edited_path(None, "docs") is None


def test_docs_folder_is_named_from_the_folder_of_mkdocs_yml(tmp_path):
    (tmp_path / "site" / "pages").mkdir(parents=True)
    config_file = tmp_path / "site" / "mkdocs.yml"
    assert docs_folder(str(tmp_path / "site" / "pages"), str(config_file)) == "pages"
    assert docs_folder(str(tmp_path / "site" / "." / "pages"), str(config_file)) == "pages"
    with pytest.raises(ValueError):  # docs/ outside the project: MkDocs would not build it either
        docs_folder(str(tmp_path / "elsewhere"), str(config_file))


# --- the built site ---------------------------------------------------------------

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
EDIT_ROOT = urljoin(CONFIG.repo_url.rstrip("/") + "/", CONFIG.edit_uri)  # …/edit/main/docs/
MARKER_FILES = {"fact": "data/facts.yml", "facts": "data/facts.yml", "table": "data/comparisons.yml"}


def expected_data_files() -> dict[str, set[str]]:
    """Read independently of the hook: markers in each page's source, and data/key_points.yml."""
    key_point_pages = {entry["page"] for entry in yaml.safe_load((ROOT / "data/key_points.yml").read_text())["pages"]}
    expected = {}
    for source in sorted((ROOT / "docs").rglob("*.md")):
        src = source.relative_to(ROOT / "docs").as_posix()
        kinds = re.findall(r"^<!-- (\w+): \S+ -->$", source.read_text(encoding="utf-8"), re.M)
        files = {MARKER_FILES[kind] for kind in kinds}
        if src in key_point_pages:
            files.add("data/key_points.yml")
        expected[src] = files
    return expected


def built_page(src: str) -> str:
    """Where the hosted build (directory URLs) writes the page built from ``src``."""
    stem = src.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def test_every_page_links_to_the_data_behind_it(hosted_site):
    expected = expected_data_files()
    assert expected["treatment/radiation.md"] == {"data/comparisons.yml", "data/facts.yml", "data/key_points.yml"}
    assert expected["about.md"] == set()
    for src, files in expected.items():
        links = soup(hosted_site / built_page(src)).select("a.guide-edit-data")
        found = {link["data-data-file"]: link for link in links}
        assert set(found) == files, src
        for path, link in found.items():
            assert link["href"] == urljoin(EDIT_ROOT, "../" + path), src
            assert link["title"].endswith(f" on this page ({path})"), src
            assert link["rel"] == ["edit"]


def test_edit_this_page_names_the_file_it_opens(hosted_site):
    page_edit = soup(hosted_site / "treatment/surgery/index.html").select_one('a[rel="edit"]')
    assert page_edit["href"] == urljoin(EDIT_ROOT, "treatment/surgery.md")
    assert page_edit["title"] == "Edit this page (docs/treatment/surgery.md)"
    glossary = soup(hosted_site / "glossary/index.html")
    assert glossary.select_one('a[rel="edit"]')["title"] == "Edit this page (data/glossary.yml)"
    assert glossary.select("a.guide-edit-data") == []


def test_data_edit_links_are_visible_and_named_in_the_browser(page_factory, site_url):
    page, log = page_factory(lambda url: urlsplit(url).hostname == "127.0.0.1", viewport={"width": 1280, "height": 900})
    page.goto(site_url + "treatment/radiation/")
    for what, path in [("tables", "data/comparisons.yml"), ("key facts", "data/facts.yml")]:
        link = page.get_by_role("link", name=f"Edit the {what} on this page ({path})")
        assert link.is_visible()
        assert link.get_attribute("href") == urljoin(EDIT_ROOT, "../" + path)
    page_edit = page.get_by_role("link", name="Edit this page (docs/treatment/radiation.md)")
    assert page_edit.is_visible()
    assert log.foreign == []
