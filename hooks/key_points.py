"""Hook: open each content page with its "Key points" box."""

from guide import held_blocks, site_data
from guide.key_points import insert_after_title, render_key_points


def on_page_markdown(markdown, page, config, files):
    entry = site_data.current().key_points.get(page.file.src_uri)
    if entry is None:
        return markdown
    return insert_after_title(markdown, held_blocks.current().hold(page.file.src_uri, render_key_points(entry)))
