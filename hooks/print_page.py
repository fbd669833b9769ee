"""Hook: the generated "whole guide" page (print.md) with every page of the nav, in order."""

from dataclasses import replace

from guide import page_info, page_worker
from guide.addresses import hosted_address
from guide.print_page import (
    PRINT_PAGE,
    PrintSection,
    fill_print_page,
    print_page_markdown,
    remember_whole_guide_text,
    render_sections,
    whole_guide_text,
)
from guide.search_view import strip_search_attributes
from guide.wiring import reports_data_errors
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

_nav_pages: list = []
_sections: list[PrintSection] = []
"""The nav's pages as print sections, their content left out until it is final."""
_filled: list[str] = []


def on_files(files, config):
    # NOT_IN_NAV: the page is reached from "About this page", not from the nav, and strict
    # validation (omitted_files: warn) must not report it as forgotten.
    files.append(File.generated(config, PRINT_PAGE, content=print_page_markdown(), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    """Remember the nav's pages, and date the print page by its stalest section."""
    _nav_pages[:] = [page for page in nav.pages if page.file.src_uri != PRINT_PAGE]
    reviews = page_info.current().by_page
    known = [reviews[p.file.src_uri] for p in _nav_pages if p.file.src_uri in reviews]
    if known:
        reviews[PRINT_PAGE] = page_info.combined_review(known)
    return nav


@event_priority(10)  # before the glossary's on_env waits for the links: the worker counts the frame meanwhile
@reports_data_errors
def _frame_to_the_worker(env, config, files):
    """The page without its sections' content is all readability needs of it (``WholeGuideText``).

    The frame is text the worker has not seen (on a 1,000-page site, a contents list and a
    review line for each page: 0.4 s to count), so it goes as early as it is known. The
    print page's own content is not linked yet; links add no text, so the counts are the same.
    """
    page = files.get_file_from_path(PRINT_PAGE).page
    reviews = page_info.current().by_page
    _sections[:] = [
        PrintSection(
            src_uri=p.file.src_uri,
            title=p.title,
            url=p.file.url,
            content="",
            review=reviews[p.file.src_uri],
            address=hosted_address(config.site_url, p.file.src_uri) if config.site_url else None,
        )
        for p in _nav_pages
    ]
    whole_guide = whole_guide_text(page.content, _sections, page.file.url)
    remember_whole_guide_text(whole_guide)
    page_worker.current().count(PRINT_PAGE, whole_guide.frame_html)
    return env


@event_priority(-50)  # after the glossary hook fills its "Appears on" lines
@reports_data_errors
def _sections_filled_in(env, config, files):
    page = files.get_file_from_path(PRINT_PAGE).page
    sections = [
        replace(section, content=strip_search_attributes(p.content))  # search's own marks; it never indexes this page
        for section, p in zip(_sections, _nav_pages, strict=True)
    ]
    _filled[:] = [fill_print_page(page.content, render_sections(sections, page.file.url))]
    return env


on_env = CombinedEvent(_frame_to_the_worker, _sections_filled_in)


@event_priority(-90)  # after search (the page is left out, yet search reads it through), before tooltips
def on_page_context(context, page, config, nav):
    """The whole guide goes in only now: on a 1,000-page site it is 20 MB that search would scan."""
    if page.file.src_uri == PRINT_PAGE and _filled:
        page.content = _filled.pop()
    return context
