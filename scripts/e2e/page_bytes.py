#!/usr/bin/env python3
"""The bytes of each page type as the browser receives them: the HTML, and the console's CSS and
script (once per visit, then cached), for docs/benchmarks.md. Starts a real `repairquote serve`
the way customer_test.py does and prints a Markdown table. Not a test: it always exits 0 once
the pages were measured.

Usage: page_bytes.py --bin .build/debug/repairquote
"""
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import arguments  # noqa: E402
from customer_test import CustomerLink  # noqa: E402

SIZES = """
const nav = performance.getEntriesByType("navigation")[0];
const files = {};
for (const r of performance.getEntriesByType("resource")) files[r.name.split("/").pop()] = r.decodedBodySize;
return { html: nav.decodedBodySize, files };
"""


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="page-bytes-")
    pages = CustomerLink(os.path.abspath(args.bin), workdir, None)
    rows, files = [], {}
    try:
        pages.start_server()
        pages.start_browser()
        pages.go("/console/sign-in")
        sizes = pages.driver.execute_script(SIZES)
        rows.append(("console: sign-in", sizes["html"]))
        files.update(sizes["files"])
        pages.sign_in("desk")
        for name, path in [("console: list", "/console/quotes"), ("console: empty form", "/console/quotes/new"),
                           ("console: quote page", f"/console/quotes/{pages.quotes['first'][0]}"),
                           ("customer page (nl)", pages.quotes["first"][1])]:
            pages.go(path)
            sizes = pages.driver.execute_script(SIZES)
            rows.append((name, sizes["html"]))
            files.update(sizes["files"])
    finally:
        pages.stop()
    print("| page | HTML bytes |\n|---|---:|")
    for name, size in rows:
        print(f"| {name} | {size} |")
    for name in sorted(files):
        if name.endswith((".css", ".js")):
            print(f"| {name} | {files[name]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
