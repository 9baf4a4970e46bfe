#!/usr/bin/env python3
"""A large SQLite store for timing the finance reports, until `repairquote bench store N` (#31)
exists: issues the shipped examples through a real `repairquote serve` (so every report column is
written by the service itself), decides two of every three, then copies those rows (quotes, their
report facts and decisions; the case and quote JSON left short, which no report reads) until the
store holds N quotes spread over 24 issue months, and times `repairquote export --db --report` for
each report (the SQL the page runs) on it.

Usage: report_store.py --bin .build/release/repairquote --quotes 1000000 [--db /tmp/reports.sqlite]
"""
import argparse
import json
import os
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.request

KEY = "sc-demo-0000000000000000000000000001"
EXAMPLES = ["nl-out-of-warranty", "nl-in-warranty", "pk-free-labor", "us-out-of-warranty-sales-tax",
            "hk-out-of-warranty", "es-out-of-warranty", "be-out-of-warranty", "nl-doa-accepted", "pk-in-warranty"]


def api(base, method, path, body=None):
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def seed(binary, db):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--db", db, "--keys",
                               "Examples/service/keys.sample.json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for index, name in enumerate(EXAMPLES * 3):
            case = json.load(open(f"Examples/{name}.json", encoding="utf-8"))
            case.pop("requestDate", None)
            quote = api(base, "POST", "/v1/quotes", json.dumps(case).encode())
            if index % 3 != 2:
                decision = "accepted" if index % 3 == 0 else "rejected"
                api(base, "POST", f"/v1/quotes/{quote['number']}/decision",
                    json.dumps({"decision": decision, "channel": "phone"}).encode())
    finally:
        server.terminate()
        server.wait()


def grow(db, total):
    """Copies the seeded quotes (with their facts and decisions) until there are `total`, each copy
    issued in one of 24 months."""
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER quotes_immutable")
    seeded = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    copies = (total - seeded) // seeded
    con.execute("CREATE TEMP TABLE n (i INTEGER PRIMARY KEY)")
    con.executemany("INSERT INTO n VALUES (?)", [(i,) for i in range(1, copies + 1)])
    months = "printf('%04d-%02d-15', 2025 + ((n.i % 24) / 12), (n.i % 12) + 1)"
    con.executescript(f"""
        CREATE TEMP TABLE seed AS SELECT * FROM quotes;
        INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until, issuer, case_json,
            quote_json, price_list_version, created_at, reference, model, search_text, consumer_total)
        SELECT s.number || '-' || n.i, s.market, s.year, s.kind, s.coverage_status, {months}, {months},
            CASE WHEN n.i % 5 = 0 THEN 'R-100' ELSE s.issuer END, '{{}}', '{{}}', s.price_list_version, s.created_at,
            s.reference, s.model, s.search_text, s.consumer_total
        FROM seed s, n;
        INSERT INTO report_quotes SELECT r.quote_number || '-' || n.i, r.currency, r.model_family
        FROM report_quotes r, n WHERE r.quote_number IN (SELECT number FROM seed);
        INSERT INTO report_charges SELECT c.quote_number || '-' || n.i, c.outcome, c.payer, c.lines, c.net, c.vat, c.gross
        FROM report_charges c, n WHERE c.quote_number IN (SELECT number FROM seed);
        INSERT INTO decisions (quote_number, decision, decided_at, decided_by, final_json, channel, note, decided_by_role,
            decision_days)
        SELECT d.quote_number || '-' || n.i, d.decision, d.decided_at, d.decided_by, '{{}}', d.channel, d.note,
            d.decided_by_role, n.i % 30
        FROM decisions d, n WHERE d.quote_number IN (SELECT number FROM seed);
        """)
    con.execute("CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes BEGIN SELECT RAISE(ABORT, 'issued quotes are immutable'); END")
    con.commit()
    count = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    con.execute("ANALYZE")
    con.close()
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release/repairquote")
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db")
    args = parser.parse_args()
    db = args.db or os.path.join(tempfile.mkdtemp(prefix="report-bench-"), "q.sqlite")
    if not os.path.exists(db):
        seed(os.path.abspath(args.bin), db)
        started = time.time()
        count = grow(db, args.quotes)
        print(f"store: {count} quotes in {db} ({time.time() - started:.1f} s to copy)")
    for report in ["conversion", "decision-time", "payers", "top-models"]:
        for label, extra in [("last 24 months", ["--from-month", "2025-01", "--to-month", "2026-12"]),
                             ("one market, 3 months", ["--market", "NL", "--from-month", "2026-01", "--to-month", "2026-03"]),
                             ("one retailer", ["--issuer", "R-100", "--from-month", "2025-01", "--to-month", "2026-12"])]:
            started = time.time()
            result = subprocess.run(["/usr/bin/time", "-f", "%M", args.bin, "export", "--db", db, "--report", report] + extra,
                                    capture_output=True, text=True)
            elapsed = time.time() - started
            assert result.returncode == 0, result.stderr
            rss = result.stderr.strip().splitlines()[-1]
            rows = len(result.stdout.splitlines()) - 1
            print(f"{report:14} {label:22} {elapsed:6.2f} s  {int(rss) // 1024:4d} MB  {rows} rows")


if __name__ == "__main__":
    main()
