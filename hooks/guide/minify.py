"""Our own stylesheets and scripts, as readers download them: without comments and indentation.

The files in docs/assets/ are written for the people who maintain them, with comments
that say why a rule or a listener is there; none of that helps a reader on a phone.
rcssmin and rjsmin only drop comments and white space that carry no meaning (strings,
regular expressions and ``/*! … */`` notices are kept), so what runs is what was written.
Material's own files are minified already, and third-party files are copied untouched.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from rcssmin import cssmin
from rjsmin import jsmin

OWN_ASSETS = ("assets/stylesheets/", "assets/javascripts/")


def minifier(src_uri: str):
    """The minifier for one of our own asset files, or None for any other file."""
    if not src_uri.startswith(OWN_ASSETS) or ".min." in src_uri:
        return None
    return {".css": cssmin, ".js": jsmin}.get(PurePosixPath(src_uri).suffix)


def minified(src_uri: str, text: str) -> str:
    """``text`` minified as its file's kind, or unchanged when it is not one of ours."""
    minify = minifier(src_uri)
    return minify(text, keep_bang_comments=True) if minify else text
