"""A synthetic site at scale, built with the real hooks and checked by the real data models.

The generated folder looks like this repository: mkdocs.yml (derived from the real one,
hooks and overrides by absolute path), docs/, data/ and source/. Its text is sentences of
the real source article, so every table row and key point can quote the article word for
word and pass the same validation as the real data. Glossary terms are made-up names with
``reference:`` sources, because they are not in the article. Nothing here is ever published:
the folder is temporary and only built to be timed.

Pages sit in parts of ten chapters of ten pages, as a large guide would be organised, so
the nav grows the way a real one does rather than as one flat list of a thousand links.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .configs import ROOT, absolute, hookless_docs, load_config, without_hooks, write_config

ARTICLE = "source/can-you-cure-cancer-of-the-spine.txt"
PAGES_PER_CHAPTER = 10
CHAPTERS_PER_PART = 10
REVIEW = {
    "last_reviewed": "2026-01-01",
    "next_review_due": "2027-01-01",
    "reviewer_role": "Synthetic benchmark page (never published)",
}
PREFIXES = [
    "ankylo",
    "brachy",
    "chondro",
    "dorso",
    "endo",
    "fibro",
    "glio",
    "hemo",
    "ilio",
    "juxta",
    "kypho",
    "lumbo",
    "myelo",
    "neuro",
    "osteo",
    "para",
    "radiculo",
    "sacro",
    "thoraco",
    "uro",
    "vertebro",
    "xantho",
    "zygo",
    "cervico",
    "disco",
]
SUFFIXES = [
    "blastoma",
    "cytosis",
    "desis",
    "ectomy",
    "fibrosis",
    "genesis",
    "lysis",
    "malacia",
    "necrosis",
    "pathy",
    "plasty",
    "ptosis",
    "rrhaphy",
    "sarcoma",
    "scopy",
    "stenosis",
    "tomy",
    "trophy",
    "phyma",
    "algia",
]
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Scale:
    """How big the synthetic site is."""

    pages: int
    terms: int
    tables: int
    words: int
    """Words of running text per page, before the hooks add boxes, tables and tooltips."""


FULL = Scale(pages=1000, terms=500, tables=200, words=1000)
LINEARITY_BASE = Scale(pages=100, terms=500, tables=200, words=1000)
TINY = Scale(pages=12, terms=20, tables=4, words=150)
TINY_BASE = Scale(pages=4, terms=20, tables=4, words=150)


@dataclass(frozen=True)
class Term:
    slug: str
    name: str
    aliases: tuple[str, ...]


def make_terms(count: int) -> list[Term]:
    """``count`` distinct made-up terms, each with a plural and an upper-case abbreviation."""
    if count > len(PREFIXES) * len(SUFFIXES):
        raise ValueError(f"at most {len(PREFIXES) * len(SUFFIXES)} synthetic terms")
    terms = []
    for number in range(count):
        p, s = divmod(number, len(SUFFIXES))
        name = PREFIXES[p] + SUFFIXES[s]
        abbreviation = f"{LETTERS[p]}{LETTERS[s]}X"
        terms.append(Term(f"{name}", name, (name + "s", abbreviation)))
    return terms


def glossary_data(terms: list[Term]) -> dict:
    entries = []
    for number, term in enumerate(terms):
        related = [terms[(number + step) % len(terms)].slug for step in (1, 7) if len(terms) > step]
        entries.append(
            {
                "slug": term.slug,
                "term": term.name,
                "aliases": list(term.aliases),
                "short": f"Made-up benchmark term number {number + 1}; it only exists to load the glossary hooks.",
                "related": [slug for slug in dict.fromkeys(related) if slug != term.slug],
                "source": {"reference": f"Synthetic benchmark reference {number + 1}"},
            }
        )
    return {"terms": entries}


def tables_data(count: int, sentences: list[str], rng: random.Random) -> dict:
    """Tables of four rows; each cell opens an article sentence, which the row quotes in full."""
    tables = []
    for number in range(count):
        rows = []
        for row in range(4):
            quoted = rng.sample(sentences, 2)
            cells = [f"Row {row + 1}", *(" ".join(s.split()[:8]) for s in quoted)]
            rows.append({"cells": cells, "sources": quoted})
        tables.append(
            {
                "id": table_id(number),
                "caption": f"Synthetic comparison table {number + 1}",
                "columns": ["Item", "First source", "Second source"],
                "rows": rows,
            }
        )
    return {"tables": tables}


def table_id(number: int) -> str:
    return f"bench-table-{number + 1:03d}"


def page_paths(count: int) -> list[str]:
    """index.md, then part-NN/chapter-NN/page-NNNN.md, ten pages to a chapter, ten chapters to a part."""
    paths = ["index.md"]
    for number in range(1, count):
        chapter, _ = divmod(number - 1, PAGES_PER_CHAPTER)
        part, chapter = divmod(chapter, CHAPTERS_PER_PART)
        paths.append(f"part-{part + 1:02d}/chapter-{chapter + 1:02d}/page-{number:04d}.md")
    return paths


def relative_link(source: str, target: str) -> str:
    depth = source.count("/")
    return "../" * depth + target


@dataclass(frozen=True)
class PageSpec:
    path: str
    number: int
    table: str | None
    fact: str | None
    next_path: str | None


def page_markdown(spec: PageSpec, words: int, sentences: list[str], terms: list[Term], rng: random.Random) -> str:
    """Front matter, a title, then sections of article sentences and mentions of glossary terms."""
    front = yaml.safe_dump({"review": REVIEW}, sort_keys=False)
    lines = [f"---\n{front}---", "", f"# Synthetic page {spec.number}", ""]
    if spec.path == "index.md":
        lines += ["<!-- facts: all -->", ""]
    count, section = 0, 0
    while count < words:
        section += 1
        lines += [f"## Section {section}", ""]
        paragraph = rng.sample(sentences, 4)
        mentioned = rng.sample(terms, min(3, len(terms)))
        forms = [rng.choice((t.name, *t.aliases)) for t in mentioned]
        paragraph.append(f"This section also mentions {', '.join(forms[:-1])} and {forms[-1]}.")
        lines += [" ".join(paragraph), ""]
        items = [f"- {rng.choice(sentences)}" for _ in range(3)]
        lines += [*items, ""]
        count += sum(len(p.split()) for p in paragraph) + sum(len(i.split()) - 1 for i in items)
        if section == 2 and spec.table:
            lines += [f"<!-- table: {spec.table} -->", ""]
        if section == 3 and spec.fact:
            lines += [f"<!-- fact: {spec.fact} -->", ""]
    links = [f"See the [glossary]({relative_link(spec.path, 'glossary.md')})"]
    if spec.next_path:
        links.append(f"and the [next page]({relative_link(spec.path, spec.next_path)})")
    lines += [" ".join(links) + ".", ""]
    return "\n".join(lines)


ABOUT_PAGE = "about.md"
ABOUT_SECTIONS = ("Sources", "How content is reviewed", "Report an error")
"""The hooks require an About page: every page's "About this page" box links to these sections."""


def about_markdown() -> str:
    front = yaml.safe_dump({"review": REVIEW}, sort_keys=False)
    body = "\n\n".join(f"## {title}\n\nSynthetic text." for title in ABOUT_SECTIONS)
    return f"---\n{front}---\n\n# About this synthetic site\n\n{body}\n"


def key_points_data(paths: list[str], pages: dict[str, str], sentences: list[str]) -> dict:
    """Three key points per page, each restating (here: repeating) an article sentence on that page."""
    entries = []
    for path in paths:
        on_page = [s for s in sentences if s in pages[path]][:3]
        entries.append({"page": path, "points": [{"text": s, "source": s} for s in on_page]})
    return {"pages": entries}


def article_sentences() -> list[str]:
    """The article's sentences, split exactly as the hooks split them (their own ``guide`` package)."""
    import sys

    if str(ROOT / "hooks") not in sys.path:  # MkDocs puts a hook's folder on the path the same way
        sys.path.insert(0, str(ROOT / "hooks"))
    from guide.article import Article

    return Article.from_path(ROOT / ARTICLE, ARTICLE).sentences


def write_yaml(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


@dataclass(frozen=True)
class SyntheticSite:
    root: Path
    with_hooks: Path
    without_hooks: Path
    pages: int
    """Markdown pages in docs/ (the generated glossary and print pages come on top)."""


def generate(target: Path, scale: Scale, seed: int = 7) -> SyntheticSite:
    """Write the synthetic site into ``target`` (a new folder) and both of its config files."""
    rng = random.Random(seed)
    sentences = article_sentences()
    terms = make_terms(scale.terms)
    paths = page_paths(scale.pages)
    facts = yaml.safe_load((ROOT / "data/facts.yml").read_text(encoding="utf-8"))
    fact_ids = [fact["id"] for fact in facts["facts"]]
    pages = {}
    for number, path in enumerate(paths):
        spec = PageSpec(
            path=path,
            number=number,
            table=table_id(number % scale.tables) if number < scale.tables else None,
            fact=fact_ids[number % len(fact_ids)] if number % 10 == 5 else None,
            next_path=paths[number + 1] if number + 1 < len(paths) else None,
        )
        pages[path] = page_markdown(spec, scale.words, sentences, terms, rng)
    docs = target / "docs"
    for path, markdown in {**pages, ABOUT_PAGE: about_markdown()}.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(markdown, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (target / "source").mkdir(parents=True)
    shutil.copy2(ROOT / ARTICLE, target / ARTICLE)
    data = target / "data"
    write_yaml(data / "glossary.yml", glossary_data(terms))
    write_yaml(data / "comparisons.yml", tables_data(scale.tables, sentences, rng))
    write_yaml(data / "key_points.yml", key_points_data(paths, pages, sentences))
    shutil.copy2(ROOT / "data/facts.yml", data / "facts.yml")
    shutil.copy2(ROOT / "data/reviews.yml", data / "reviews.yml")
    return SyntheticSite(target, *write_configs(target), pages=len(paths) + 1)  # and about.md


def write_configs(target: Path) -> tuple[Path, Path]:
    """The real config with the synthetic nav (none: MkDocs builds it from the folders)."""
    config = absolute(load_config())
    config["site_name"] = "Synthetic benchmark site"
    config.pop("nav", None)
    hooked = write_config(config, target / "mkdocs.yml")
    bare = without_hooks(config)
    bare["docs_dir"] = str(hookless_docs(target / "docs", target / "docs-without-hooks"))
    return hooked, write_config(bare, target / "mkdocs-without-hooks.yml")
