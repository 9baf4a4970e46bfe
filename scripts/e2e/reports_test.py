#!/usr/bin/env python3
"""The console's finance reports page in headless Chromium through Selenium: a finance user opens it
from the navigation, filters by clicking and typing (market, currency, period), reads a block's
table, follows the address (the filters are in it), sees a bad month refused beside its field, and
the page fits 400 px. A retailer's page names its own retailer only. With --screenshots, the page
at 1280 and 400 px goes into that folder (console-reports-1280.png, console-reports-400.png).

Usage: reports_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import datetime
import json
import os
import sys
import tempfile
import urllib.parse

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import arguments, run  # noqa: E402  (runner)
from customer_test import CustomerLink  # noqa: E402  (the server with API keys, and its API helpers)

from selenium.webdriver.support.ui import Select  # noqa: E402


class Reports(CustomerLink):
    def start_server(self):
        CustomerLink.start_server(self)
        # Quotes of today in three markets: accepted, rejected and open.
        for name, example in [("nl-a", "Examples/nl-out-of-warranty.json"), ("nl-b", "Examples/nl-in-warranty.json"),
                              ("nl-c", "Examples/nl-out-of-warranty.json"), ("pk", "Examples/pk-free-labor.json"),
                              ("hk", "Examples/hk-out-of-warranty.json")]:
            self.issue(name, example)
        for name, decision in [("nl-a", "accepted"), ("nl-b", "accepted"), ("nl-c", "rejected"), ("pk", "accepted")]:
            body = json.dumps({"decision": decision, "channel": "phone"}).encode()
            status, answer = self.api("POST", f"/v1/quotes/{self.quotes[name][0]}/decision", body)
            assert status == 200, f"decision {name}: {status} {answer}"

    def query(self):
        return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.driver.current_url).query))

    def test_filters_by_clicking(self):
        self.sign_in("finance")
        self.submit("header.top nav a[href='/console/reports']")
        assert self.css("h1").text == "Finance reports", self.css("h1").text
        Select(self.css("#report-market")).select_by_value("NL")
        self.css("#report-currency").send_keys("EUR")
        month = datetime.date.today().strftime("%Y-%m")
        self.css("#report-from").send_keys(month)
        self.css("#report-to").send_keys(month)
        self.submit("#report-apply")
        assert self.query() == {"market": "NL", "currency": "EUR", "from": month, "to": month}, self.query()
        # Five NL quotes issued this month (of eight): the two of CustomerLink's set-up open, two
        # accepted, one rejected; the BE, PK and HK quotes are left out.
        self.css("#report-conversion details summary").click()
        rows = self.all("#table-conversion tbody tr")
        assert len(rows) == 1, [r.text for r in rows]
        cells = [td.text for td in rows[0].find_elements("css selector", "td")]
        assert cells[1:4] == ["5", "2", "1"] and cells[7] == "2", cells
        assert self.all("#report-payers svg[role=img] title"), "no chart in the payers block"
        link = self.css("#report-payers a.download").get_attribute("href")
        assert "report=payers" in link and "market=NL" in link and "currency=EUR" in link, link
        # The address alone gives the same view (a bookmark).
        address = self.driver.current_url
        self.go("/console/quotes")
        self.driver.get(address)
        assert Select(self.css("#report-market")).first_selected_option.get_attribute("value") == "NL"
        self.shoot("reports", 1280)
        self.viewport(400)
        assert self.fits_width(), "the reports page scrolls sideways at 400 px"
        self.viewport(1280)
        self.shoot("reports", 400)

    def test_bad_month_beside_its_field(self):
        self.sign_in("desk")
        self.go("/console/reports")
        field = self.css("#report-from")
        field.clear()
        field.send_keys("2026-13")
        self.submit("#report-apply")
        error = self.css("#report-from-error")
        assert error.text.startswith("Not a month"), error.text
        assert self.css("#report-from").get_attribute("aria-invalid") == "true"
        assert self.css("#report-from").get_attribute("aria-describedby") == "report-from-error"

    def test_retailer_sees_its_own(self):
        self.sign_in("shop")
        self.go("/console/reports?issuer=desk-1")
        issuer = self.css("#report-issuer")
        assert issuer.get_attribute("value") == "R-100" and issuer.get_attribute("readonly") is not None
        self.css("#report-conversion details summary").click()
        assert [r.text for r in self.all("#table-conversion tbody tr")] == ["No quotes in this view."]


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="reports-e2e-")
    reports = Reports(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_filters_by_clicking", "test_bad_month_beside_its_field", "test_retailer_sees_its_own"]
    return run(reports, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
