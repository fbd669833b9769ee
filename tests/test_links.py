"""linkchecker with AnchorCheck: 0 errors and 0 warnings on the hosted build and the offline bundle.

The hosted build uses directory URLs, so it is checked over http (as files, every
``page/#part`` link would warn "directory with an anchor"); the offline bundle is
checked as files, the way a reader opens it. External links are listed, not fetched:
CI has no internet. A broken fixture proves the gate reports what it should.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SITE_PATH, free_port, serve
from site_pages import hosted_url, html_pages

LINKCHECKER = [sys.executable, str(ROOT / "tests" / "linkcheck_run.py")]  # linkchecker, parsing each page once
CONFIG = ROOT / "tests" / "linkcheckerrc"
BROKEN_FIXTURE = ROOT / "tests" / "fixtures" / "broken-links"
NOT_FETCHED = "filtered"  # linkchecker's result for a URL outside the site: syntax checked only


def is_local(url: str) -> bool:
    return urlsplit(url).hostname == "127.0.0.1"


@dataclass(frozen=True)
class Checked:
    """One URL as linkchecker reported it."""

    url: str
    link: str
    parent: str
    extern: bool
    valid: bool
    result: str
    warnings: tuple[str, ...]

    def __str__(self) -> str:
        problem = "; ".join(self.warnings) if self.valid else self.result
        return f"{self.link} (linked from {self.parent or 'start'}): {problem}"


@dataclass(frozen=True)
class LinkReport:
    checked: list[Checked]
    exit_code: int
    start_urls: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Checked]:
        return [c for c in self.checked if not c.valid]

    @property
    def warnings(self) -> list[Checked]:
        return [c for c in self.checked if c.warnings]

    @property
    def external(self) -> list[Checked]:
        """Links to other sites. (linkchecker's own ``extern`` flag also marks the ``page#part``
        links that ``nofollow`` keeps it from crawling.)"""
        return [c for c in self.checked if urlsplit(c.url).scheme in ("http", "https") and not is_local(c.url)]

    def summary(self, name: str) -> str:
        external = sorted({c.url for c in self.external})
        lines = [
            f"{name}: {len(self.checked)} URLs checked, {len(self.errors)} errors, {len(self.warnings)} warnings,",
            f"  {len(external)} external links listed, not fetched:",
            *(f"  - {url}" for url in external),
        ]
        return "\n".join(lines)


def parse_report(xml_text: str) -> list[Checked]:
    """linkchecker's ``-o xml`` output: one <urldata> per URL, its result in <valid result=...>."""
    checked = []
    for data in ET.fromstring(xml_text).iter("urldata"):
        valid = data.find("valid")
        checked.append(
            Checked(
                url=data.findtext("realurl") or data.findtext("url") or "",
                link=data.findtext("url") or "",
                parent=data.findtext("parent") or "",
                extern=data.findtext("extern") == "1",
                valid=valid is not None and valid.text == "1",
                result=valid.get("result", "") if valid is not None else "no result",
                warnings=tuple(w.text or "" for w in data.iter("warning")),
            )
        )
    return checked


@contextlib.contextmanager
def readable_workdir():
    """A folder linkchecker can read, holding its config: run as root, linkchecker drops to
    user ``nobody`` before it reads anything, and pytest's temporary folders are private to root."""
    workdir = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    try:
        shutil.copy2(CONFIG, workdir / CONFIG.name)
        make_readable(workdir)
        yield workdir
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def make_readable(folder: Path) -> Path:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


def readable_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return make_readable(target)


@dataclass
class Run:
    process: subprocess.Popen
    start_urls: tuple[str, ...]


def start_linkchecker(workdir: Path, urls: list[str]) -> Run:
    command = [*LINKCHECKER, "-f", str(workdir / CONFIG.name), "-o", "xml", "--verbose", "--no-status", *urls]
    # stdout only: as `nobody`, linkchecker could not write output files into a root-owned folder.
    process = subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return Run(process, tuple(urls))


def finish(run: Run) -> LinkReport:
    out, err = run.process.communicate(timeout=600)
    code = run.process.returncode
    assert code in (0, 1), f"linkchecker failed to run ({code}):\n{err}"
    return LinkReport(parse_report(out), code, run.start_urls)


def check_links(urls: list[str]) -> LinkReport:
    with readable_workdir() as workdir:
        return finish(start_linkchecker(workdir, urls))


@pytest.fixture(scope="module")
def link_reports(hosted_site, site_url, offline_bundle) -> dict[str, LinkReport]:
    """Both checks at once (each keeps one core busy). The offline bundle is the real zip,
    unzipped. Every page is a start URL, so pages nothing links to (404) are checked too."""
    hosted_urls = [hosted_url(site_url, page) for page in html_pages(hosted_site)]
    with readable_workdir() as workdir:
        bundle = readable_copy(offline_bundle, workdir / "bundle")
        bundle_files = [(bundle / page).as_uri() for page in html_pages(bundle)]
        running = {
            "hosted build over http": start_linkchecker(workdir, hosted_urls),
            "offline bundle as files": start_linkchecker(workdir, bundle_files),
        }
        return {name: finish(run) for name, run in running.items()}


@pytest.mark.parametrize("build", ["hosted build over http", "offline bundle as files"])
def test_no_broken_links_or_anchors(link_reports, build):
    report = link_reports[build]
    print(report.summary(build))
    assert report.errors == [], "broken links:\n" + "\n".join(map(str, report.errors))
    assert report.warnings == [], "warnings (missing anchors and more):\n" + "\n".join(map(str, report.warnings))
    assert report.exit_code == 0


@pytest.mark.parametrize("build", ["hosted build over http", "offline bundle as files"])
def test_every_page_and_its_anchors_were_checked(link_reports, build):
    report = link_reports[build]
    good = {c.url for c in report.checked if c.valid and not c.warnings}
    assert set(report.start_urls) <= good, "every page was opened"
    with_anchor = [c for c in report.checked if "#" in c.link and c not in report.external]
    assert len(with_anchor) > 20, "links to sections (table of contents, glossary terms) are checked"


@pytest.mark.parametrize("build", ["hosted build over http", "offline bundle as files"])
def test_external_links_are_listed_not_fetched(link_reports, build):
    external = link_reports[build].external
    assert any("github.com" in c.url for c in external), "the repository and edit links are listed"
    fetched = [str(c) for c in external if not (c.extern and c.result == NOT_FETCHED)]
    assert fetched == [], "external URLs must not be fetched (CI has no internet)"


def assert_reports_the_broken_fixture(report: LinkReport):
    errors = [c.url for c in report.errors]
    assert len(errors) == 1 and errors[0].endswith("/missing-page.html"), report.checked
    warned = [c for c in report.warnings if c.link == "other.html#no-such-section"]
    assert len(warned) == 1 and "no-such-section" in warned[0].warnings[0], report.checked
    assert [c.url for c in report.external] == ["https://example.org/elsewhere"]
    assert report.external[0].extern and report.external[0].result == NOT_FETCHED
    assert [c.link for c in report.checked if c.link == "other.html#real-section" and c.valid and not c.warnings]
    assert report.exit_code == 1


def test_gate_reports_a_missing_page_and_a_missing_anchor_in_files():
    with readable_workdir() as workdir:
        fixture = readable_copy(BROKEN_FIXTURE, workdir / "fixture")
        report = finish(start_linkchecker(workdir, [str(fixture / "index.html")]))
    assert_reports_the_broken_fixture(report)


def test_gate_reports_a_missing_page_and_a_missing_anchor_over_http():
    with serve(BROKEN_FIXTURE, free_port()) as base:
        assert base.endswith(SITE_PATH)
        report = check_links([base + "index.html"])
    assert_reports_the_broken_fixture(report)
