"""Search indexes a page without its term links, and readers get exactly the linked page back."""

from __future__ import annotations

import inspect

from guide.search_view import SEARCH_ATTRIBUTE, SearchView, strip_search_attributes
from material.plugins.search.plugin import SearchPlugin

UNLINKED = '<p data-search-exclude="true">Source</p><p>A chordoma.</p>'
LINKED = '<p data-search-exclude="true">Source</p><p>A <span class="gl"><a href="#c">chordoma</a></span>.</p>'


def relink(html: str) -> str:
    return html.replace("A chordoma", 'A <span class="gl"><a href="#c">chordoma</a></span>')


def view() -> SearchView:
    search_view = SearchView()
    search_view.remember("page.md", UNLINKED, LINKED, relink)
    return search_view


def test_search_gets_the_unlinked_page_and_readers_the_linked_one():
    search_view = view()
    indexed = search_view.for_search("page.md", LINKED)
    assert indexed == UNLINKED
    assert search_view.for_readers("page.md", indexed) == LINKED


def test_what_search_removes_is_removed_from_the_linked_page_too():
    search_view = view()
    indexed = strip_search_attributes(search_view.for_search("page.md", LINKED))
    assert indexed == "<p>Source</p><p>A chordoma.</p>"
    assert (
        search_view.for_readers("page.md", indexed)
        == '<p>Source</p><p>A <span class="gl"><a href="#c">chordoma</a></span>.</p>'
    )


def test_any_other_change_by_search_is_kept_and_the_page_linked_again():
    search_view = view()
    indexed = search_view.for_search("page.md", LINKED).replace("Source", "Changed by search")
    assert search_view.for_readers("page.md", indexed) == relink(indexed)


def test_a_page_changed_after_linking_is_indexed_as_it_is():
    search_view = view()
    rebuilt = LINKED + "<p>More sections</p>"  # like the print page, filled in on_env
    assert search_view.for_search("page.md", rebuilt) is rebuilt
    assert search_view.for_readers("page.md", rebuilt) is rebuilt


def test_pages_without_links_and_unknown_pages_are_left_alone():
    search_view = SearchView()
    search_view.remember("plain.md", UNLINKED, UNLINKED, relink)
    assert search_view.for_search("plain.md", UNLINKED) is UNLINKED
    assert search_view.for_readers("other.md", LINKED) is LINKED


def test_each_page_is_restored_once_and_a_new_build_starts_empty():
    search_view = view()
    indexed = search_view.for_search("page.md", LINKED)
    assert search_view.for_readers("page.md", indexed) == LINKED
    assert search_view.for_readers("page.md", indexed) == indexed
    search_view = view()
    search_view.clear()
    assert search_view.for_search("page.md", LINKED) is LINKED


def test_strip_is_materials_pattern():
    """If a Material upgrade changes what search removes, this fails and the copy is updated."""
    assert SEARCH_ATTRIBUTE.pattern in inspect.getsource(SearchPlugin.on_page_context)
    assert strip_search_attributes('<h2 data-search-exclude="true" id="x">T</h2>') == '<h2 id="x">T</h2>'
    assert strip_search_attributes("<p>no attributes</p>") == "<p>no attributes</p>"
