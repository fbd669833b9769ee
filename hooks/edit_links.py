"""Hook: pages filled from data/ also offer an edit link to each data file, next to "edit this page"."""

from guide import site_data
from guide.edit_links import data_edit_links, data_files, docs_folder, edited_path
from mkdocs.plugins import event_priority


@event_priority(50)  # before the hooks that expand markers, which replace them
def on_page_markdown(markdown, page, config, files):
    docs_name = docs_folder(config.docs_dir, config.config_file_path)
    has_key_points = page.file.src_uri in site_data.current().key_points
    paths = data_files(markdown, has_key_points=has_key_points)
    page.meta["edit_path"] = edited_path(page.file.edit_uri, docs_name)
    page.meta["data_files"] = data_edit_links(page.edit_url, page.file.src_uri, docs_name, paths)
    return markdown
