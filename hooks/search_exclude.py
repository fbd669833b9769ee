"""Hook: leave generated duplicates (glossary "Related"/"Source"/"Appears on", fact sources) out of search."""

from guide.search_exclude import exclude_from_search


def on_page_content(html, page, config, files):
    return exclude_from_search(html)
