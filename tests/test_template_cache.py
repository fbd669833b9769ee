"""The theme's templates are compiled once and kept, and an edited template is compiled again."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, build_site
from guide import templates

OVERRIDE = '{% extends "base.html" %}\n{% block footer %}<p id="footer-mark">{{ "MARK" }}</p>{% endblock %}\n'


@pytest.fixture
def tiny_site(tmp_path, monkeypatch) -> Path:
    """Material with one override and only the template-cache hook, caching under ``tmp_path``."""
    monkeypatch.setattr(templates, "BYTECODE_DIR", tmp_path / "cache")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text(OVERRIDE.replace("MARK", "first"), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tiny\n"
        "theme: {name: material, custom_dir: overrides, font: false}\n"
        f"hooks: [{ROOT / 'hooks' / 'template_cache.py'}]\n",
        encoding="utf-8",
    )
    return tmp_path


def _compiled_during_build(site: Path, target: Path, monkeypatch) -> list[str]:
    """Template files compiled (strings that MkDocs and Material compile with ``from_string`` aside)."""
    names = []
    compile_template = jinja2.Environment.compile

    def recording(self, source, name=None, filename=None, *args, **kwargs):
        if filename is not None:
            names.append(name)
        return compile_template(self, source, name, filename, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(jinja2.Environment, "compile", recording)
        build_site(target, config_file=site / "mkdocs.yml")
    return names


def test_the_second_build_compiles_no_theme_template(tiny_site, tmp_path, monkeypatch):
    first = set(_compiled_during_build(tiny_site, tmp_path / "site-1", monkeypatch))
    stored = list((tmp_path / "cache" / templates.THEME_BYTECODE).iterdir())
    assert {"main.html", "base.html", "partials/header.html"} <= first
    assert len(stored) == len(first), "every template the build compiled is kept"
    assert _compiled_during_build(tiny_site, tmp_path / "site-2", monkeypatch) == []
    page = (tmp_path / "site-2" / "index.html").read_text(encoding="utf-8")
    assert '<p id="footer-mark">first</p>' in page


def test_an_edited_override_is_compiled_again_and_shown(tiny_site, tmp_path, monkeypatch):
    build_site(tmp_path / "site-1", config_file=tiny_site / "mkdocs.yml")
    (tiny_site / "overrides" / "main.html").write_text(OVERRIDE.replace("MARK", "edited"), encoding="utf-8")
    assert _compiled_during_build(tiny_site, tmp_path / "site-2", monkeypatch) == ["main.html"]
    page = (tmp_path / "site-2" / "index.html").read_text(encoding="utf-8")
    assert '<p id="footer-mark">edited</p>' in page
    assert "first" not in page


def test_the_theme_and_the_hooks_never_share_compiled_code():
    """Jinja checks only a template's source: the same file compiled with other settings must not be reused."""
    assert templates.HOOKS_BYTECODE != templates.THEME_BYTECODE


def test_a_cache_that_cannot_be_made_still_builds(tiny_site, tmp_path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    monkeypatch.setattr(templates, "BYTECODE_DIR", tmp_path / "not-a-folder" / "jinja")
    build_site(tmp_path / "site", config_file=tiny_site / "mkdocs.yml")
    assert '<p id="footer-mark">first</p>' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
