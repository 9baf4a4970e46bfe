#!/usr/bin/env bash
# Fails, naming FILE:LINE, if a file of the repository reads or names the folder beside it that CI
# happens to have (its spec and seeds) but a fresh clone does not. The repository's own docs/ are
# the source. Usage: scripts/check_no_shared.sh [ROOT] (default: the repository).
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
cd "$root"
# The pattern is put together from pieces so that this file does not match itself.
name='shared'
pattern="\.\./${name}|/work/${name}|${name}/spec|${name}/seeds"
paths=()
for p in Sources Tests scripts docs README.md; do
  [ -e "$p" ] && paths+=("$p")
done
[ ${#paths[@]} -gt 0 ] || { echo "check_no_shared: nothing to check in $(pwd)" >&2; exit 2; }
# -I skips binary files (e.g. __pycache__); -n gives the line; -E for the alternatives.
if hits=$(grep -rInE --exclude-dir=.build --exclude-dir=__pycache__ -e "$pattern" -- "${paths[@]}"); then
  echo "$hits" | sed -E 's/^([^:]+:[0-9]+):[[:space:]]*(.*)$/\1: names a folder outside the repository (use docs\/): \2/' >&2
  exit 1
fi
exit 0
