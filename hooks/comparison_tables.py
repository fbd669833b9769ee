"""Hook: expand ``<!-- table: id -->`` markers into comparison tables."""

from guide import held_blocks, site_data
from guide.markers import expand_markers
from guide.tables import render_table
from guide.wiring import reports_data_errors


@reports_data_errors
def on_page_markdown(markdown, page, config, files):
    tables, name, held = site_data.current().tables, page.file.src_uri, held_blocks.current()
    return expand_markers(markdown, "table", lambda i: held.hold(name, render_table(tables[i])), tables, name)
