"""CONTRIBUTING.md, the pull-request and issue templates, CI and pre-commit say what the project does.

The field reference, the examples and the example messages in CONTRIBUTING.md are checked
against the models and the real build, so the guide for contributors cannot drift.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import textwrap
from typing import get_args

import pytest
import yaml
from conftest import ROOT
from guide.article import Article
from guide.edit_links import DATA_BY_MARKER
from guide.errors import DataError
from guide.models import MAX_TOOLTIP_WORDS, ComparisonRow, Fact, GlossaryTerm, KeyPoint
from guide.schemas import SCHEMAS
from guide.site_data import ARTICLE, load_site_data
from pydantic import BaseModel

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
GITHUB = ROOT / ".github"


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fields = load_script("contributing_fields")


def contributing() -> str:
    return CONTRIBUTING.read_text(encoding="utf-8")


# --- the generated field reference -------------------------------------------------


def test_field_reference_is_current():
    assert fields.main(["--check"]) == 0, "run `make contributing` and commit CONTRIBUTING.md"


def test_check_fails_on_a_stale_reference(tmp_path):
    stale = tmp_path / "CONTRIBUTING.md"
    stale.write_text(contributing().replace("| `facts[].kind` | required |", "| `facts[].kind` | optional |"))
    assert fields.main(["--check", "--file", str(stale)]) == 1
    assert fields.main(["--file", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == contributing()


def test_missing_markers_are_explained(tmp_path):
    bare = tmp_path / "CONTRIBUTING.md"
    bare.write_text("# Contributing\n")
    with pytest.raises(SystemExit) as stopped:
        fields.main(["--file", str(bare)])
    assert (
        str(stopped.value)
        == f"put these two marker lines, in this order, where the field tables go:\n{fields.BEGIN}\n{fields.END}"
    )


def reference() -> str:
    text = contributing()
    return text[text.index(fields.BEGIN) : text.index(fields.END)]


def models_in(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Every model reachable from ``model``, found without the generator's code."""
    found, stack = [], [model]
    while stack:
        current = stack.pop()
        if current not in found:
            found.append(current)
            stack += [m for info in current.model_fields.values() for m in nested_models(info.annotation)]
    return found


def nested_models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in nested_models(arg)]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_reference_describes_every_field(name):
    text = reference()
    section = text[text.index(f"### `data/{name}.yml`") :].split("\n### ")[0]
    for model in models_in(SCHEMAS[name]):
        for field_name, info in model.model_fields.items():
            assert re.search(rf"\| `[\w.\[\]]*\b{field_name}` \|", section), (name, model.__name__, field_name)
            if info.description:
                assert fields.cell(info.description) in section


def test_reference_states_the_checks_a_schema_cannot():
    text = reference()
    assert (
        f"| `terms[].short` | required | Plain-language definition shown as the tooltip | text; at most {MAX_TOOLTIP_WORDS} words |"
        in text
    )
    for quoted in ("facts[].source", "terms[].source.quote", "tables[].rows[].sources", "pages[].points[].source"):
        row = next(line for line in text.splitlines() if line.startswith(f"| `{quoted}` |"))
        assert row.endswith("copied word for word from the source article |"), quoted
    assert "copied word for word" not in next(
        line for line in text.splitlines() if "`terms[].source.reference`" in line
    )
    assert "`<!-- fact: ID -->`" in text, "markers are shown as code, not hidden as HTML comments"


# --- the hand-written guide ------------------------------------------------------------

SECTIONS = [
    "## How to change a page",
    "## How to change a key fact",
    "## How to change a glossary term",
    "## How to change a table row",
    "## What each data field means",
    "## Preview with `make serve`",
    "## What CI checks and how to read its messages",
    "## Editorial policy",
    "## Autocomplete in your editor",
]


def test_guide_covers_what_contributors_need():
    headings = [line for line in contributing().splitlines() if line.startswith("## ")]
    for section in SECTIONS:
        assert section in headings


def yaml_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", contributing(), re.S)


EXAMPLE_MODELS = {"- id:": Fact, "- slug:": GlossaryTerm, "- cells:": ComparisonRow, "- page:": None}


def test_yaml_examples_are_valid_data():
    """Each example entry validates against its model, with quotes checked against the article."""
    article = Article.from_path(ROOT / ARTICLE, ARTICLE)
    checked = set()
    for example in yaml_examples():
        first = example.lstrip().splitlines()[0]
        if first.startswith("# yaml-language-server"):
            continue
        (entry,) = yaml.safe_load(textwrap.dedent(example))
        kind = next(key for key in EXAMPLE_MODELS if first.startswith(key))
        if EXAMPLE_MODELS[kind] is None:
            for point in entry["points"]:
                KeyPoint.model_validate(point, context={"article": article})
        else:
            EXAMPLE_MODELS[kind].model_validate(entry, context={"article": article})
        checked.add(kind)
    assert checked == set(EXAMPLE_MODELS)


def test_schema_line_example_is_the_real_first_line():
    first_line = (ROOT / "data/facts.yml").read_text(encoding="utf-8").splitlines()[0]
    assert f"```yaml\n{first_line}\n```" in contributing()


def test_every_marker_kind_and_its_data_file_is_listed():
    """DATA_BY_MARKER holds every kind the build knows (tests/test_edit_links.py checks that)."""
    rows = [line for line in contributing().splitlines() if line.startswith("| `<!-- ")]
    listed = {re.match(r"\| `<!-- ([a-z-]+): ", row)[1]: row for row in rows}
    assert set(listed) == set(DATA_BY_MARKER)
    for kind, row in listed.items():
        assert row.endswith(f"| `{DATA_BY_MARKER[kind]}` |")


def test_policy_states_the_enforced_limits():
    text = contributing()
    assert f"**{MAX_TOOLTIP_WORDS} words or fewer**" in text
    assert "**grade of 8 or below**" in text
    assert "No new medical claim without a named source." in text
    assert "Review sign-off before merge." in text


def example_message(start: str) -> str:
    return next(line for line in re.findall(r"```text\n(.*?)\n```", contributing(), re.S) if line.startswith(start))


def same_but_line(actual: str, documented: str) -> bool:
    """Wording exactly as the build says it; only the line number may move as files change."""
    pattern = re.escape(re.sub(r"^([\w/.-]+):\d+:", "FILE_LINE", documented)).replace("FILE_LINE", r"[\w/.-]+:\d+:")
    return re.fullmatch(pattern, actual) is not None and actual.split(":")[0] == documented.split(":")[0]


@pytest.mark.parametrize(
    ("path", "old", "new", "documented"),
    [
        ("data/facts.yml", "kind: info", "kind: infos", "data/facts.yml:"),
        (
            "docs/prognosis.md",
            "<!-- fact: metastatic-goal -->",
            "<!-- fact: metastatic-goals -->",
            "docs/prognosis.md:",
        ),
    ],
)
def test_example_messages_are_what_the_build_says(repo_copy, path, old, new, documented):
    file = repo_copy / path
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site_data(repo_copy, repo_copy / "docs")
    assert same_but_line(str(caught.value), example_message(documented))
    line = text[: text.index(old)].count("\n") + 1
    assert str(caught.value).startswith(f"{path}:{line}: ")


# --- pull requests, issues, CI, pre-commit ------------------------------------------------


def test_pull_request_template_has_the_content_checklist():
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] \*\*(.+?)\*\*", template, re.M)
    assert len(items) >= 6
    for needed in (
        "No new medical claim without a named source.",
        "The source article is untouched",
        "Plain language:",
    ):
        assert needed in items
    assert "Review sign-off" in template


FORM_ELEMENTS = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("form", ["content-correction.yml", "bug.yml"])
def test_issue_forms_are_valid(form):
    data = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / form).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(data)
    ids = [element["id"] for element in data["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for element in data["body"]:
        assert element["type"] in FORM_ELEMENTS
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
        else:
            assert re.fullmatch(r"[a-z][a-z0-9-]*", element["id"])
            assert element["attributes"]["label"]
        if element["type"] == "dropdown":
            assert element["attributes"]["options"]
    assert any(e.get("validations", {}).get("required") for e in data["body"])


def test_issue_chooser_has_no_blank_issues():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    for link in config["contact_links"]:
        assert {"name", "url", "about"} <= set(link)


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"`([^`]+)` is exactly what CI runs", readme)[1]


def workflow() -> dict:
    return yaml.safe_load((GITHUB / "workflows/ci.yml").read_text(encoding="utf-8"))


def steps() -> list[dict]:
    (job,) = workflow()["jobs"].values()
    return job["steps"]


def test_ci_runs_the_readme_test_command_on_pull_requests():
    data = workflow()
    assert "pull_request" in data[True]  # PyYAML reads the key `on` as True
    runs = [step.get("run", "").strip() for step in steps()]
    assert readme_test_command() == "make test"
    assert readme_test_command() in runs
    (job,) = data["jobs"].values()
    assert job["container"] == "debian:12"
    assert job["timeout-minutes"] <= 90


def test_ci_installs_debian_chromium_and_node_20_before_testing():
    runs = [step.get("run", "") for step in steps()]
    test_step = runs.index(readme_test_command())
    install = next(i for i, run in enumerate(runs) if "apt-get install" in run)
    assert install < test_step
    assert re.search(r"\bchromium\b", runs[install]) and "python3.11" in runs[install]
    node = next(i for i, step in enumerate(steps()) if step.get("uses", "").startswith("actions/setup-node@"))
    assert node < test_step and str(steps()[node]["with"]["node-version"]) == "20"


def test_ci_uploads_the_site_and_the_offline_zip():
    runs = [step.get("run", "").strip() for step in steps()]
    assert runs.index("make site") > runs.index("make test")
    assert runs.index("make offline") > runs.index("make test")
    uploads = [step["with"]["path"] for step in steps() if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["site/", "dist/spine-cancer-guide-offline.zip"]


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


def test_every_make_target_ci_runs_exists():
    runs = [step.get("run", "").strip() for step in steps()]
    targets = {run.split()[1] for run in runs if run.startswith("make ")}
    assert targets == {"test", "site", "offline"}
    assert targets <= make_targets(), f"missing Makefile targets: {targets - make_targets()}"


def lint_checks() -> list[str]:
    run = subprocess.run(["bash", "scripts/lint.sh", "--list"], cwd=ROOT, capture_output=True, text=True, check=True)
    return run.stdout.split()


def test_make_test_runs_lint_and_lint_runs_the_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "lint" in re.search(r"^test:([^#\n]*)", makefile, re.M)[1].split()
    assert re.search(r"^lint:.*\n\t@?bash scripts/lint\.sh$", makefile, re.M)
    assert lint_checks() == ["spelling", "markdown", "yaml", "python"]


def test_pre_commit_runs_the_same_checks_from_the_venv():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "no hook repositories to download"
    hooks = config["repos"][0]["hooks"]
    assert all(hook["language"] == "system" for hook in hooks)
    entries = [hook["entry"] for hook in hooks]
    assert [
        e.removeprefix("bash scripts/lint.sh ") for e in entries if e.startswith("bash scripts/lint.sh ")
    ] == lint_checks()
    assert ".venv/bin/python scripts/contributing_fields.py --check" in entries
