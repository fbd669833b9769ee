#!/usr/bin/env bash
# Build into a temporary folder and swap it in only on success, so a failed
# build (bad data, broken link) leaves the last good site where it was.
#   build.sh site [DIR]                  hosted build into site/ (make site)
#   build.sh offline [DIR [DIST]]        offline build into build/offline/, then the
#                                        reproducible zip + .sha256 in dist/ (make offline)
# Dates come from SOURCE_DATE_EPOCH (the Makefile exports the last commit's time), never the clock.
set -euo pipefail
cd "$(dirname "$0")/.."  # mkdocs.yml is read from here; relative paths are from the repo root
usage="usage: build.sh site [DIR] | build.sh offline [DIR [DIST]]"
target="${1:?$usage}"
bin="${BIN:-.venv/bin}"
export NO_MKDOCS_2_WARNING=1
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}"
case "$target" in
  site)    out="${2:-site}"; export OFFLINE=false ;;
  offline) out="${2:-build/offline}"; dist="${3:-dist}"; export OFFLINE=true ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$out")"
tmp="$(mktemp -d "$out.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
"$bin/mkdocs" build --strict --quiet --site-dir "$tmp"
rm -rf "$out.old"
if [ -d "$out" ]; then mv "$out" "$out.old"; fi
mv "$tmp" "$out"
rm -rf "$out.old"
echo "Built $out/"
if [ "$target" = offline ]; then
  "$bin/python" scripts/bundle.py "$out" "$dist"
fi
