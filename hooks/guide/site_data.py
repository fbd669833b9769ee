"""Load and cross-check everything in data/ once per build, before MkDocs touches site/.

Validating here (``on_config``) rather than page by page means bad data stops the
build before the site directory is cleaned, so the last good site stays in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, normalise
from .datafile import load_model, locate
from .errors import DataError, Problem, did_you_mean
from .glossary import cross_check as check_glossary
from .markers import find_markers
from .models import (
    ComparisonsFile,
    ComparisonTable,
    Fact,
    FactsFile,
    GlossaryFile,
    GlossaryTerm,
    KeyPointsFile,
    PageKeyPoints,
)
from .per_build import PerBuild, read_pages

ARTICLE = "source/can-you-cure-cancer-of-the-spine.txt"
FACTS, GLOSSARY, COMPARISONS, KEY_POINTS = (
    "data/facts.yml",
    "data/glossary.yml",
    "data/comparisons.yml",
    "data/key_points.yml",
)


@dataclass(frozen=True)
class SiteData:
    article: Article
    facts: dict[str, Fact]
    terms: list[GlossaryTerm]
    tables: dict[str, ComparisonTable]
    key_points: dict[str, PageKeyPoints]
    fact_pages: dict[str, str] = field(default_factory=dict)
    """Which page (path under docs/) explains each fact, from its ``<!-- fact: id -->`` marker."""


def duplicates(entries: Iterable, key: str, file: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for entry in entries:
        value = getattr(entry, key)
        if value in seen:
            problems.append(
                Problem(file, f"duplicate {key} '{value}'; each {key} must be unique", entry=value, field=key)
            )
        seen.add(value)
    return problems


def load_site_data(root: Path, docs_dir: Path) -> SiteData:
    article = Article.from_path(root / ARTICLE, ARTICLE)
    context = {"article": article}
    facts = load_model(root / FACTS, FactsFile, name=FACTS, context=context).facts
    terms = load_model(root / GLOSSARY, GlossaryFile, name=GLOSSARY, context=context).terms
    tables = load_model(root / COMPARISONS, ComparisonsFile, name=COMPARISONS, context=context).tables
    key_points = load_model(root / KEY_POINTS, KeyPointsFile, name=KEY_POINTS, context=context).pages
    problems = [
        *locate(duplicates(facts, "id", FACTS), root / FACTS),
        *locate(check_glossary(terms, GLOSSARY), root / GLOSSARY),
        *locate(duplicates(tables, "id", COMPARISONS), root / COMPARISONS),
        *locate(duplicates(key_points, "page", KEY_POINTS), root / KEY_POINTS),
    ]
    data = SiteData(
        article,
        {f.id: f for f in facts},
        terms,
        {t.id: t for t in tables},
        {k.page: k for k in key_points},
    )
    pages = read_pages(docs_dir)
    problems += locate(check_key_points(key_points, pages), root / KEY_POINTS)
    problems += check_markers(data, pages, docs_dir.name)
    if problems:
        raise DataError(problems)
    return data


def check_key_points(entries: Sequence[PageKeyPoints], pages: dict[str, str]) -> list[Problem]:
    """Each box belongs to a real page and restates only sentences found on that page."""
    problems = []
    for entry in entries:
        if entry.page not in pages:
            problems.append(
                Problem(
                    KEY_POINTS,
                    f"no page docs/{entry.page}.{did_you_mean(entry.page, pages)}",
                    entry=entry.page,
                    field="page",
                )
            )
            continue
        page_text = normalise(pages[entry.page])
        for number, point in enumerate(entry.points):
            if normalise(point.source) not in page_text:
                problems.append(
                    Problem(
                        KEY_POINTS,
                        f"the source quote is not on docs/{entry.page}",
                        entry=entry.page,
                        field=f"points.{number}.source",
                    )
                )
    return problems


def check_markers(data: SiteData, pages: dict[str, str], docs_name: str) -> list[Problem]:
    """Every marker on every page names a known kind and a known id; remember where facts live."""
    # Every marker kind some hook expands, with the ids it accepts.
    valid = {"fact": data.facts, "facts": ["all"], "table": data.tables}
    problems = []
    for path, markdown in pages.items():
        for marker in find_markers(markdown):
            where = f"{docs_name}/{path}"
            if marker.kind not in valid:
                problems.append(
                    Problem(
                        where,
                        f"unknown marker kind '{marker.kind}'.{did_you_mean(marker.kind, valid)} Known kinds: {', '.join(valid)}",
                        line=marker.line,
                    )
                )
            elif marker.arg not in valid[marker.kind]:
                problems.append(
                    Problem(
                        where,
                        f"unknown {marker.kind} id '{marker.arg}'.{did_you_mean(marker.arg, valid[marker.kind])}",
                        line=marker.line,
                    )
                )
            elif marker.kind == "fact":
                data.fact_pages.setdefault(marker.arg, path)
    return problems


_state = PerBuild(load_site_data, "hooks/site_data.py")
load = _state.load
current = _state.current
