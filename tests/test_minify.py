"""Our CSS and JavaScript reach readers minified; Material's and third-party files are left alone."""

from __future__ import annotations

import pytest
from conftest import ROOT
from guide.minify import minified, minifier

OWN = sorted(
    p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs/assets").rglob("*") if p.suffix in (".css", ".js")
)


@pytest.mark.parametrize(
    ("src_uri", "kind"),
    [
        ("assets/stylesheets/guide.css", "cssmin"),
        ("assets/javascripts/glossary.js", "jsmin"),
        ("assets/javascripts/bundle.a5f9d56c.min.js", None),
        ("assets/javascripts/iframe-worker-shim.LICENSE.txt", None),
        ("images/x.css", None),
    ],
)
def test_which_files_are_minified(src_uri, kind):
    found = minifier(src_uri)
    assert (found.__name__ if found else None) == kind


def test_comments_and_indentation_go_strings_and_notices_stay():
    css = '/* why */\n.a::after {\n  content: "  /* kept */  ";\n}\n/*! notice */\n'
    assert minified("assets/stylesheets/x.css", css) == '.a::after{content:"  /* kept */  "}/*! notice */'
    js = "// why\nconst re = /\\/\\/ not a comment/;  // trailing\nconst s = '  //  ';\n"
    assert minified("assets/javascripts/x.js", js) == "const re=/\\/\\/ not a comment/;const s='  //  ';"
    assert minified("other/x.js", js) == js


def test_every_own_asset_is_served_minified(hosted_site):
    assert len(OWN) >= 7, OWN
    for src_uri in OWN:
        source = (ROOT / "docs" / src_uri).read_text(encoding="utf-8")
        served = (hosted_site / src_uri).read_text(encoding="utf-8")
        assert served == minified(src_uri, source), src_uri
        assert len(served) < 0.85 * len(source), f"{src_uri}: {len(served)} of {len(source)} bytes"
