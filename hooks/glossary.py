"""Hook: the generated glossary page, term links with tooltips, and "Appears on" backlinks."""

from collections import defaultdict

from guide import held_blocks, page_worker, site_data
from guide.glossary import fill_backlinks, render_glossary_page
from guide.search_view import SearchView, strip_search_attributes
from guide.term_linker import TermLinker
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_DATA = "../data/glossary.yml"  # relative to edit_uri (…/docs/)

_linker: TermLinker | None = None
_pages_by_term: dict[str, list] = defaultdict(list)
_search_view = SearchView()
_tooltips_added: dict = {}
"""Each page as the worker linked it, with and without tooltips, until readers get it."""
_addresses: dict[str, str] = {}
"""The glossary page's URL from each page, for its term links."""


def on_pre_build(config):
    global _linker
    terms = site_data.current().terms
    _linker = TermLinker(terms)  # tooltips, and relinking a page search has changed
    page_worker.current().use_terms(terms)  # the worker links the pages
    _pages_by_term.clear()
    _search_view.clear()
    _tooltips_added.clear()
    _addresses.clear()


def on_files(files, config):
    held = held_blocks.current()
    markdown = render_glossary_page(site_data.current().terms, hold=lambda html: held.hold(GLOSSARY_PAGE, html))
    page = File.generated(config, GLOSSARY_PAGE, content=markdown)
    page.edit_uri = GLOSSARY_DATA
    files.append(page)
    return files


def on_page_content(html, page, config, files):
    """Sent to the page worker, which links the terms while MkDocs makes the next pages."""
    if page.file.src_uri == GLOSSARY_PAGE:
        page_worker.current().sends_later(GLOSSARY_PAGE)  # counted once its "Appears on" lines are in
        return html
    glossary_url = files.get_file_from_path(GLOSSARY_PAGE).url
    _addresses[page.file.src_uri] = get_relative_url(glossary_url, page.file.url)
    page_worker.current().link(page.file.src_uri, html, _addresses[page.file.src_uri])
    return html


def _linked_pages(files) -> None:
    """Each page linked by the worker goes in: its linked HTML, the terms on it, what search reads."""
    linked = page_worker.current().links()
    for file in files.documentation_pages(inclusion=InclusionLevel.all):  # the order pages were made in
        if file.src_uri not in linked:
            continue
        page, worked = file.page, linked[file.src_uri]
        for slug in worked.slugs:
            _pages_by_term[slug].append(page)
        base = _addresses[file.src_uri]
        _search_view.remember(
            file.src_uri,
            page.content,
            worked.html,
            relink=lambda other, base=base: _linker.link(other, _href(base)).html,
        )
        _tooltips_added[file.src_uri] = worked
        page.content = worked.html


def _href(base: str):
    return lambda slug: f"{base}#{slug}"


@event_priority(100)  # before Material's search plugin indexes the page
def _search_reads_it_unlinked(context, page, config, nav):
    page.content = _search_view.for_search(page.file.src_uri, page.content)
    return context


@event_priority(-100)  # after search: links back, then tooltips, which repeat definitions
def _readers_get_links_and_tooltips(context, page, config, nav):
    readers = _search_view.for_readers(page.file.src_uri, page.content)
    page.content = _with_tooltips(_tooltips_added.pop(page.file.src_uri, None), readers)
    return context


def _with_tooltips(worked, readers: str) -> str:
    """The worker's copy with tooltips, when readers get the page as the worker linked it, or
    with search's attributes removed (which never touches a link or a tooltip); else added here."""
    if worked is not None:
        if readers == worked.html:
            return worked.with_tooltips
        if readers == strip_search_attributes(worked.html):
            return strip_search_attributes(worked.with_tooltips)
    return _linker.add_tooltips(readers)


on_page_context = CombinedEvent(_search_reads_it_unlinked, _readers_get_links_and_tooltips)


def on_env(env, config, files):
    _linked_pages(files)
    glossary = files.get_file_from_path(GLOSSARY_PAGE).page
    link_to = {}  # one relative URL per page, not per term on it (25,000 on a 1,000-page site)
    for pages in _pages_by_term.values():
        for p in pages:
            if p.file.src_uri not in link_to:
                link_to[p.file.src_uri] = (p.title, get_relative_url(p.file.url, glossary.file.url))
    links = {slug: [link_to[p.file.src_uri] for p in pages] for slug, pages in _pages_by_term.items()}
    glossary.content = fill_backlinks(glossary.content, links)
    page_worker.current().count(GLOSSARY_PAGE, glossary.content)  # counted while the print page is made
    return env
