"""Hook: open each content page with its "Key points" box."""

from guide import site_data
from guide.key_points import insert_after_title, render_key_points


def on_page_markdown(markdown, page, config, files):
    entry = site_data.current().key_points.get(page.file.src_uri)
    return markdown if entry is None else insert_after_title(markdown, render_key_points(entry))
