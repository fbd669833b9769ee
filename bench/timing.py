"""Timing of commands the way a noisy, shared 2-core machine allows: alternated, many times, medians.

Running A five times and then B five times lets a slow minute (another build, a test run)
land on one side only. Alternating A B A B … spreads the noise over both, and the median
of each side ignores the odd outlier. Ratios are taken between medians of the same run.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MIN_RUNS = 5
"""The issue asks for medians of at least five runs; fewer is only for the tiny self-test."""


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("no timings to take the median of")
    return statistics.median(values)


def alternate(commands: Mapping[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Run every command once per round, in the same order, for ``runs`` rounds (A B C A B C …).

    Each command returns the seconds it took, so that set-up and clean-up stay outside the
    measured time. Returns every timing per command name, in round order.
    """
    timings: dict[str, list[float]] = {name: [] for name in commands}
    for _round in range(runs):
        for name, command in commands.items():
            timings[name].append(command())
    return timings


@dataclass(frozen=True)
class Build:
    """One ``mkdocs build`` of one config file, as a subprocess (a fresh interpreter, like CI)."""

    config_file: Path
    python: Path
    env: Mapping[str, str] | None = None

    def command(self, site_dir: Path) -> list[str]:
        return [str(self.python), "-m", "mkdocs", "build", "-q", "-f", str(self.config_file), "-d", str(site_dir)]

    def environment(self) -> dict[str, str]:
        # OFFLINE and SITE_URL would change what is built; the benchmark builds the hosted site.
        env = {k: v for k, v in os.environ.items() if k not in ("OFFLINE", "SITE_URL")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        env.update(self.env or {})
        return env

    def run(self, site_dir: Path) -> float:
        """Seconds the build took; a failed build stops the benchmark with its output."""
        start = time.perf_counter()
        done = subprocess.run(self.command(site_dir), env=self.environment(), capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise RuntimeError(f"build of {self.config_file} failed:\n{done.stdout}\n{done.stderr}")
        return seconds

    def timed(self) -> float:
        """Build into a fresh folder and remove it afterwards, outside the measured time."""
        site_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
        try:
            return self.run(site_dir)
        finally:
            shutil.rmtree(site_dir, ignore_errors=True)


def ratio(numerator: Sequence[float], denominator: Sequence[float]) -> float:
    return median(numerator) / median(denominator)
