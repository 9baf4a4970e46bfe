#!/usr/bin/env bash
# Tests scripts/check_no_shared.sh on throw-away trees: a clean tree passes, each planted reference
# fails with its FILE:LINE, and a file outside the checked folders is not checked.
set -euo pipefail
guard="$(cd "$(dirname "$0")" && pwd)/check_no_shared.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_check_no_shared: $*" >&2; exit 1; }
name='shared'   # in pieces, so that this file does not trip the guard
mkdir -p "$tmp/Sources/Core" "$tmp/Tests" "$tmp/scripts" "$tmp/docs" "$tmp/PriceLists"
printf 'let rules = "docs/rules.md"\n' > "$tmp/Sources/Core/Rules.swift"
printf '# Notes\nA shared cache.\n' > "$tmp/docs/notes.md"
cp "$guard" "$tmp/scripts/"
printf 'the folder ../%s is fine here\n' "$name" > "$tmp/PriceLists/readme.txt"
bash "$guard" "$tmp" 2>"$tmp/err" || fail "a clean tree (with the guard itself in scripts/) failed: $(cat "$tmp/err")"
for planted in "../$name/spec/rules.md" "/work/$name/style.md" "$name/spec/contract.md" "$name/seeds/a.txt"; do
  printf 'import Foundation\n\nlet path = "%s"\n' "$planted" > "$tmp/Tests/Planted.swift"
  if bash "$guard" "$tmp" 2>"$tmp/err"; then fail "planted $planted: passed"; fi
  grep -q "^Tests/Planted.swift:3: names a folder outside the repository" "$tmp/err" \
    || fail "planted $planted: no Tests/Planted.swift:3 in: $(cat "$tmp/err")"
  [ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "planted $planted: expected one line, got: $(cat "$tmp/err")"
done
rm "$tmp/Tests/Planted.swift"
printf 'See the [rules](../%s/spec/rules.md).\n' "$name" > "$tmp/README.md"
if bash "$guard" "$tmp" 2>"$tmp/err"; then fail "a README reference passed"; fi
grep -q "^README.md:1: " "$tmp/err" || fail "README reference not named: $(cat "$tmp/err")"
echo "check_no_shared: a clean tree passes; planted references fail with FILE:LINE"
