"""The theme's templates are compiled once and kept, and an edited template is compiled again."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, build_site
from guide import templates

OVERRIDE = '{% extends "base.html" %}\n{% block footer %}<p id="footer-mark">{{ "MARK" }}</p>{% endblock %}\n'


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    """Material with one override and only the template-cache hook, in ``tmp_path``."""
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
    stored = list((tiny_site / ".cache" / "jinja" / templates.THEME_BYTECODE).iterdir())
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
    assert templates.theme_bytecode_dir(templates.ROOT) != templates.BYTECODE_DIR / templates.HOOKS_BYTECODE


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def test_a_site_built_elsewhere_keeps_its_compiled_templates_in_its_own_folder(tiny_site, tmp_path):
    """Tests build copies of the repository; their templates must not pile up in the repository's .cache."""
    ours = templates.theme_bytecode_dir(templates.ROOT)
    before = _names(ours)
    build_site(tmp_path / "site", config_file=tiny_site / "mkdocs.yml")
    assert _names(tiny_site / ".cache" / "jinja" / "theme")
    assert _names(ours) == before


def test_a_cache_that_cannot_be_made_still_builds(tiny_site, tmp_path):
    (tiny_site / ".cache").write_text("not a folder", encoding="utf-8")
    build_site(tmp_path / "site", config_file=tiny_site / "mkdocs.yml")
    assert '<p id="footer-mark">first</p>' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
