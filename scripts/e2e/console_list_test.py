#!/usr/bin/env python3
"""The console as people use it all day, by clicking in headless Chromium (issue #26):

- the form in Traditional Chinese: every code a label, part and labour names from the price
  list's names file after the market changes, the IMEI-or-serial mark, the error summary by label;
- the form starts on the market the user last issued in;
- the list: market, date and sort filters chosen by clicking, a model found by the search, dates
  in the user's language, each payer's total and the issuer for finance, "Download CSV";
- the accessibility statement linked from a customer page of a service without the console.

Usage: console_list_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import csv
import json
from decimal import Decimal
import io
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import arguments, free_port, run  # noqa: E402
from customer_test import CustomerLink, KEYS  # noqa: E402


class ConsoleAllDay(CustomerLink):
    def __init__(self, binary, workdir, screenshots):
        super().__init__(binary, workdir, screenshots)
        self.bare = None  # the second server, without the console
        self.downloads = tempfile.mkdtemp(prefix="console-csv-")

    def start_server(self):
        """The server with the console and API keys, and four quotes issued through the API."""
        super().start_server()  # first (NL), second (BE), third (NL in warranty)
        self.issue("redmi", "Examples/hk-doa-no-swap-unit.json")
        # Bought three months ago, so that it is in warranty today: the manufacturer pays.
        with open("Examples/hk-in-warranty-model-table.json", encoding="utf-8") as source:
            case = json.load(source)
        case.pop("requestDate", None)
        bought = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 90 * 86400))
        case["purchase"]["date"] = case["purchase"]["deliveryDate"] = bought
        status, quote = self.api("POST", "/v1/quotes", json.dumps(case).encode(), {"Idempotency-Key": "e2e-hk"})
        assert status == 201, f"issue HK: {status} {quote}"
        self.quotes["hk"] = (quote["number"], quote["customerLink"][len(self.base):])

    def stop(self):
        if self.bare and self.bare.poll() is None:
            self.bare.terminate()
            self.bare.wait(timeout=10)
        super().stop()

    def cells(self, selector):
        """The texts of the elements, read in one go (the script may be refilling a list)."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent.trim());", selector)

    def choose(self, select_id, value):
        """Opens a filter's list and picks an entry, as a person does with the keyboard."""
        Select(self.css(f"select#{select_id}")).select_by_value(value)

    def search(self):
        self.submit("form.filters button[type=submit]")

    # --- the tests, in order ----------------------------------------------------------------
    def test_form_in_chinese(self):
        self.sign_in("desk")
        self.go("/console/quotes/new")
        self.submit("header.top a[lang='zh-Hant']")
        assert self.css("html").get_attribute("lang") == "zh-Hant"
        kinds = {o.get_attribute("value"): o.text for o in self.all("select[name=kind] option")}
        assert kinds["repair"] == "維修", kinds
        modes = self.cells("select[name=serviceMode] option")
        assert "carry-in" not in modes and "親身送到櫃檯" in modes, modes
        channels = self.cells("select[name='purchase.channel'] option")
        assert "retailer" not in channels and "零售商" in channels, channels
        assert "主機" in self.cells("select[name=item] option")
        finding = self.css("label[for='f-findings-0']").text
        assert finding == "入水損壞", finding
        assert "必須填寫 IMEI 或序號" in self.css("label[for='f-device-imei']").text
        # HK's part and labour names come from names.zh-Hant.yaml once the market is chosen.
        self.select("market", "HK")
        self.select("device.model", "Xiaomi 12 Pro")
        self.wait_for(lambda: any("·" in t and not t.isascii() for t in self.cells("select[name='repair.labor'] option")))
        self.wait_for(lambda: any(not t.isascii() for t in self.cells("select[name='repair.parts.0.sku'] option")[1:]))
        channels = self.cells("select[name='purchase.channel'] option")
        assert "零售商" in channels, channels

    def test_error_summary_by_label(self):
        self.go("/console/quotes/new?lang=nl")
        self.fill_case("JOB-LABELS")
        self.css("input[name='device.imei']").clear()
        self.submit("button[value=preview]")
        entries = self.cells(".error-summary li a")
        assert entries and entries[0].startswith("IMEI: "), entries
        assert not any("device." in entry for entry in entries), entries
        self.shoot("error-summary-nl", 400)

    def test_default_market(self):
        self.go("/console/quotes/new?lang=en")
        assert Select(self.css("select[name=market]")).first_selected_option.get_attribute("value") == "BE"
        self.fill_case("JOB-MARKET")
        self.submit("button[value=issue]")
        assert "done=issue" in self.path(), self.path()
        self.go("/console/quotes/new")
        chosen = Select(self.css("select[name=market]")).first_selected_option.get_attribute("value")
        assert chosen == "NL", chosen

    def test_list_filters(self):
        self.go("/console/quotes?lang=en")
        self.css("#q").send_keys("Redmi")
        self.search()
        numbers = [row.get_attribute("data-quote-number") for row in self.all("tr[data-quote-number]")]
        assert numbers == [self.quotes["redmi"][0]], numbers
        self.css("#q").clear()
        self.choose("market", "NL")
        self.choose("sort", "total-desc")
        self.search()
        rows = self.all("tr[data-quote-number]")
        assert rows and all(r.get_attribute("data-quote-number").startswith("NL-") for r in rows)
        records = [self.api("GET", f"/v1/quotes/{r.get_attribute('data-quote-number')}")[1] for r in rows]
        totals = [Decimal(record.get("quote", record)["totals"]["consumer"]["gross"]) for record in records]
        assert totals == sorted(totals, reverse=True), totals
        # The issue day as the quotes carry it, in their market's time zone: around midnight UTC the
        # Dutch day is already the next one, so the runner's own date would miss them.
        today = records[0].get("quote", records[0])["issueDate"]
        self.driver.execute_script("document.getElementById('from').value = arguments[0];", "2000-01-01")
        self.driver.execute_script("document.getElementById('to').value = arguments[0];", "2000-12-31")
        self.search()
        assert not self.all("tr[data-quote-number]")
        self.driver.execute_script("document.getElementById('from').value = arguments[0];", today)
        self.driver.execute_script("document.getElementById('to').value = arguments[0];", today)
        self.search()
        assert self.all("tr[data-quote-number]")
        assert Select(self.css("#sort")).first_selected_option.get_attribute("value") == "total-desc"

    def test_list_language_and_payers(self):
        self.sign_in("finance")
        self.go("/console/quotes?lang=nl")
        dates = self.cells("td[data-date]")
        assert dates and not any("年" in d for d in dates), dates
        hk = self.quotes["hk"][0]
        manufacturer = self.css(f"tr[data-quote-number='{hk}'] td[data-payer=manufacturer]").text
        assert manufacturer and "," in manufacturer and manufacturer[-4:] != " 0,00", manufacturer
        assert self.css(f"tr[data-quote-number='{hk}'] td[data-label=Uitgever]").text
        self.go("/console/quotes?lang=zh-Hant")
        assert all("年" in d for d in self.cells("td[data-date]"))
        self.go("/console/quotes?lang=en")
        self.shoot("list", 1280)

    def test_download_csv(self):
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})
        self.go("/console/quotes?market=HK")
        self.css("#download-csv").click()
        path = os.path.join(self.downloads, "quotes.csv")
        self.wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0)
        rows = list(csv.reader(io.StringIO(open(path, encoding="utf-8").read())))
        assert rows[0][0] == "quote" and "payer" in rows[0], rows[0]
        numbers = {row[0] for row in rows[1:]}
        # Only HK's quotes, each with its charge lines (a DOA without a swap unit has none).
        hk_quotes = {self.quotes["redmi"][0], self.quotes["hk"][0]}
        assert self.quotes["hk"][0] in numbers and numbers <= hk_quotes, numbers
        export = subprocess.run(
            [self.binary, "export", "--db", os.path.join(self.workdir, "q.sqlite"), "--all-states"],
            capture_output=True, text=True, check=True).stdout
        exported = [row for row in csv.reader(io.StringIO(export)) if row and row[0] in hk_quotes]
        assert rows[1:] == exported, (rows[1:], exported)

    def test_statement_without_console(self):
        port = free_port()
        log = open(os.path.join(self.workdir, "bare.log"), "w")
        self.bare = subprocess.Popen(
            [self.binary, "serve", "--port", str(port), "--db", os.path.join(self.workdir, "bare.sqlite"),
             "--keys", os.path.abspath(KEYS)], stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                assert time.time() < deadline and self.bare.poll() is None, open(log.name).read()[-2000:]
                time.sleep(0.2)
        saved = self.base
        try:
            self.base = base
            self.issue("bare", "Examples/nl-out-of-warranty.json")
            self.driver.get(base + self.quotes["bare"][1])
            self.submit("footer a[href^='/accessibility']")
            assert self.driver.find_element(By.TAG_NAME, "h1").text == "Accessibility statement"
            colour = self.driver.execute_script(
                "return getComputedStyle(document.querySelector('.site-footer')).borderTopStyle;")
            assert colour == "solid", colour  # console.css was served too
        finally:
            self.base = saved


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="console-list-e2e-")
    runner = ConsoleAllDay(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_form_in_chinese", "test_error_summary_by_label", "test_default_market", "test_list_filters",
             "test_list_language_and_payers", "test_download_csv", "test_statement_without_console"]
    return run(runner, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
