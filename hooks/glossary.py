"""Hook: the generated glossary page, term links with tooltips, and "Appears on" backlinks."""

from collections import defaultdict

from guide import held_blocks, site_data
from guide.glossary import fill_backlinks, render_glossary_page
from guide.search_view import SearchView
from guide.term_linker import TermLinker
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_DATA = "../data/glossary.yml"  # relative to edit_uri (…/docs/)

_linker: TermLinker | None = None
_pages_by_term: dict[str, list] = defaultdict(list)
_search_view = SearchView()


def on_pre_build(config):
    global _linker
    _linker = TermLinker(site_data.current().terms)
    _pages_by_term.clear()
    _search_view.clear()


def on_files(files, config):
    held = held_blocks.current()
    markdown = render_glossary_page(site_data.current().terms, hold=lambda html: held.hold(GLOSSARY_PAGE, html))
    page = File.generated(config, GLOSSARY_PAGE, content=markdown)
    page.edit_uri = GLOSSARY_DATA
    files.append(page)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    glossary_url = files.get_file_from_path(GLOSSARY_PAGE).url
    base = get_relative_url(glossary_url, page.file.url)

    def href(slug):
        return f"{base}#{slug}"

    result = _linker.link(html, href)
    for slug in result.linked:
        _pages_by_term[slug].append(page)
    _search_view.remember(page.file.src_uri, html, result.html, relink=lambda other: _linker.link(other, href).html)
    return result.html


@event_priority(100)  # before Material's search plugin indexes the page
def _search_reads_it_unlinked(context, page, config, nav):
    page.content = _search_view.for_search(page.file.src_uri, page.content)
    return context


@event_priority(-100)  # after search: links back, then tooltips, which repeat definitions
def _readers_get_links_and_tooltips(context, page, config, nav):
    page.content = _linker.add_tooltips(_search_view.for_readers(page.file.src_uri, page.content))
    return context


on_page_context = CombinedEvent(_search_reads_it_unlinked, _readers_get_links_and_tooltips)


def on_env(env, config, files):
    glossary = files.get_file_from_path(GLOSSARY_PAGE).page
    link_to = {}  # one relative URL per page, not per term on it (25,000 on a 1,000-page site)
    for pages in _pages_by_term.values():
        for p in pages:
            if p.file.src_uri not in link_to:
                link_to[p.file.src_uri] = (p.title, get_relative_url(p.file.url, glossary.file.url))
    links = {slug: [link_to[p.file.src_uri] for p in pages] for slug, pages in _pages_by_term.items()}
    glossary.content = fill_backlinks(glossary.content, links)
    return env
