"""Hook: the generated "whole guide" page (print.md) with every page of the nav, in order."""

from guide import page_info, page_worker
from guide.addresses import hosted_address
from guide.print_layout import PrintLayout
from guide.print_page import (
    PRINT_PAGE,
    PrintSection,
    print_frame,
    print_page_markdown,
    remember_whole_guide_text,
)
from guide.wiring import reports_data_errors
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

_nav_pages: list = []
_layout: list[PrintLayout] = []
_moved: dict[str, str] = {}
"""The pages the worker moved onto the print page, by path under docs/."""
_frame: list = []
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
    page_worker.current().use_layout(_layout[0])  # the worker moves each page onto the print page once linked
    reviews = page_info.current().by_page
    known = [reviews[p.file.src_uri] for p in _nav_pages if p.file.src_uri in reviews]
    if known:
        reviews[PRINT_PAGE] = page_info.combined_review(known)
    return nav


@event_priority(10)  # before the glossary waits for the links: the worker counts the frame meanwhile
@reports_data_errors
def _frame_made_and_counted(env, config, files):
    """The frame is the text the worker has not seen (on a 1,000-page site, a contents list and a
    review line for each page: 0.4 s to count), so it is sent as soon as it is known. The print
    page's own content is not linked yet; links add no text, so the counts are the same."""
    worker = page_worker.current()
    _moved.clear()
    _moved.update(worker.moved())  # asked first: the worker answers at once
    page = files.get_file_from_path(PRINT_PAGE).page
    reviews = page_info.current().by_page
    sections = [
        PrintSection(
            src_uri=p.file.src_uri,
            title=p.title,
            url=p.file.url,
            content="",  # the frame has a slot for it
            review=reviews[p.file.src_uri],
            address=hosted_address(config.site_url, p.file.src_uri) if config.site_url else None,
        )
        for p in _nav_pages
    ]
    _frame[:] = [print_frame(sections, page.file.url)]
    text = _frame[0].text(page.content)
    remember_whole_guide_text(text)
    worker.count(PRINT_PAGE, text.frame_html)
    return env


@event_priority(-50)  # after the glossary hook fills its "Appears on" lines
@reports_data_errors
def _page_assembled(env, config, files):
    page = files.get_file_from_path(PRINT_PAGE).page
    worker = page_worker.current()
    contents = {
        p.file.src_uri: _moved[p.file.src_uri]
        if p.file.src_uri in _moved and worker.is_as_linked(p.file.src_uri, p.content)
        else _layout[0].move(p.file.src_uri, p.content)  # changed since it was linked: the glossary page
        for p in _nav_pages
    }
    _filled[:] = [_frame[0].filled(page.content, contents)]
    return env


on_env = CombinedEvent(_frame_made_and_counted, _page_assembled)


@event_priority(-90)  # after search (the page is left out, yet search reads it through), before tooltips
def on_page_context(context, page, config, nav):
    """The whole guide goes in only now: on a 1,000-page site it is 20 MB that search would scan."""
    if page.file.src_uri == PRINT_PAGE and _filled:
        page.content = _filled.pop()
    return context
