"""Key facts: admonition boxes rendered from data/facts.yml."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .models import Fact
from .templates import html_block, macro


def render_fact(fact: Fact, more_href: str | None = None) -> str:
    return html_block(macro("facts.html", "fact_box")(fact, more_href))


def render_fact_summary(facts: Sequence[Fact], hrefs: Mapping[str, str]) -> str:
    """All facts at a glance (home page); ``hrefs`` links each fact to the page that explains it."""
    return html_block(macro("facts.html", "fact_grid")(facts, hrefs))


def index_facts(facts: Sequence[Fact]) -> dict[str, Fact]:
    return {fact.id: fact for fact in facts}
