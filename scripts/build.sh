#!/usr/bin/env bash
# Build into a temporary folder and swap it in only on success, so a failed
# build (bad data, broken link) leaves the last good site where it was.
#   build.sh site      hosted build into site/
#   build.sh offline   offline build into build/offline/ (used by make offline)
set -euo pipefail
target="${1:?usage: build.sh site|offline}"
bin="${BIN:-.venv/bin}"
case "$target" in
  site)    out="site" ;;
  offline) out="build/offline"; export OFFLINE=true ;;
  *) echo "usage: build.sh site|offline" >&2; exit 2 ;;
esac
tmp="$(mktemp -d "${out%/*}.tmp.XXXXXX" 2>/dev/null || mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin/mkdocs" build --strict --quiet --site-dir "$tmp"
mkdir -p "$(dirname "$out")"
rm -rf "$out.old"
[ -d "$out" ] && mv "$out" "$out.old"
mv "$tmp" "$out"
rm -rf "$out.old"
echo "Built $out/"
