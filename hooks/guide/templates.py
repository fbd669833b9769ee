"""The Jinja environment for the HTML that hooks insert; the markup itself lives in overrides/hooks/."""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "overrides" / "hooks"
JINJA_CACHE = Path(".cache", "jinja")
"""Compiled templates, under a project's folder (git-ignored)."""
BYTECODE_DIR = ROOT / JINJA_CACHE
HOOKS_BYTECODE = "hooks"
THEME_BYTECODE = "theme"
"""One folder per environment: Jinja keys compiled code by template file and checks only the
source's checksum, so the same file compiled by two environments with different settings
(ours trims blocks, the theme's does not) must never share a folder."""


def theme_bytecode_dir(project_root: Path) -> Path:
    """The theme's compiled templates belong to the project built (its mkdocs.yml's folder),
    like Material's own plugins' ``.cache``; a copy of the site built elsewhere keeps its own."""
    return project_root / JINJA_CACHE / THEME_BYTECODE


class _BytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between builds, as Python keeps ``__pycache__``.

    Compiling the templates in overrides/hooks/ took about 30 ms of every build, in the
    build and again in the page worker; the theme's (Material's and overrides/) about
    150 ms, on every build and every rebuild of ``mkdocs serve``. Jinja names each file by
    template and checks the source's checksum, so an edited template is compiled again.
    A folder that cannot be read or written only means compiling each build, never a
    failed build.
    """

    def load_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache(folder: Path) -> _BytecodeCache | None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(folder))


# autoescape: data text is always shown as text, never run as HTML.
environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    bytecode_cache=bytecode_cache(BYTECODE_DIR / HOOKS_BYTECODE),
)


def macro(template: str, name: str):
    """A macro from ``overrides/hooks/<template>``; Jinja reloads the file when it changes."""
    return getattr(environment.get_template(template).module, name)


def html_block(markup: str) -> str:
    """Raw HTML for a Markdown page: Markdown ends a raw block at a blank line, so drop them."""
    return "\n".join(line for line in str(markup).splitlines() if line.strip())
