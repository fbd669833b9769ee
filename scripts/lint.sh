#!/usr/bin/env bash
# `make lint`: the style checks every pull request passes, run the same way by
# `make test`, by CI and by pre-commit (.pre-commit-config.yaml).
#   lint.sh            run every check, report each, fail if any failed
#   lint.sh CHECK      run one check: spelling, markdown, yaml or python
#   lint.sh --list     print the check names
# Settings live in .codespellrc (+ .codespell-allow.txt), .pymarkdown.json,
# .yamllint.yml and pyproject.toml, so editors pick up the same rules.
#
# Markdown rules changed for MkDocs/Material (.pymarkdown.json):
#   MD013 off   one paragraph per line, as in the source article;
#   MD046 off   admonition bodies (`!!! note`) are indented, which CommonMark reads as code;
#   MD007 = 4   Python-Markdown needs four spaces to nest a list;
#   MD033       only the HTML elements md_in_html pages use;
#   MD024       the same sub-heading may repeat under different sections.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${BIN:-.venv/bin}"
CHECKS=(spelling markdown yaml python)

existing() {  # the given paths that exist here (bench/ and CONTRIBUTING.md may not)
  local path
  for path in "$@"; do [ -e "$path" ] && echo "$path"; done
}

check_spelling() {
  # source/ is checked but never edited: a false alarm there goes in .codespell-allow.txt.
  # tests/ is left out: its typos ('radiaton', 'statment') are on purpose.
  local status=0
  "$bin/codespell" $(existing docs data source overrides hooks scripts bench .github README.md CONTRIBUTING.md mkdocs.yml) || status=1
  # What readers see uses the source article's US spelling. UK forms appear only as
  # glossary aliases (so both spellings link); codespell's list misses most of them,
  # and the ones it knows are in .codespell-uk-aliases.txt.
  "$bin/codespell" --builtin en-GB_to_en-US --ignore-words .codespell-uk-aliases.txt --skip '*.css,*.js' docs overrides data || status=1
  return $status
}

check_markdown() {
  "$bin/pymarkdown" --config .pymarkdown.json scan --recurse $(existing docs CONTRIBUTING.md)
}

check_yaml() {
  "$bin/yamllint" --strict --format parsable $(existing data .github mkdocs.yml .pre-commit-config.yaml .yamllint.yml)
}

check_python() {
  local paths status=0
  paths=$(existing hooks tests scripts bench)
  "$bin/ruff" check --quiet --output-format concise $paths || status=1
  "$bin/ruff" format --check --quiet $paths || status=1
  return $status
}

hint() {
  case "$1" in
    spelling) echo "A real word (a drug, a medical term, a name)? Add it in lowercase to .codespell-allow.txt. Otherwise fix the spelling as suggested." ;;
    markdown) echo "Each line reads FILE:LINE:COLUMN: RULE: problem. Rules are explained at https://pymarkdown.readthedocs.io/en/latest/plugins/ (e.g. rule_md022)." ;;
    yaml) echo "Each line reads FILE:LINE:COLUMN. Indent with spaces, never tabs; put text containing ': ' or ' #' in double quotes." ;;
    python)
      local paths
      paths=$(existing hooks tests scripts bench | tr '\n' ' ')
      echo "Run '$bin/ruff format ${paths% }' to fix formatting and '$bin/ruff check --fix ${paths% }' for most other findings." ;;
  esac
}

run_check() {
  echo "== $1"
  if "check_$1"; then
    return 0
  fi
  echo "-- $1 check failed. $(hint "$1")"
  return 1
}

case "${1:-all}" in
  --list)
    printf '%s\n' "${CHECKS[@]}"
    ;;
  all)
    failed=()
    for check in "${CHECKS[@]}"; do
      run_check "$check" || failed+=("$check")
    done
    if [ "${#failed[@]}" -gt 0 ]; then
      echo "lint failed: ${failed[*]}" >&2
      exit 1
    fi
    echo "lint passed: ${CHECKS[*]}"
    ;;
  spelling | markdown | yaml | python)
    run_check "$1"
    ;;
  *)
    names="${CHECKS[*]}"
    echo "usage: lint.sh [--list | ${names// / | }]" >&2
    exit 2
    ;;
esac
