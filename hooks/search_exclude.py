"""Hook: leave generated duplicates (glossary "Related"/"Source"/"Appears on", fact sources) out of search."""

from guide.search_exclude import exclude_from_search
from mkdocs.plugins import event_priority


@event_priority(50)  # before the glossary links terms: search indexes the page as it was before linking
def on_page_content(html, page, config, files):
    return exclude_from_search(html)
