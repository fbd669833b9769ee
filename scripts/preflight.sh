#!/usr/bin/env bash
# Check (and, as root on Debian, install) what the Makefile needs, with a message
# a newcomer can act on instead of a traceback.
set -euo pipefail

need_apt() {  # need_apt PACKAGE WHY
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $2. Install the Debian package '$1' (sudo apt-get install -y $1) and run make again." >&2
    exit 1
  fi
  echo "Installing Debian package '$1' ($2)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

case "${1:-}" in
  python)
    py="${PYTHON:-python3}"
    command -v "$py" >/dev/null || { echo "error: $py not found. Install Python 3.11 or newer." >&2; exit 1; }
    "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
      || { echo "error: Python 3.11 or newer is needed; $py is $("$py" -V 2>&1)." >&2; exit 1; }
    "$py" -c 'import ensurepip, venv' 2>/dev/null \
      || need_apt "python3-venv" "Python's venv module is missing"
    ;;
  node)
    command -v npm >/dev/null || { echo "error: npm not found. Install Node.js 20 or newer with npm." >&2; exit 1; }
    ;;
  chromium)
    [ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt chromium "the browser tests drive Debian's Chromium"
    ;;
  *)
    echo "usage: preflight.sh python|node|chromium" >&2; exit 2 ;;
esac
