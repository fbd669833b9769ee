"""Hook: generated HTML blocks skip Markdown and go back into each page's HTML (guide/held_blocks.py)."""

from guide import held_blocks
from mkdocs.plugins import event_priority


@event_priority(100)  # before the glossary page (on_files) and any page holds a block
def on_pre_build(config):
    held_blocks.start()


@event_priority(90)  # before search exclusion (50), term links (0) and readability (-100) read the page
def on_page_content(html, page, config, files):
    html, ids = held_blocks.current().put_back(page.file.src_uri, html)
    if ids:  # MkDocs checks links to #anchors against these, after every page is made
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
    return html
