"""Lighthouse (npm, pinned) with Debian's Chromium on the home page and a treatment page, mobile settings.

Accessibility, Best Practices and SEO must score 100; Performance is printed, not
asserted (the benchmark reports it). The hosted build is served on 127.0.0.1 by the
test server. Each page is audited once per session, both at once.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "treatment": "treatment/radiation/"}
ASSERTED = ("accessibility", "best-practices", "seo")


def start_lighthouse(url: str, report) -> subprocess.Popen:
    """Lighthouse's defaults are the mobile ones: a phone screen and a slow network and CPU, simulated."""
    if not LIGHTHOUSE.exists():
        pytest.fail(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make setup` (npm ci)")
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def lighthouse_reports(site_url, tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("lighthouse")
    running = {name: start_lighthouse(site_url + path, folder / f"{name}.json") for name, path in PAGES.items()}
    reports = {}
    for name, process in running.items():
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, f"Lighthouse failed on {name}:\n{err[-3000:]}"
        reports[name] = json.loads((folder / f"{name}.json").read_text())
    return reports


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost points in a category, with what they flagged."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            flagged = [str(item.get("node", {}).get("snippet") or item.get("url") or item)[:160] for item in items[:3]]
            lines.append(f"{ref['id']} ({audit['score']}): {audit['title']} {flagged}")
    return lines


@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(lighthouse_reports, page):
    report = lighthouse_reports[page]
    assert report["configSettings"]["formFactor"] == "mobile"
    scores = {name: category["score"] for name, category in report["categories"].items()}
    print(f"Lighthouse {report['lighthouseVersion']} on {report['finalDisplayedUrl']}: ", end="")
    print(", ".join(f"{name} {round(score * 100)}" for name, score in scores.items()))
    problems = [f"{name}: {round(scores[name] * 100)}" for name in ASSERTED if scores[name] != 1]
    details = [line for name in ASSERTED for line in failing_audits(report, name)]
    assert problems == [], "\n".join(problems + details)


def test_lighthouse_is_the_pinned_version(lighthouse_reports):
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["lighthouse"]
    assert {report["lighthouseVersion"] for report in lighthouse_reports.values()} == {pinned}
