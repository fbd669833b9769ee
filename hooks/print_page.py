"""Hook: the generated "whole guide" page (print.md) with every page of the nav, in order."""

from guide import page_info, page_worker
from guide.addresses import hosted_address
from guide.print_layout import PrintLayout
from guide.print_page import (
    PRINT_PAGE,
    PrintFrame,
    PrintSection,
    current_parts,
    part_key,
    print_page_markdown,
    print_part,
    remember_whole_guide_text,
)
from guide.wiring import reports_data_errors
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

_nav_pages: list = []
_layout: list[PrintLayout] = []
_moved: dict[str, str] = {}
"""The pages the worker moved onto the print page, by path under docs/."""
_parts: dict = {}
_filled: list[str] = []


def on_files(files, config):
    # NOT_IN_NAV: the page is reached from "About this page", not from the nav, and strict
    # validation (omitted_files: warn) must not report it as forgotten.
    files.append(File.generated(config, PRINT_PAGE, content=print_page_markdown(), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    """Remember the nav's pages, tell the worker where they go, and date the print page by its stalest section."""
    _nav_pages[:] = [page for page in nav.pages if page.file.src_uri != PRINT_PAGE]
    print_page = files.get_file_from_path(PRINT_PAGE)
    _layout[:] = [PrintLayout(print_page.url, {p.file.src_uri: p.file.url for p in _nav_pages})]
    _parts.clear()
    page_worker.current().use_layout(_layout[0])  # the worker moves each page onto the print page once linked
    reviews = page_info.current().by_page
    known = [reviews[p.file.src_uri] for p in _nav_pages if p.file.src_uri in reviews]
    if known:
        reviews[PRINT_PAGE] = page_info.combined_review(known)
    return nav


@event_priority(-100)  # after every hook that changes a page: its title is final
def on_page_content(html, page, config, files):
    """The page's share of the print page is made now, and counted by the worker meanwhile."""
    src_uri = page.file.src_uri
    if _layout and src_uri in _layout[0].numbers:
        part = print_part(_section(page, config), _layout[0].numbers[src_uri], _layout[0].print_url)
        _parts[src_uri] = part
        page_worker.current().count(part_key(src_uri), part.text_html)
    return html


def _section(page, config) -> PrintSection:
    return PrintSection(
        src_uri=page.file.src_uri,
        title=page.title,
        url=page.file.url,
        review=page_info.current().by_page[page.file.src_uri],
        address=hosted_address(config.site_url, page.file.src_uri) if config.site_url else None,
    )


@event_priority(10)  # before the glossary sends its finished page to be counted: the worker answers at once
def _moved_pages_collected(env, config, files):
    _moved.clear()
    _moved.update(page_worker.current().moved())
    return env


@event_priority(-50)  # after the glossary hook fills its "Appears on" lines
@reports_data_errors
def _page_assembled(env, config, files):
    page = files.get_file_from_path(PRINT_PAGE).page
    parts = current_parts(_parts, [_section(p, config) for p in _nav_pages], page.file.url)
    frame = PrintFrame(tuple(parts))
    text = frame.text(page.content)
    remember_whole_guide_text(text)
    worker = page_worker.current()
    worker.count(PRINT_PAGE, text.frame_html)
    contents = {
        p.file.src_uri: _moved[p.file.src_uri]
        if p.file.src_uri in _moved and worker.is_as_linked(p.file.src_uri, p.content)
        else _layout[0].move(p.file.src_uri, p.content)  # changed since it was linked: the glossary page
        for p in _nav_pages
    }
    _filled[:] = [frame.filled(page.content, contents)]
    return env


on_env = CombinedEvent(_moved_pages_collected, _page_assembled)


@event_priority(-90)  # after search (the page is left out, yet search reads it through), before tooltips
def on_page_context(context, page, config, nav):
    """The whole guide goes in only now: on a 1,000-page site it is 20 MB that search would scan."""
    if page.file.src_uri == PRINT_PAGE and _filled:
        page.content = _filled.pop()
    return context
