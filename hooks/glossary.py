"""Hook: the generated glossary page, term links with tooltips, and "Appears on" backlinks."""

from collections import defaultdict

from guide import site_data
from guide.glossary import fill_backlinks, render_glossary_page
from guide.term_linker import TermLinker
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

GLOSSARY_PAGE = "glossary.md"
GLOSSARY_DATA = "../data/glossary.yml"  # relative to edit_uri (…/docs/)

_linker: TermLinker | None = None
_pages_by_term: dict[str, list] = defaultdict(list)


def on_pre_build(config):
    global _linker
    _linker = TermLinker(site_data.current().terms)
    _pages_by_term.clear()


def on_files(files, config):
    page = File.generated(config, GLOSSARY_PAGE, content=render_glossary_page(site_data.current().terms))
    page.edit_uri = GLOSSARY_DATA
    files.append(page)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri == GLOSSARY_PAGE:
        return html
    glossary_url = files.get_file_from_path(GLOSSARY_PAGE).url
    base = get_relative_url(glossary_url, page.file.url)
    result = _linker.link(html, lambda slug: f"{base}#{slug}")
    for slug in result.linked:
        _pages_by_term[slug].append(page)
    return result.html


@event_priority(-100)  # after Material's search plugin has indexed the page: tooltips repeat definitions
def on_page_context(context, page, config, nav):
    page.content = _linker.add_tooltips(page.content)
    return context


def on_env(env, config, files):
    glossary = files.get_file_from_path(GLOSSARY_PAGE).page
    links = {
        slug: [(p.title, get_relative_url(p.file.url, glossary.file.url)) for p in pages]
        for slug, pages in _pages_by_term.items()
    }
    glossary.content = fill_backlinks(glossary.content, links)
    return env
