"""Bad data gives one message naming file, line, entry and field, and what was expected.

Each fixture in tests/fixtures/bad-data/ is one kind of contributor mistake; the
expected text is asserted word for word, because it is what a contributor reads.
"""

from __future__ import annotations

import pytest
from conftest import ROOT
from guide.article import Article
from guide.datafile import load_model, locate
from guide.errors import DataError
from guide.glossary import cross_check
from guide.models import ComparisonsFile, FactsFile, GlossaryFile, KeyPointsFile
from guide.site_data import duplicates

BAD = ROOT / "tests/fixtures/bad-data"
ARTICLE = Article.from_path(
    ROOT / "source/can-you-cure-cancer-of-the-spine.txt", "source/can-you-cure-cancer-of-the-spine.txt"
)
MODELS = {"facts": FactsFile, "glossary": GlossaryFile, "comparisons": ComparisonsFile, "key_points": KeyPointsFile}
CROSS_CHECKS = {
    "facts": lambda model, name: duplicates(model.facts, "id", name),
    "glossary": lambda model, name: cross_check(model.terms, name),
    "comparisons": lambda model, name: duplicates(model.tables, "id", name),
    "key_points": lambda model, name: duplicates(model.pages, "page", name),
}

CASES = {
    "yaml-syntax.facts.yml": "data/facts.yml:6: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar that starts on line 4)",
    "unknown-field.facts.yml": "2 problems:\n"
    "  - data/facts.yml:2: entry 'metastatic-share': field 'statement': this field is required but missing\n"
    "  - data/facts.yml:5: entry 'metastatic-share': field 'statment': unknown field; remove it or check its spelling."
    " Did you mean 'statement'?",
    "missing-field.facts.yml": "data/facts.yml:2: entry 'metastatic-share': field 'statement': this field is required but missing",
    "wrong-type.facts.yml": "data/facts.yml:6: entry 'metastatic-share': field 'numbers': should be a list, like [a, b] (got 97)",
    "empty-text.facts.yml": "data/facts.yml:4: entry 'metastatic-share': field 'title': must not be empty",
    "bad-kind.facts.yml": "data/facts.yml:3: entry 'metastatic-share': field 'kind': 'infos' is not allowed; expected one of note, abstract, info, tip,"
    " success, question, warning, failure, danger, bug, example, quote. Did you mean 'info'?",
    "changed-number.facts.yml": "data/facts.yml:6: entry 'metastatic-share': field 'numbers': number '98%' does not appear in the source",
    "quote-not-in-article.facts.yml": "data/facts.yml:7: entry 'metastatic-share': field 'source': this quote is not in the source article"
    " (source/can-you-cure-cancer-of-the-spine.txt); copy it word for word",
    "duplicate-id.facts.yml": "data/facts.yml:8: entry 'metastatic-share': field 'id': duplicate id 'metastatic-share'; each id must be unique",
    "unknown-related.glossary.yml": "data/glossary.yml:5: entry 'chordoma': field 'related': unknown related term 'notocord'. Did you mean 'notochord'?",
    "duplicate-alias.glossary.yml": "data/glossary.yml:10: entry 'secondary-tumor': field 'aliases': 'Metastases' is already a term or alias of 'metastasis'",
    "duplicate-slug.glossary.yml": "data/glossary.yml:7: entry 'srs': field 'slug': duplicate slug 'srs' (first used by entry #1)",
    "no-source.glossary.yml": "data/glossary.yml:5: entry 'srs': field 'source': give exactly one of 'quote' (words from the article) or 'reference' (a named reference)",
    "long-tooltip.glossary.yml": "data/glossary.yml:4: entry 'srs': field 'short': has 32 words; keep it to 25 words or fewer",
    "row-width.comparisons.yml": "data/comparisons.yml:5: entry 'radiation': field 'rows': row 1 has 2 cells but the table has 3 columns",
    "too-few-points.key_points.yml": "data/key_points.yml:3: entry 'prognosis.md': field 'points': needs at least 3 items, has 1",
}


def load_fixture(filename: str):
    kind = filename.split(".")[1]
    name = f"data/{kind}.yml"
    model = load_model(BAD / filename, MODELS[kind], name=name, context={"article": ARTICLE})
    problems = locate(CROSS_CHECKS[kind](model, name), BAD / filename)
    if problems:
        raise DataError(problems)
    return model


def test_every_fixture_has_a_case():
    assert sorted(p.name for p in BAD.glob("*.yml")) == sorted(CASES)


@pytest.mark.parametrize("filename", sorted(CASES))
def test_bad_data_message(filename):
    with pytest.raises(DataError) as caught:
        load_fixture(filename)
    assert str(caught.value) == CASES[filename]


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_real_data_is_valid(kind):
    model = load_model(ROOT / f"data/{kind}.yml", MODELS[kind], name=f"data/{kind}.yml", context={"article": ARTICLE})
    assert CROSS_CHECKS[kind](model, f"data/{kind}.yml") == []
