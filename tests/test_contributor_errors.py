"""More contributor mistakes, each with the exact message a contributor reads.

tests/test_datafile.py and tests/test_site_data.py cover the first ones (bad YAML, unknown
fields, wrong kinds, a typo in a related term, a typo in a table marker, ...). These add
the rest of what clinicians and editors get wrong: each test makes one small edit in a
copy of the repository, loads data/ and docs/ as the build does, and compares the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from guide.errors import DataError
from guide.site_data import load_site_data

SURGERY_LAST_POINT = """      - text: These surgeries often ease pain fast and help people move again.
        source: "These procedures are often palliative, offering rapid relief from mechanical pain and restoring mobility."
"""


def edit(repo: Path, path: str, old: str, new: str) -> int:
    """Replace ``old`` once in ``path``; return the line where ``new`` starts, as an editor numbers it."""
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} must occur once in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def message(repo: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_site_data(repo, repo / "docs")
    return str(caught.value)


def test_typo_in_a_fact_marker_names_page_line_and_closest_ids(repo_copy):
    line = edit(repo_copy, "docs/prognosis.md", "<!-- fact: metastatic-goal -->", "<!-- fact: metastatic-goals -->")
    assert message(repo_copy) == (
        f"docs/prognosis.md:{line}: unknown fact id 'metastatic-goals'. Did you mean 'metastatic-goal' or 'metastatic-share'?"
    )


def test_typo_in_the_fact_summary_marker(repo_copy):
    line = edit(repo_copy, "docs/index.md", "<!-- facts: all -->", "<!-- facts: al -->")
    assert message(repo_copy) == f"docs/index.md:{line}: unknown facts id 'al'. Did you mean 'all'?"


def test_key_point_source_taken_from_another_page(repo_copy):
    """The quote is in the article, but the box must restate what its own page says."""
    other_page = "The most frequent sources of spinal metastasis are cancers of the lung, breast, prostate, and kidney."
    line = edit(
        repo_copy,
        "data/key_points.yml",
        'source: "Spinal cancer is a relatively uncommon but serious condition involving abnormal cell growth."',
        f'source: "{other_page}"',
    )
    assert message(repo_copy) == (
        f"data/key_points.yml:{line}: entry 'index.md': field 'points.0.source': the source quote is not on docs/index.md"
    )


def test_typo_in_a_key_points_page_path(repo_copy):
    line = edit(
        repo_copy,
        "data/key_points.yml",
        "  - page: understanding/tumor-types.md",
        "  - page: understanding/tumour-types.md",
    )
    assert message(repo_copy) == (
        f"data/key_points.yml:{line}: entry 'understanding/tumour-types.md': field 'page': "
        "no page docs/understanding/tumour-types.md. Did you mean 'understanding/tumor-types.md'?"
    )


def test_six_key_points_on_one_page(repo_copy):
    extra = '      - text: One point too many.\n        source: "Surgical intervention aims for oncological control and structural stability."\n'
    edit(repo_copy, "data/key_points.yml", SURGERY_LAST_POINT, SURGERY_LAST_POINT + extra)
    text = (repo_copy / "data/key_points.yml").read_text(encoding="utf-8")
    points_line = text.splitlines().index("  - page: treatment/surgery.md") + 2
    assert message(repo_copy) == (
        f"data/key_points.yml:{points_line}: entry 'treatment/surgery.md': field 'points': allows at most 5 items, has 6"
    )


def test_key_point_without_its_source(repo_copy):
    line = edit(
        repo_copy,
        "data/key_points.yml",
        SURGERY_LAST_POINT,
        "      - text: These surgeries often ease pain fast and help people move again.\n",
    )
    assert message(repo_copy) == (
        f"data/key_points.yml:{line}: entry 'treatment/surgery.md': field 'points.4.source': this field is required but missing"
    )


def test_table_copied_without_a_new_id(repo_copy):
    """Copying a table as a starting point and forgetting to change its id."""
    path = repo_copy / "data/comparisons.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("  - id: radiation\n")
    end = lines.index("  - id: systemic-therapies\n")
    path.write_text("".join([*lines, "\n", *lines[start:end]]), encoding="utf-8")
    copy_line = len(lines) + 2
    assert message(repo_copy) == (
        f"data/comparisons.yml:{copy_line}: entry 'radiation': field 'id': duplicate id 'radiation'; each id must be unique"
    )


def test_table_columns_written_as_a_sentence(repo_copy):
    line = edit(
        repo_copy,
        "data/comparisons.yml",
        "    columns: [Tumor, Where it starts, How common, Chance of cure, Aim of treatment]",
        "    columns: Tumor, Where it starts, How common, Chance of cure, Aim of treatment",
    )
    assert message(repo_copy) == (
        f"data/comparisons.yml:{line}: entry 'primary-vs-metastatic': field 'columns': should be a list, like [a, b] (got 'Tumor, Where it starts, How common, Chance of cure, Aim of treatment')"
    )


def test_alias_that_is_another_entrys_term(repo_copy):
    """Forms are compared without case: 'Adjuvant' would link to two entries."""
    line = edit(
        repo_copy, "data/glossary.yml", "aliases: [assistive devices]", "aliases: [assistive devices, Adjuvant]"
    )
    assert message(repo_copy) == (
        f"data/glossary.yml:{line}: entry 'assistive-device': field 'aliases': 'Adjuvant' is already a term or alias of 'adjuvant'"
    )


def test_misspelt_field_in_a_glossary_entry(repo_copy):
    line = edit(repo_copy, "data/glossary.yml", "    aliases: [assistive devices]", "    alias: [assistive devices]")
    assert message(repo_copy) == (
        f"data/glossary.yml:{line}: entry 'assistive-device': field 'alias': unknown field; remove it or check its spelling."
        " Did you mean 'aliases'?"
    )
