"""Which data files fill a page, and their edit links, so an editor lands on the file holding the words.

A fact box, a table or a "Key points" box is not in the page's Markdown: editing the page
would not change it. The page therefore also offers a link to each data file behind it.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

from .markers import find_markers
from .site_data import COMPARISONS, FACTS, KEY_POINTS

DATA_BY_MARKER = {"fact": FACTS, "facts": FACTS, "table": COMPARISONS}
"""The data file behind each marker kind that a hook expands."""

WHAT_IT_HOLDS = {FACTS: "key facts", COMPARISONS: "tables", KEY_POINTS: "key points"}
"""How an edit link names what the data file holds on the page, for its tooltip."""


def data_files(markdown: str, *, has_key_points: bool) -> list[str]:
    """The data files (paths from the repository root) whose content this page's Markdown pulls in."""
    found = {DATA_BY_MARKER[marker.kind] for marker in find_markers(markdown) if marker.kind in DATA_BY_MARKER}
    if has_key_points:
        found.add(KEY_POINTS)
    return sorted(found)


@lru_cache(maxsize=8)
def docs_folder(docs_dir: str, config_file: str) -> str:
    """docs/ as a path from the repository root (the folder of mkdocs.yml).

    Resolving paths asks the file system; asked once per page, that was a fifth of a second
    on a 1,000-page site for an answer that only changes with the config.
    """
    return Path(docs_dir).resolve().relative_to(Path(config_file).resolve().parent).as_posix()


def edited_path(file_edit_uri: str | None, docs_name: str) -> str | None:
    """The repository path that "edit this page" opens: the page's Markdown, or for a generated
    page whose ``File.edit_uri`` points out of docs/ (the glossary), its data file."""
    if file_edit_uri is None:
        return None
    return posixpath.normpath(posixpath.join(docs_name, file_edit_uri))


def data_edit_url(page_edit_url: str | None, src_uri: str, docs_name: str, path: str) -> str | None:
    """The edit link of ``path`` (from the repository root), built from the page's own edit link.

    Working from the page's link keeps whatever ``edit_uri`` or ``edit_uri_template`` says about
    host and branch; None when the page has no edit link, or one that does not end in its source path.
    """
    if not page_edit_url or not page_edit_url.endswith(src_uri):
        return None
    docs_url = page_edit_url[: -len(src_uri)]
    return urljoin(docs_url, posixpath.relpath(path, docs_name))


def data_edit_links(page_edit_url: str | None, src_uri: str, docs_name: str, paths: list[str]) -> list[dict]:
    """What overrides/partials/actions.html shows: one ``{path, url, what}`` per data file."""
    links = []
    for path in paths:
        url = data_edit_url(page_edit_url, src_uri, docs_name, path)
        if url is not None:
            links.append({"path": path, "url": url, "what": WHAT_IT_HOLDS[path]})
    return links
