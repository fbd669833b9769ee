"""The benchmark (bench/) works and its committed results are complete; timings are never judged here.

`make bench` measures; this only checks that the bench still runs end to end on tiny inputs,
that every figure comes out well-formed, and that bench/results.json and the README agree.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))

from bench import budgets, configs, synthetic  # noqa: E402
from bench.browser import COUNTED, QUERIES, kind_of  # noqa: E402
from bench.run import figures, first_build  # noqa: E402
from bench.timing import MIN_RUNS, alternate, ratio  # noqa: E402

RESULTS = ROOT / "bench/results.json"
README = ROOT / "README.md"


# --- the pieces ---------------------------------------------------------------


def test_commands_are_alternated_round_by_round():
    calls = []
    commands = {name: (lambda name=name: calls.append(name) or 1.0) for name in "ABC"}
    timings = alternate(commands, 3)
    assert calls == list("ABCABCABC")
    assert timings == {"A": [1.0] * 3, "B": [1.0] * 3, "C": [1.0] * 3}


def test_ratio_is_of_medians_so_one_outlier_does_not_move_it():
    assert ratio([1.0, 1.1, 50.0, 1.2, 1.1], [1.0, 1.0, 1.0, 0.2, 1.0]) == pytest.approx(1.1)


def test_a_first_build_starts_with_no_compiled_templates_removed_outside_its_time(tmp_path, monkeypatch):
    monkeypatch.setattr(configs, "JINJA_CACHE", tmp_path / "jinja")
    (tmp_path / "jinja" / "theme").mkdir(parents=True)
    (tmp_path / "jinja" / "theme" / "__jinja2_x.cache").write_bytes(b"compiled")
    seen = []
    timed = first_build(lambda: seen.append(configs.JINJA_CACHE.exists()) or 0.5)
    assert timed() == 0.5
    assert seen == [False]


def test_the_bench_empties_the_folder_the_hooks_keep_compiled_templates_in():
    from guide import templates

    assert configs.JINJA_CACHE == templates.BYTECODE_DIR


def test_without_hooks_changes_nothing_but_the_hooks():
    real = configs.load_config()
    bare = configs.without_hooks(real)
    assert real["hooks"] and "hooks" not in bare
    assert {k: v for k, v in real.items() if k != "hooks"} == bare


def test_variants_read_env_tags_as_their_defaults_and_use_absolute_paths():
    config = configs.absolute(configs.load_config())
    assert config["site_url"].startswith("https://")
    assert all(Path(hook).is_absolute() and Path(hook).is_file() for hook in config["hooks"])
    assert Path(config["theme"]["custom_dir"]).is_dir()


def test_stock_config_has_none_of_our_theme(tmp_path):
    stock = configs.load_config(configs.stock_material(tmp_path / "docs", tmp_path))
    assert stock["theme"] == {"name": "material", "font": False}
    assert not {"hooks", "extra_css", "extra_javascript", "extra", "plugins"} & set(stock)


def test_synthetic_terms_are_distinct_with_aliases():
    terms = synthetic.make_terms(500)
    forms = [form.lower() for term in terms for form in (term.name, *term.aliases)]
    assert len(terms) == 500 and len(set(forms)) == len(forms) == 1500


def test_synthetic_site_passes_the_real_data_validation(tmp_path):
    """Same models, same quote checks against the article, same marker and key-point checks."""
    from guide.site_data import load_site_data

    site = synthetic.generate(tmp_path / "site", synthetic.Scale(pages=25, terms=30, tables=6, words=300))
    data = load_site_data(site.root, site.root / "docs")
    assert len(data.terms) == 30 and len(data.tables) == 6
    assert len(data.key_points) == 25 and site.pages == 26  # the pages and about.md
    pages = sorted((site.root / "docs").rglob("page-*.md"))
    words = len(pages[0].read_text(encoding="utf-8").split())
    assert len(pages) == 24 and words >= 300
    markdown = [p.read_text(encoding="utf-8") for p in (site.root / "docs").rglob("*.md")]
    assert sum("<!-- table:" in text for text in markdown) == 6
    hooked, bare = configs.load_config(site.with_hooks), configs.load_config(site.without_hooks)
    assert hooked["hooks"] == [str(ROOT / hook) for hook in configs.load_config()["hooks"]]
    assert "hooks" not in bare and (Path(bare["docs_dir"]) / "glossary.md").is_file()


@pytest.mark.parametrize(
    ("url", "resource_type", "content_type", "kind"),
    [
        ("http://h/s/", "document", "text/html", "html"),
        ("http://h/s/assets/stylesheets/main.css", "stylesheet", "text/css", "css"),
        ("http://h/s/assets/javascripts/workers/search.js", "other", "text/javascript", "js"),
        ("http://h/s/search/search_index.json", "xhr", "application/json", "search index"),
        ("http://h/s/assets/images/favicon.png", "other", "image/png", "other"),
    ],
)
def test_responses_are_sorted_into_the_parts_of_the_page_weight(url, resource_type, content_type, kind):
    assert kind_of(url, resource_type, content_type) == kind


def test_verdicts_compare_with_the_budget_and_never_pass_a_missing_figure():
    overhead = budgets.BY_KEY["this_site_overhead"]
    assert budgets.verdict(overhead, 1.15) == "PASS"
    assert budgets.verdict(overhead, 1.151) == "FAIL"
    assert budgets.verdict(overhead, math.nan) == "FAIL"
    assert budgets.verdict(budgets.BY_KEY["offline_zip_kb"], 1e9) == "reported"


# --- a whole run, tiny ----------------------------------------------------------


def _check_well_formed(results: dict, runs: int) -> None:
    assert set(results["figures"]) == set(budgets.BY_KEY)
    for key, value in results["figures"].items():
        assert isinstance(value, float) and math.isfinite(value) and value > 0, key
        expected = "reported" if budgets.BY_KEY[key].budget is None else budgets.verdict(budgets.BY_KEY[key], value)
        assert results["results"][key] == expected
    details = results["details"]
    assert results["figures"] == pytest.approx(figures(details))
    assert details["this_site"]["rounds"] >= runs
    for timings, rounds in (
        (details["this_site"]["seconds"], details["this_site"]["rounds"]),
        (details["scale"]["seconds"], runs),
    ):
        assert all(len(values) == rounds and min(values) > 0 for values in timings.values())
    for side in ("ours", "stock"):
        weight = details["browser"]["weight"][side]
        assert set(COUNTED) <= set(weight["by_kind"]), side
        assert weight["raw"] == sum(weight["by_kind"][kind]["raw"] for kind in COUNTED)
        assert 0 < weight["gzip"] < weight["raw"]
    assert set(details["browser"]["search"]["queries"]) == set(QUERIES)
    for profile in (details["this_site"]["hook_profile"], details["scale"]["hook_profile_small"]):
        assert any(label.startswith("hooks/") for label in profile["slowest"])
    assert details["offline_zip"]["source"] and details["make_test"]["source"]


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    output = tmp_path_factory.mktemp("bench") / "results.json"
    env = {k: v for k, v in os.environ.items() if k not in ("OFFLINE", "SITE_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--tiny", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout, json.loads(output.read_text(encoding="utf-8"))


def test_tiny_run_produces_every_figure(tiny_run):
    _, results = tiny_run
    assert results["mode"] == "tiny" and results["runs"] == 1
    _check_well_formed(results, runs=1)
    assert results["details"]["scale"]["pages"] == {"large": 13, "small": 5}


def test_tiny_run_prints_the_table_with_a_verdict_per_budget(tiny_run):
    stdout, results = tiny_run
    for figure in budgets.FIGURES:
        row = next((line for line in stdout.splitlines() if line.startswith(figure.label)), None)
        assert row is not None, figure.label
        assert row.split()[-1] == results["results"][figure.key]
    assert re.search(r"^\d of 7 budgets missed", stdout, re.M)


# --- the committed results ------------------------------------------------------


def test_committed_results_are_a_full_run():
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    assert results["mode"] == "full" and results["command"] == "make bench"
    assert results["runs"] >= MIN_RUNS
    _check_well_formed(results, runs=results["runs"])
    assert results["details"]["scale"]["pages"]["large"] >= 1000
    assert results["details"]["scale"]["scale"]["large"] == vars(synthetic.FULL)


def test_readme_shows_the_committed_figures_date_and_command():
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    readme = README.read_text(encoding="utf-8")
    section = readme.split("\n## Performance\n", 1)[1].split("\n## ", 1)[0]
    assert budgets.table(results["figures"], markdown=True) in section
    assert results["date"] in section and f"`{results['command']}`" in section
