#!/usr/bin/env python3
"""The finance commands and the engine of two release builds, side by side on one machine in one
run (docs/benchmarks.md, "Side by side with 7c342da"). The rounds alternate between the builds, so
both see the same load; each command runs in its build's own checkout (its price lists). Wall time
and peak RSS come from /usr/bin/time; `bench quotes` reports its thread's CPU rate itself.

Usage: python3 scripts/bench/side_by_side.py BASE_CHECKOUT NEW_CHECKOUT FILE.jsonl [--rounds 3]
        [--new-file NEW.jsonl]
  FILE.jsonl: `repairquote bench generate 200000 --seed 7` written by the base build. With
  --new-file, the new build reads NEW.jsonl instead: the same command written by the new build
  (the same cases; each build checks the quotes it writes itself; a quote written by an older
  build whose bytes differ, such as one without `noteCodes`, takes check's slower field-by-field
  path). A checkout's binary is CHECKOUT/.build/release/repairquote, or --base-bin / --new-bin.
  Prints every run, then the medians: base, new and new ÷ base.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

COMMANDS = [
    ("check", ["check", "{file}"], "cases"),
    ("export --summary", ["export", "{file}", "--summary"], "cases"),
    ("export (CSV)", ["export", "{file}"], "cases"),
    ("reprice --on --summary", ["reprice", "{file}", "--on", "2027-01-01", "--summary"], "cases"),
]


def timed(binary, arguments, cwd):
    """(wall seconds, peak RSS in MB, exit status) of one run, its output discarded."""
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", binary, *arguments],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024, result.returncode


def engine_rate(binary, cwd, examples):
    out = subprocess.run(
        [binary, "bench", "quotes", "--count", "300000", "--examples", examples],
        cwd=cwd, capture_output=True, text=True, check=True).stdout
    return int(re.search(r"cpu .* = (\d+) quotes/s", out).group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base-bin")
    parser.add_argument("--new-bin")
    parser.add_argument("--new-file")
    options = parser.parse_args()
    builds = {
        "base": (os.path.abspath(options.base), options.base_bin),
        "new": (os.path.abspath(options.new), options.new_bin),
    }
    builds = {
        label: (cwd, os.path.abspath(binary or os.path.join(cwd, ".build/release/repairquote")))
        for label, (cwd, binary) in builds.items()
    }
    paths = {"base": os.path.abspath(options.file), "new": os.path.abspath(options.new_file or options.file)}
    with open(paths["base"], "rb") as f:
        lines = sum(1 for _ in f)
    examples = os.path.join(builds["base"][0], "Examples")
    with open("/proc/loadavg") as f:
        print("load average:", " ".join(f.read().split()[:3]))
    runs = {}  # (name, label) -> [(rate, rss)]
    for round_number in range(1, options.rounds + 1):
        for label, (cwd, binary) in builds.items():
            rate = engine_rate(binary, cwd, examples)
            runs.setdefault(("bench quotes", label), []).append((rate, None))
            print(f"round {round_number} {label:4} bench quotes: {rate:,} quotes/s (CPU)", flush=True)
            for name, arguments, _ in COMMANDS:
                wall, rss, status = timed(binary, [a.format(file=paths[label]) for a in arguments], cwd)
                runs.setdefault((name, label), []).append((lines / wall, rss))
                print(f"round {round_number} {label:4} {name}: {wall:.2f} s = {lines / wall:,.0f} lines/s,"
                      f" {rss:.0f} MB, exit {status}", flush=True)
    with open("/proc/loadavg") as f:
        print("load average:", " ".join(f.read().split()[:3]))
    print(f"\nmedians of {options.rounds} rounds ({lines:,} lines)")
    print("| what | base | now | now ÷ base |\n|---|---|---|---|")
    for name in ["bench quotes"] + [c[0] for c in COMMANDS]:
        base = runs[(name, "base")]
        new = runs[(name, "new")]
        unit = "quotes/s CPU" if name == "bench quotes" else "lines/s"
        b, n = statistics.median(r for r, _ in base), statistics.median(r for r, _ in new)
        print(f"| {name} | {b:,.0f} {unit} | {n:,.0f} {unit} | {n / b:.3f} |")
        if base[0][1] is not None:
            b, n = statistics.median(m for _, m in base), statistics.median(m for _, m in new)
            print(f"| {name}, peak RSS | {b:.0f} MB | {n:.0f} MB | {n / b:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
