#!/usr/bin/env python3
"""End-to-end tests of the customer link (`/q/{token}`) in headless Chromium through Selenium.

Starts a real `repairquote serve` (with API keys and the console) the way console_test.py does,
issues quotes through the API, then, in a browser with no console session, a customer accepts
one quote (its full name typed and the consent box ticked, after the page refused an acceptance
without them) and another rejects a second one by clicking the page's own buttons. The API
shows the acceptance's evidence and the quote's events. The console
(signed in as staff, in the browser) and `GET /v1/quotes/{n}` must show both decisions. Pages
served from other origins (`localhost` and another port of 127.0.0.1) that post the form to a
third link on their own must be refused, with nothing recorded.
Prints `N passed, M failed` last; exits 1 when a test failed or Chromium cannot start.

Usage: customer_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import json
import os
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import Console, arguments, run  # noqa: E402  (server, browser, helpers, runner)

KEYS = "Examples/service/keys.sample.json"
DESK_KEY = "sc-demo-0000000000000000000000000001"
CROSS_SITE_NL = "Antwoord van een andere website geweigerd"


class Attacker(BaseHTTPRequestHandler):
    """Another origin's page that posts an answer to the link as soon as it is opened.
    `/hidden` also hides its origin (`Origin: null`, as a page under `no-referrer` does)."""
    target = None

    def do_GET(self):
        meta = '<meta name="referrer" content="no-referrer">' if self.path == "/hidden" else ""
        page = (f'<!DOCTYPE html><html><head>{meta}<title>Win a phone</title></head><body>'
                f'<form method="post" action="{Attacker.target}">'
                '<input type="hidden" name="decision" value="accepted"></form>'
                '<script>document.forms[0].submit();</script></body></html>').encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args):
        pass


class CustomerLink(Console):
    def __init__(self, binary, workdir, screenshots):
        super().__init__(binary, workdir, screenshots)
        self.serve_args = ["--keys", os.path.abspath(KEYS)]
        self.quotes = {}
        self.attacker = None

    # --- helpers ----------------------------------------------------------------------------
    def api(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.base + path, data=body, method=method, headers={
            "Authorization": f"Bearer {DESK_KEY}", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def issue(self, name, example):
        """Issues a shipped example as of today (its `requestDate` left out)."""
        with open(example, encoding="utf-8") as source:
            case = json.load(source)
        case.pop("requestDate", None)
        status, quote = self.api("POST", "/v1/quotes", json.dumps(case).encode(), {"Idempotency-Key": f"e2e-{name}"})
        assert status == 201, f"issue {example}: {status} {quote}"
        self.quotes[name] = (quote["number"], quote["customerLink"][len(self.base):])

    def decision(self, name):
        status, record = self.api("GET", f"/v1/quotes/{self.quotes[name][0]}")
        assert status == 200, f"GET /v1/quotes/{self.quotes[name][0]}: {status} {record}"
        return record["decision"] and record["decision"]["decision"]

    def start_attacker(self, name):
        Attacker.target = self.base + self.quotes[name][1]
        self.attacker = ThreadingHTTPServer(("127.0.0.1", 0), Attacker)
        threading.Thread(target=self.attacker.serve_forever, daemon=True).start()
        return self.attacker.server_address[1]

    def start_server(self):
        """The server, and three quotes issued through the API as a service desk's system does."""
        super().start_server()
        self.issue("first", "Examples/nl-out-of-warranty.json")
        self.issue("second", "Examples/be-out-of-warranty.json")
        self.issue("third", "Examples/nl-in-warranty.json")

    def stop(self):
        if self.attacker:
            self.attacker.shutdown()
            self.attacker.server_close()
        super().stop()

    def heading(self):
        return self.css("h1").text

    def message_page(self):
        """Waits for a message page of the link (a confirmation or a refusal); on a timeout, says
        what the browser shows instead."""
        try:
            self.wait_for(lambda: self.all("main.message"))
        except Exception:
            raise AssertionError("no message page: " + self.css("body").text[:200].replace("\n", " | ")) from None

    def refused_from(self, page_url):
        """Opens another origin's page that posts to the link, and waits for the answer page."""
        self.driver.get(page_url)
        self.wait_for(lambda: self.driver.current_url.startswith(self.base + "/q/"))
        self.message_page()
        assert self.heading() == CROSS_SITE_NL, self.heading()
        assert self.all("main.message-refused-cross-site")
        back = self.css("main.message a")
        assert back.text == "Terug naar de offerte", back.text
        href = self.driver.execute_script("return arguments[0].href;", back)  # resolved against the page
        assert href == self.base + self.quotes["third"][1], href

    # --- the tests, in order ----------------------------------------------------------------
    def test_link_without_console_session(self):
        self.driver.delete_all_cookies()
        self.go(self.quotes["first"][1])
        assert self.driver.get_cookies() == [], self.driver.get_cookies()
        assert self.css("html").get_attribute("lang") == "nl"
        assert len(self.all("form button[name=decision]")) == 2
        with urllib.request.urlopen(self.base + self.quotes["first"][1]) as answer:
            assert answer.headers["Referrer-Policy"] == "same-origin", answer.headers["Referrer-Policy"]

    def test_accept_needs_name_and_consent(self):
        self.go(self.quotes["first"][1])
        self.submit("button.accept")
        self.wait_for(lambda: self.all("#name-error"))
        assert self.css("#name-error").text == "Typ uw volledige naam om te accepteren.", self.css("#name-error").text
        assert self.css("#consent-error").text.startswith("Vink het vakje aan"), self.css("#consent-error").text
        assert self.css("#name").get_attribute("aria-invalid") == "true"
        assert self.decision("first") is None
        self.css("#name").send_keys("Anna \u202ede Vries")
        self.css("#consent").click()
        self.submit("button.accept")
        self.wait_for(lambda: self.all("#name-error"))
        assert self.css("#name-error").text.startswith("Typ uw naam op één regel"), self.css("#name-error").text
        assert self.decision("first") is None

    def test_accept(self):
        self.go(self.quotes["first"][1])
        consent = self.css("label[for=consent]").text
        assert "offerte " + self.quotes["first"][0] in consent and "299,96" in consent, consent
        self.css("#name").send_keys("Anna de Vries")
        self.css("#consent").click()
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, "customer-accept-nl.png"))
        self.submit("button.accept")
        self.message_page()
        assert self.all("main.message-confirmation-accepted"), self.heading()
        assert self.heading() == "Dank u: uw antwoord is geregistreerd", self.heading()

    def test_reject(self):
        self.driver.delete_all_cookies()
        self.go(self.quotes["second"][1])
        self.submit("button.reject")
        self.message_page()
        assert self.all("main.message-confirmation-rejected"), self.heading()

    def test_cross_site_post_refused(self):
        port = self.start_attacker("third")
        self.refused_from(f"http://localhost:{port}/")
        assert self.decision("third") is None

    def test_same_host_other_port_without_origin_refused(self):
        self.refused_from(f"http://127.0.0.1:{self.attacker.server_address[1]}/hidden")
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, "customer-refused-nl.png"))
        assert self.decision("third") is None
        self.css("main.message a").click()
        self.wait_for(lambda: self.all("form button[name=decision]"))

    def test_api_shows_both(self):
        assert self.decision("first") == "accepted", self.decision("first")
        assert self.decision("second") == "rejected", self.decision("second")
        status, record = self.api("GET", f"/v1/quotes/{self.quotes['first'][0]}")
        assert record["decision"]["channel"] == "customer-link", record["decision"]

    def test_evidence_and_events(self):
        status, record = self.api("GET", f"/v1/quotes/{self.quotes['first'][0]}")
        evidence = record["decision"]["evidence"]
        assert evidence["typedName"] == "Anna de Vries", evidence
        assert evidence["consentVersion"] == "NL-nl-2026-12" and evidence["consentLanguage"] == "nl", evidence
        assert evidence["ip"] == "127.0.0.1", evidence
        assert "Chrome" in evidence["userAgent"], evidence
        assert len(evidence["documentSHA256"]) == 64, evidence
        with urllib.request.urlopen(urllib.request.Request(
                self.base + f"/v1/quotes/{self.quotes['first'][0]}.pdf",
                headers={"Authorization": f"Bearer {DESK_KEY}"})) as answer:
            decided_pdf = answer.read()
        assert b"%PDF" in decided_pdf[:8]
        status, events = self.api("GET", f"/v1/quotes/{self.quotes['first'][0]}/events")
        kinds = [event["kind"] for event in events["events"]]
        # The case has an e-mail address: the decision queued its confirmation.
        assert kinds == ["issued", "viewed", "decided", "emailed"], kinds
        decided = events["events"][2]
        assert decided["actor"] == {"kind": "customer", "name": "Anna de Vries", "role": "customer"}, decided
        assert decided["details"]["typedName"] == "Anna de Vries", decided
        assert decided["ip"] == "127.0.0.1", decided
        assert [event["previousHash"] for event in events["events"][1:]] == [
            event["hash"] for event in events["events"][:-1]]
        status, rejected = self.api("GET", f"/v1/quotes/{self.quotes['second'][0]}")
        assert rejected["decision"]["evidence"] is None, rejected["decision"]

    def test_console_shows_both(self):
        self.sign_in("desk")
        for name, state in [("first", "accepted"), ("second", "rejected"), ("third", "issued")]:
            self.go(f"/console/quotes/{self.quotes[name][0]}")
            shown = self.css("[data-state]").get_attribute("data-state")
            assert shown == state, f"{name}: {shown}"
        self.go(f"/console/quotes/{self.quotes['first'][0]}")
        assert self.css("[data-typed-name]").text == "Anna de Vries"
        events = [item.get_attribute("data-event") for item in self.all("#history li")]
        assert events == ["issued", "viewed", "decided", "emailed"], events
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, "console-history.png"))


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="customer-e2e-")
    link = CustomerLink(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_link_without_console_session", "test_accept_needs_name_and_consent", "test_accept", "test_reject", "test_cross_site_post_refused",
             "test_same_host_other_port_without_origin_refused", "test_api_shows_both", "test_evidence_and_events",
             "test_console_shows_both"]
    return run(link, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
