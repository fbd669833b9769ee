"""Where a build's hook time goes: seconds per hook file and event, from one in-process build.

A ratio says *that* the hooks cost too much; this says *which* hook, so a missed budget
points at its cause. Each profile runs in a fresh interpreter, so one-off costs (a
dictionary loaded on first use) are counted as in a real build; imports are not.

    python -m bench.hook_profile CONFIG_FILE SITE_DIR   prints the profile as JSON
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from .configs import ROOT


def _label(method, event: str) -> str:
    module = getattr(method, "__module__", None) or "?"
    path = Path(module)
    if path.suffix == ".py" and path.is_absolute() and path.is_relative_to(ROOT):
        module = path.relative_to(ROOT).as_posix()  # MkDocs names a hook module by its path in mkdocs.yml
    return f"{module} {event}"


def _timed(method, label: str, totals: Counter):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start

    return wrapper


def profile_build(config_file: Path, site_dir: Path, top: int = 8) -> dict:
    """Build ``config_file`` in this process and return the build time and the slowest event handlers."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    for name in ("OFFLINE", "SITE_URL"):  # the hosted build, as in the timed subprocesses
        os.environ.pop(name, None)
    totals: Counter = Counter()
    config = load_config(str(config_file), site_dir=str(site_dir))
    for event, methods in config.plugins.events.items():
        methods[:] = [_timed(method, _label(method, event), totals) for method in methods]
    start = time.perf_counter()
    build(config)
    return {
        "build_seconds": time.perf_counter() - start,
        "slowest": {label: seconds for label, seconds in totals.most_common(top)},
    }


def hook_seconds(config_file: Path, site_dir: Path) -> dict:
    """:func:`profile_build` in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.hook_profile", str(config_file), str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


if __name__ == "__main__":
    print(json.dumps(profile_build(Path(sys.argv[1]), Path(sys.argv[2]))))
