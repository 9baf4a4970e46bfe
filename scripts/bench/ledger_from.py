#!/usr/bin/env python3
"""A ledger that matches a JSON-lines file: one CSV row per quote and payer whose gross in
quote.totals is not zero (`quote,payer,gross`), as an ERP would book the charges. With --times N
each row is written N times (a ledger that books every charge N times, so every charge differs).

Usage: python3 scripts/bench/ledger_from.py FILE.jsonl [--times N] > ledger.csv
  then: repairquote reconcile ledger.csv FILE.jsonl   (docs/benchmarks.md, `reconcile`)
"""
import argparse
import json
import sys

PAYERS = ("consumer", "manufacturer", "retailer")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--times", type=int, default=1)
    options = parser.parse_args()
    out = sys.stdout
    out.write("quote,payer,gross\n")
    rows = 0
    with open(options.file, encoding="utf-8") as lines:
        for line in lines:
            quote = json.loads(line)["quote"]
            for payer in PAYERS:
                gross = quote["totals"][payer]["gross"]
                if gross.strip("-0.") != "":
                    out.write(f"{quote['number']},{payer},{gross}\n" * options.times)
                    rows += options.times
    print(f"{rows} ledger rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
