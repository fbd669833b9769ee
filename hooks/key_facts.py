"""Hook: expand ``<!-- fact: id -->`` and ``<!-- facts: all -->`` markers into key-fact boxes."""

from guide import held_blocks, site_data
from guide.facts import render_fact, render_fact_summary
from guide.markers import expand_markers
from guide.wiring import reports_data_errors
from mkdocs.utils import get_relative_url


@reports_data_errors
def on_page_markdown(markdown, page, config, files):
    data = site_data.current()
    name = page.file.src_uri
    held = held_blocks.current()
    markdown = expand_markers(markdown, "fact", lambda i: held.hold(name, render_fact(data.facts[i])), data.facts, name)

    def summary(_all: str) -> str:
        hrefs = {}
        for fact_id, src in data.fact_pages.items():
            target = files.get_file_from_path(src)
            if target is not None:
                hrefs[fact_id] = get_relative_url(target.url, page.file.url) + f"#fact-{fact_id}"
        return held.hold(name, render_fact_summary(list(data.facts.values()), hrefs))

    return expand_markers(markdown, "facts", summary, ["all"], name)
