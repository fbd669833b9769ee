"""The Jinja environment for the HTML that hooks insert; the markup itself lives in overrides/hooks/."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "hooks"

# autoescape: data text is always shown as text, never run as HTML.
environment = Environment(
    loader=FileSystemLoader(TEMPLATE_DIR),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def macro(template: str, name: str):
    """A macro from ``overrides/hooks/<template>``; Jinja reloads the file when it changes."""
    return getattr(environment.get_template(template).module, name)


def html_block(markup: str) -> str:
    """Raw HTML for a Markdown page: Markdown ends a raw block at a blank line, so drop them."""
    return "\n".join(line for line in str(markup).splitlines() if line.strip())
