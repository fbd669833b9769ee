"""`make bench`: measure every figure of issue 7, print the table, write bench/results.json.

    python -m bench.run                      the full benchmark (several minutes)
    python -m bench.run --tiny --output F    the self-test `make test` runs: tiny inputs, one run each
    python -m bench.run --measure-make-test  also time one whole `make test` (slow; see below)
    python -m bench.run --show               the committed results as a Markdown table (for the README)

Timing `make test` inside `make bench` would run the whole suite every time, and the suite
itself runs this benchmark, so the figure is measured only when asked; otherwise it is taken
from $BENCH_MAKE_TEST_SECONDS or carried over from the previous bench/results.json, which
says when and how it was measured.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from . import browser, budgets, configs, synthetic
from .hook_profile import hook_seconds
from .timing import MIN_RUNS, Build, alternate, median

RESULTS = configs.ROOT / "bench" / "results.json"
OFFLINE_ZIP = configs.ROOT / "dist" / "spine-cancer-guide-offline.zip"
MAKE_TEST_ENV = "BENCH_MAKE_TEST_SECONDS"
SHORT_BUILD_FACTOR = 3
"""This site builds in about a second, so one busy second on a shared machine can move a median
of five; its two builds get three times the rounds (fifteen, under a minute) in a full run."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def build(config_file: Path, env: dict | None = None) -> Build:
    return Build(config_file, Path(sys.executable), env)


def first_build(timed: Callable[[], float]) -> Callable[[], float]:
    """The build as in a fresh clone: compiled templates removed first, outside the measured time."""

    def timed_without_cache() -> float:
        shutil.rmtree(configs.JINJA_CACHE, ignore_errors=True)
        return timed()

    return timed_without_cache


def measure_this_site(work: Path, runs: int, warm_up: bool) -> dict:
    """The real site with its hooks ÷ the same config and pages without them, alternated.

    The hooks keep compiled templates in .cache/ between builds, as every build after the
    first finds them; the first build of a fresh clone is timed too, with that cache emptied.
    """
    with_hooks = build(configs.CONFIG_FILE).timed
    commands = {
        "with_hooks": with_hooks,
        "without_hooks": build(configs.this_site_without_hooks(work / "this-site")).timed,
        "with_hooks_first_build": first_build(with_hooks),
    }
    if warm_up:
        alternate(commands, 1)
    timings = alternate(commands, runs)
    return {
        "rounds": runs,
        "seconds": timings,
        "median_with_hooks": median(timings["with_hooks"]),
        "median_without_hooks": median(timings["without_hooks"]),
        "median_with_hooks_first_build": median(timings["with_hooks_first_build"]),
        "hook_profile": hook_seconds(configs.CONFIG_FILE, work / "profile-this-site"),
    }


def measure_scale(work: Path, large: synthetic.Scale, small: synthetic.Scale, runs: int, warm_up: bool) -> dict:
    """The synthetic site: hooks on and off at the large size, and hooks on at the small size, alternated."""
    big = synthetic.generate(work / "synthetic-large", large)
    little = synthetic.generate(work / "synthetic-small", small)
    commands = {
        "large_with_hooks": build(big.with_hooks).timed,
        "large_without_hooks": build(big.without_hooks).timed,
        "small_with_hooks": build(little.with_hooks).timed,
    }
    if warm_up:
        alternate(commands, 1)
    log(f"synthetic sites: {big.pages} and {little.pages} pages, {large.terms} terms, {large.tables} tables")
    timings = alternate(commands, runs)
    medians = {name: median(values) for name, values in timings.items()}
    return {
        "scale": {"large": vars(large), "small": vars(small)},
        "pages": {"large": big.pages, "small": little.pages},
        "seconds": timings,
        "medians": medians,
        "per_page_ms": {
            "large": 1000 * medians["large_with_hooks"] / big.pages,
            "small": 1000 * medians["small_with_hooks"] / little.pages,
        },
        "hook_profile_small": hook_seconds(little.with_hooks, work / "profile-synthetic-small"),
    }


def measure_browser(work: Path, repeats: int) -> dict:
    """Page weight of our hosted build and of stock Material, and search latency on ours."""
    port = browser.free_port()
    site_url = f"http://127.0.0.1:{port}{browser.SITE_PATH}"
    ours, stock = work / "ours", work / "stock"
    build(configs.CONFIG_FILE, {"SITE_URL": site_url}).run(ours)
    docs = configs.hookless_docs(configs.ROOT / "docs", work / "stock-docs")
    build(configs.stock_material(docs, work)).run(stock)
    with browser.chromium() as chromium:
        with browser.serve(stock, port) as url:
            stock_weight = browser.first_visit(chromium, url)
            stock_searched = browser.first_visit_and_search(chromium, url)
        with browser.serve(ours, port) as url:
            our_weight = browser.first_visit(chromium, url)
            our_searched = browser.first_visit_and_search(chromium, url)
            latency = browser.search_latency(chromium, url, repeats=repeats)
    return {
        "weight": {"ours": our_weight.as_dict(), "stock": stock_weight.as_dict()},
        # Our search loads on demand; this shows what a reader who searches once has loaded.
        "weight_with_search": {"ours": our_searched, "stock": stock_searched},
        "search": latency,
    }


def has_make_target(name: str) -> bool:
    makefile = (configs.ROOT / "Makefile").read_text(encoding="utf-8")
    return re.search(rf"^{re.escape(name)}:", makefile, re.M) is not None


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


def measure_offline_zip(work: Path, use_make: bool) -> dict:
    """Size of `make offline`'s zip when that target exists (full runs), else of a zipped OFFLINE=true build."""
    if not has_make_target("offline"):
        why = "no `make offline` target yet"
    elif not use_make:
        why = "tiny run: `make offline` not invoked"
    else:
        done = subprocess.run(["make", "offline"], cwd=configs.ROOT, capture_output=True, text=True)
        if done.returncode == 0:
            return {"bytes": OFFLINE_ZIP.stat().st_size, "source": f"`make offline` ({OFFLINE_ZIP.name})"}
        why = f"`make offline` failed: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
        log(f"{why}; zipping an OFFLINE=true build instead")
    site = work / "offline-site"
    build(configs.CONFIG_FILE, {"OFFLINE": "true"}).run(site)
    archive = zip_folder(site, work / "offline.zip")
    return {"bytes": archive.stat().st_size, "source": f"OFFLINE=true build zipped by the bench (deflate 9); {why}"}


def make_test_seconds(measure: bool, previous: dict | None) -> dict:
    """`make test` wall time: measured now, from $BENCH_MAKE_TEST_SECONDS, or carried over."""
    today = dt.date.today().isoformat()
    if measure:
        start = time.perf_counter()
        subprocess.run(["make", "test"], cwd=configs.ROOT, check=True)
        return {"seconds": time.perf_counter() - start, "source": "measured by --measure-make-test", "date": today}
    if os.environ.get(MAKE_TEST_ENV):
        source = f"${MAKE_TEST_ENV} (one whole `make test`, timed on its own)"
        return {"seconds": float(os.environ[MAKE_TEST_ENV]), "source": source, "date": today}
    carried = (previous or {}).get("details", {}).get("make_test")
    if carried:
        return {**carried, "source": f"{carried['source']} (carried over from bench/results.json)"}
    raise SystemExit(f"no `make test` time: run with --measure-make-test or set {MAKE_TEST_ENV}")


def figures(details: dict) -> dict[str, float]:
    this_site, scale, weight = details["this_site"], details["scale"], details["browser"]["weight"]
    searched = details["browser"]["weight_with_search"]
    return {
        "this_site_overhead": this_site["median_with_hooks"] / this_site["median_without_hooks"],
        "this_site_overhead_first_build": this_site["median_with_hooks_first_build"]
        / this_site["median_without_hooks"],
        "scale_overhead": scale["medians"]["large_with_hooks"] / scale["medians"]["large_without_hooks"],
        "linearity": scale["per_page_ms"]["large"] / scale["per_page_ms"]["small"],
        "weight_ratio_raw": weight["ours"]["raw"] / weight["stock"]["raw"],
        "weight_ratio_gzip": weight["ours"]["gzip"] / weight["stock"]["gzip"],
        "weight_gzip_kb": weight["ours"]["gzip"] / budgets.KB,
        "weight_with_search_raw": searched["ours"]["raw"] / searched["stock"]["raw"],
        "weight_with_search_gzip": searched["ours"]["gzip"] / searched["stock"]["gzip"],
        "search_latency_ms": details["browser"]["search"]["median_ms"],
        "offline_zip_kb": details["offline_zip"]["bytes"] / budgets.KB,
        "make_test_seconds": details["make_test"]["seconds"],
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="tiny inputs and one run each: checks the bench works")
    parser.add_argument("--runs", type=int, help=f"timed runs per command (default {MIN_RUNS}; tiny: 1)")
    parser.add_argument("--output", type=Path, help="results file (default bench/results.json; tiny: none)")
    parser.add_argument("--measure-make-test", action="store_true", help="time one whole `make test`")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for the README)")
    parser.add_argument("--show", action="store_true", help="print bench/results.json as Markdown; measure nothing")
    args = parser.parse_args(argv)
    args.runs = args.runs or (1 if args.tiny else MIN_RUNS)
    if not args.tiny and args.runs < MIN_RUNS:
        parser.error(f"timings are medians of at least {MIN_RUNS} runs")
    if args.output is None and not args.tiny:
        args.output = RESULTS
    return args


def compile_hooks() -> None:
    """Builds load the hooks' bytecode, as `make setup` leaves it, whether or not the sources changed since.

    PYTHONDONTWRITEBYTECODE (set by the Makefile) stops Python caching what it compiles, so
    without this each build would compile every hook module again (about 40 ms here), which
    MkDocs and Material, compiled by pip when installed, never do.
    """
    compileall.compile_dir(configs.ROOT / "hooks", quiet=1)


def run(args: argparse.Namespace) -> dict:
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else None
    large, small = (synthetic.TINY, synthetic.TINY_BASE) if args.tiny else (synthetic.FULL, synthetic.LINEARITY_BASE)
    details = {"make_test": make_test_seconds(args.measure_make_test, previous)}  # first: it may stop the run
    compile_hooks()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        rounds = args.runs if args.tiny else args.runs * SHORT_BUILD_FACTOR
        log(f"this site: with and without hooks, {rounds} alternated runs each")
        details["this_site"] = measure_this_site(work, rounds, warm_up=not args.tiny)
        log("synthetic site: generating and building")
        details["scale"] = measure_scale(work, large, small, args.runs, warm_up=not args.tiny)
        log("browser: page weight and search latency in Chromium")
        details["browser"] = measure_browser(work, repeats=1 if args.tiny else 5)
        log("offline zip")
        details["offline_zip"] = measure_offline_zip(work, use_make=not args.tiny)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    values = figures(details)
    return {
        "date": dt.date.today().isoformat(),
        "command": "python -m bench.run --tiny" if args.tiny else "make bench",
        "mode": "tiny" if args.tiny else "full",
        "runs": args.runs,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()},
        "figures": values,
        "results": budgets.summary(values),
        "details": details,
    }


def print_hook_profiles(details: dict) -> None:
    profiles = {
        "this site": details["this_site"]["hook_profile"],
        f"synthetic site, {details['scale']['pages']['small']} pages": details["scale"]["hook_profile_small"],
    }
    for name, profile in profiles.items():
        print(f"\nSlowest event handlers, {name} (one in-process build, {profile['build_seconds']:.2f} s):")
        for label, seconds in profile["slowest"].items():
            print(f"  {seconds:7.3f} s  {label}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.show:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        print(f"{results['date']}, `{results['command']}`:\n\n{budgets.table(results['figures'], markdown=True)}")
        return 0
    results = run(args)
    if args.output:
        args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(budgets.table(results["figures"], markdown=args.markdown))
    failed = [key for key, verdict in results["results"].items() if verdict == "FAIL"]
    print(f"\n{len(failed)} of {sum(1 for f in budgets.FIGURES if f.budget is not None)} budgets missed", end="")
    print(f": {', '.join(failed)}" if failed else "")
    print_hook_profiles(results["details"])
    # A missed budget fails `make bench`; the tiny self-test only checks that the bench works.
    return 1 if failed and not args.tiny else 0


if __name__ == "__main__":
    sys.exit(main())
