"""A missing tool gives a one-line message saying what to install, not a traceback."""

from __future__ import annotations

import subprocess

from conftest import ROOT


def preflight(what, **env):
    return subprocess.run(
        ["bash", str(ROOT / "scripts/preflight.sh"), what],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **env},
    )


def test_missing_python_is_named():
    run = preflight("python", PYTHON="python3.99")
    assert run.returncode == 1
    assert run.stderr.strip() == "error: python3.99 not found. Install Python 3.11 or newer."


def test_old_python_is_refused(tmp_path):
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\ncase \"$1\" in -V) echo 'Python 3.9.2';; *) exit 1;; esac\n")
    fake.chmod(0o755)
    run = preflight("python", PYTHON=str(fake))
    assert run.returncode == 1
    assert run.stderr.strip() == f"error: Python 3.11 or newer is needed; {fake} is Python 3.9.2."


def test_missing_chromium_as_non_root_says_what_to_run():
    run = subprocess.run(
        ["bash", "-c", f"id() {{ echo 1000; }}; export -f id; bash {ROOT}/scripts/preflight.sh chromium"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "CHROMIUM": "/nonexistent/chromium"},
    )
    assert run.returncode == 1
    assert "sudo apt-get install -y chromium" in run.stderr


def test_unknown_check_is_a_usage_error():
    assert preflight("ruby").returncode == 2
