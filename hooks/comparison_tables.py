"""Hook: expand ``<!-- table: id -->`` markers into comparison tables."""

from guide import site_data
from guide.markers import expand_markers
from guide.tables import render_table
from guide.wiring import reports_data_errors


@reports_data_errors
def on_page_markdown(markdown, page, config, files):
    tables = site_data.current().tables
    return expand_markers(markdown, "table", lambda i: render_table(tables[i]), tables, page.file.src_uri)
