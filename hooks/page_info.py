"""Hook: what overrides/main.html needs for the "About this page" box on every page.

Review dates are read and checked in ``on_config``, before MkDocs cleans site/, so a bad
``review:`` stops the build with file, field and line, and the last good site stays.
Readability is counted in the page worker (guide/page_worker.py), another process, which gets
each page as soon as its HTML is finished (``on_page_content``, after every other hook; a page
whose terms it links, it counts once linked) and counts it while MkDocs renders the next ones.
The counts are collected in ``on_env``: by then every hook has finished every page, including
what ``on_env`` adds (the glossary's "Appears on" lines, the print page's sections; a page
changed after it was sent is sent again), and the print page can add up its sections' counts
instead of reading the whole guide a second time.
"""

from pathlib import Path

from guide import page_info, page_worker
from guide.errors import DataError, Problem
from guide.page_worker import WorkerFailed
from guide.print_page import PRINT_PAGE, last_whole_guide_text
from guide.readability import Readability, scores
from guide.wiring import project_root, reports_data_errors
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

ABOUT_PAGE = "about.md"
_files = None
_readability: dict[str, Readability] = {}


@reports_data_errors
def on_config(config):
    page_info.load(project_root(config), Path(config.docs_dir))
    return config


@event_priority(-100)  # after every hook that adds pages
@reports_data_errors
def on_files(files, config):
    generated = [f.src_uri for f in files.documentation_pages() if f.generated_by]
    problems = page_info.check_generated(page_info.current().from_data, generated)
    if files.get_file_from_path(ABOUT_PAGE) is None:
        problems.append(Problem(f"docs/{ABOUT_PAGE}", "is missing; every page links to its Sources section"))
    if problems:
        raise DataError(problems)
    return files


@event_priority(-100)  # after the print page hook has dated itself, before any page is rendered
@reports_data_errors
def on_nav(nav, config, files):
    global _files
    _files = files
    reviews = page_info.current().by_page
    problems = page_info.missing_reviews((f.src_uri for f in files.documentation_pages()), reviews)
    if problems:
        raise DataError(problems)
    return nav


@event_priority(-100)  # after every hook that changes a page's HTML
def on_page_content(html, page, config, files):
    worker = page_worker.current()
    if page.file.src_uri != PRINT_PAGE and not worker.will_count(page.file.src_uri):  # linked, or sent later
        worker.count(page.file.src_uri, html)  # the print page: from its sections (on_env)
    return html


@event_priority(-100)  # after the glossary (0) and the print page (-50) have finished their pages
def on_env(env, config, files):
    rendered = [f for f in files.documentation_pages(inclusion=InclusionLevel.all) if f.page and f.page.content]
    pages = {f.src_uri: f.page.content for f in rendered if f.src_uri != PRINT_PAGE}  # drafts too (serve)
    whole_guide = last_whole_guide_text() if files.get_file_from_path(PRINT_PAGE) is not None else None
    if whole_guide is not None:
        pages[PRINT_PAGE] = whole_guide.frame_html  # the print page without its sections
        pages.update(whole_guide.parts)  # each page's contents entry and review line, sent as it was made
    try:
        counts = page_worker.current().counts(pages)
    except WorkerFailed as error:
        raise PluginError(str(error)) from None
    finally:
        page_worker.stop()
    if whole_guide is not None:
        counts[PRINT_PAGE] = whole_guide.counts(counts[PRINT_PAGE], counts)
    _readability.clear()
    _readability.update((f.src_uri, scores(counts[f.src_uri])) for f in rendered)  # not the print page's parts
    return env


def on_page_context(context, page, config, nav):
    about = _files.get_file_from_path(ABOUT_PAGE)
    print_page = _files.get_file_from_path(PRINT_PAGE)
    review = page_info.current().by_page[page.file.src_uri]
    context["page_info"] = page_info.PageInfo(
        page=page.file.src_uri,
        review=page_info.review_dates(review),
        readability=_readability[page.file.src_uri],
        about_url=about.url,
        print_url=print_page.url if print_page and print_page is not page.file else None,
    )
    return context
