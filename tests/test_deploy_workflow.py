""".github/workflows/deploy.yml: parses, publishes with the official Pages actions, and runs the
same make targets the README documents (which the Makefile really has)."""

from __future__ import annotations

import re
import shlex
import subprocess
import zipfile

import pytest
import yaml
from bundle import CHECKSUM_NAME, ZIP_NAME
from conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/deploy.yml"
README = ROOT / "README.md"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as True.
    return workflow.get("on", workflow.get(True))


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def actions(job: dict) -> list[str]:
    """The actions a job uses, without their version (``actions/checkout``)."""
    return [step["uses"].split("@")[0] for step in steps(job) if "uses" in step]


def shell_commands(script: str) -> list[list[str]]:
    """The simple commands of a step's shell script, each as its words."""
    commands = []
    for line in script.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split, lexer.commenters = True, "#"
        command = []
        for token in [*lexer, ";"]:
            if token not in ("&&", "||", ";", "|"):
                command.append(token)
            elif command:
                commands.append(command)
                command = []
    return commands


def make_targets(job: dict) -> list[str]:
    """Every `make TARGET` a job's shell steps run (not the word make elsewhere, e.g. in apt-get install)."""
    targets = []
    for step in steps(job):
        for command in shell_commands(step.get("run", "")):
            if command[0] == "make":
                targets += [word for word in command[1:] if not word.startswith("-") and "=" not in word]
    return targets


def job_running(workflow: dict, target: str) -> dict:
    jobs = [job for job in workflow["jobs"].values() if target in make_targets(job)]
    assert len(jobs) == 1, f"exactly one job runs `make {target}`"
    return jobs[0]


def readme_targets() -> set[str]:
    """Targets in the README's table of make targets."""
    return set(re.findall(r"^\| `make ([a-z-]+)` \|", README.read_text(encoding="utf-8"), flags=re.MULTILINE))


def test_workflow_runs_on_pushes_to_main_and_version_tags(workflow):
    push = triggers(workflow)["push"]
    assert push["branches"] == ["main"]
    assert push["tags"] == ["v*"]


def test_workflow_runs_only_documented_make_targets(workflow):
    used = {target for job in workflow["jobs"].values() for target in make_targets(job)}
    assert used == {"site", "offline"}
    assert used <= readme_targets(), "every make target the workflow runs is in the README's table"
    readme = README.read_text(encoding="utf-8")
    hosting = readme[readme.index("## Hosting") :]
    assert ".github/workflows/deploy.yml" in hosting
    for target in used:
        assert f"runs `make {target}`" in hosting, f"the README says what `make {target}` is for in deployment"


@pytest.mark.parametrize("target", ["site", "offline"])
def test_documented_targets_exist_and_offline_runs_setup_first(target):
    dry_run = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    assert f"scripts/build.sh {target}" in dry_run.stdout
    rule = re.search(rf"^{target}:(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert rule and "setup" in rule.group(1).split("##")[0].split(), f"`make {target}` depends on setup (npm ci)"


def test_site_is_deployed_with_the_official_pages_actions(workflow):
    site = job_running(workflow, "site")
    assert site["if"] == "github.ref == 'refs/heads/main'"
    assert actions(site).index("actions/configure-pages") < actions(site).index("actions/upload-pages-artifact")
    upload = next(s for s in steps(site) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site", "the folder `make site` writes"
    site_id = next(name for name, job in workflow["jobs"].items() if job is site)
    deploy = next(job for job in workflow["jobs"].values() if "actions/deploy-pages" in actions(job))
    assert deploy["needs"] == site_id
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_version_tags_attach_the_zip_and_its_checksum(workflow):
    release = job_running(workflow, "offline")
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    script = "\n".join(step.get("run", "") for step in steps(release))
    assert "gh release upload" in script
    assert f"dist/{ZIP_NAME}" in script and f"dist/{CHECKSUM_NAME}" in script, "the files `make offline` writes"


def test_only_official_actions_and_least_privilege(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    used = {action for job in workflow["jobs"].values() for action in actions(job)}
    assert used and all(action.startswith("actions/") for action in used), used
    for job in workflow["jobs"].values():
        for step in steps(job):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_readme_reports_the_real_bundle_size(offline_zip):
    """The README's size, in KB, within a quarter of the zip `make offline` builds now."""
    stated = re.search(r"The zip is\s+\*\*about (\d+) KB\*\*", README.read_text(encoding="utf-8"))
    assert stated, "the README's Offline bundle section states the zip's size"
    real_kb = offline_zip.stat().st_size / 1024
    with zipfile.ZipFile(offline_zip) as archive:
        assert archive.testzip() is None
    assert abs(int(stated.group(1)) - real_kb) <= real_kb / 4, f"update the README: the zip is {real_kb:.0f} KB now"
