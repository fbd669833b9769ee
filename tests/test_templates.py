"""Compiled macros are kept between builds, and an edited template is never served stale."""

from __future__ import annotations

from guide import templates
from guide.templates import _BytecodeCache
from jinja2 import Environment, FileSystemLoader


def _render(folder, cache) -> str:
    environment = Environment(loader=FileSystemLoader(folder / "templates"), bytecode_cache=cache)
    return environment.get_template("t.html").render(name="spine")


def test_a_second_build_loads_the_compiled_template_and_an_edit_is_compiled_again(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.html").write_text("Hello {{ name }}", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    assert _render(tmp_path, _BytecodeCache(str(cache_dir))) == "Hello spine"
    [stored] = cache_dir.iterdir()
    assert _render(tmp_path, _BytecodeCache(str(cache_dir))) == "Hello spine"
    (tmp_path / "templates" / "t.html").write_text("Bye {{ name }}", encoding="utf-8")
    assert _render(tmp_path, _BytecodeCache(str(cache_dir))) == "Bye spine"
    assert list(cache_dir.iterdir()) == [stored], "one file per template, rewritten"


def test_a_cache_folder_that_cannot_be_written_only_means_compiling(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.html").write_text("Hello {{ name }}", encoding="utf-8")
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    assert _render(tmp_path, _BytecodeCache(str(not_a_folder))) == "Hello spine"


def test_no_cache_when_its_folder_cannot_be_made(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert templates.bytecode_cache(tmp_path / "file" / "jinja") is None


def test_the_hooks_environment_keeps_its_bytecode_in_a_folder_git_ignores():
    assert templates.environment.bytecode_cache.directory == str(templates.BYTECODE_DIR / templates.HOOKS_BYTECODE)
    assert templates.BYTECODE_DIR.relative_to(templates.ROOT).parts[0] == ".cache"
    gitignore = (templates.ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".cache/" in gitignore


def test_nothing_compiled_is_ever_committed():
    """Jinja runs what it finds in .cache/jinja, and Python a hash-checked .pyc that matches its source:
    both must come from this machine's own builds, never from a pull request (git add -f gets past
    .gitignore, and a binary file is easy to miss in review)."""
    import subprocess

    patterns = [".cache", "*.pyc", "*__pycache__*"]
    tracked = subprocess.run(
        ["git", "ls-files", "--", *patterns], cwd=templates.ROOT, capture_output=True, text=True, check=True
    )
    assert tracked.stdout == ""
