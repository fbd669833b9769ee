"""Hook: serve our own CSS and JavaScript from docs/assets/ minified (see guide/minify.py)."""

from pathlib import Path

from guide.minify import minified, minifier


def on_files(files, config):
    docs_dir = Path(config.docs_dir).resolve()
    for file in files.media_files():
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if source and source.is_relative_to(docs_dir) and minifier(file.src_uri):
            file.content_string = minified(file.src_uri, source.read_text(encoding="utf-8"))
    return files
