"""The Jinja environment for the HTML that hooks insert; the markup itself lives in overrides/hooks/."""

from __future__ import annotations

import contextlib
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIR = ROOT / "overrides" / "hooks"
BYTECODE_DIR = ROOT / ".cache" / "jinja"


class _BytecodeCache(FileSystemBytecodeCache):
    """Compiled macros kept between builds, as Python keeps ``__pycache__``.

    Compiling the templates in overrides/hooks/ took about 30 ms of every build, in the
    build and again in the page worker. Jinja names each file by template and checks the
    source's checksum, so an edited template is compiled again. A folder that cannot be
    read or written only means compiling each build, never a failed build.
    """

    def load_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> _BytecodeCache | None:
    try:
        BYTECODE_DIR.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _BytecodeCache(str(BYTECODE_DIR))


# autoescape: data text is always shown as text, never run as HTML.
environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    bytecode_cache=_bytecode_cache(),
)


def macro(template: str, name: str):
    """A macro from ``overrides/hooks/<template>``; Jinja reloads the file when it changes."""
    return getattr(environment.get_template(template).module, name)


def html_block(markup: str) -> str:
    """Raw HTML for a Markdown page: Markdown ends a raw block at a blank line, so drop them."""
    return "\n".join(line for line in str(markup).splitlines() if line.strip())
