#!/usr/bin/env python3
"""The yardstick for `repairquote check` (docs/benchmarks.md, Finance): re-sums each stored
quote's lines per payer and compares the sums with its stored totals. It checks far less than
`check` (no recompute, no price list, no rule), so it bounds what reading and parsing the JSON
lines costs in a plain script.

Usage: python3 scripts/bench/resum_lines.py FILE.jsonl
Prints `summary: N lines read, M matched, D differing` and the lines per second; exit 1 when a
quote's lines do not add up to its totals.
"""
import json
import sys
import time

FIELDS = ("net", "vat", "gross")


def minor(amount):
    """ "120.50" -> 12050: amounts carry all their minor digits, so the point can go."""
    return int(amount.replace(".", ""))


def adds_up(lines, totals):
    sums = {}
    for line in lines:
        payer = sums.setdefault(line["payer"], [0, 0, 0])
        for i, field in enumerate(FIELDS):
            payer[i] += minor(line[field])
    for payer, amounts in totals.items():
        if payer == "all":
            continue
        expected = sums.get(payer, [0, 0, 0])
        if [minor(amounts[field]) for field in FIELDS] != expected:
            return False
    return True


def main(path):
    start = time.monotonic()
    read = matched = 0
    with open(path, "rb") as file:
        for raw in file:
            if not raw.strip():
                continue
            read += 1
            quote = json.loads(raw)["quote"]
            parts = [quote] + ([quote["ifRejected"]] if "ifRejected" in quote else [])
            if all(adds_up(part["lines"], part["totals"]) for part in parts):
                matched += 1
    seconds = time.monotonic() - start
    print(f"summary: {read} lines read, {matched} matched, {read - matched} differing")
    print(f"{read / seconds:,.0f} lines/s ({seconds:.2f} s)")
    return 0 if read == matched else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
