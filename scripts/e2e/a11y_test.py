#!/usr/bin/env python3
"""Accessibility of every page type, checked by axe-core in headless Chromium through Selenium.

Starts a real `repairquote serve` the way customer_test.py does, issues quotes through the API in
every state (issued, accepted, rejected, superseded, void, expired), then, in one browser session
per language (en, nl, zh-Hant), opens each page type of the console and of the customer link and
runs axe-core (scripts/setup.sh takes it from the wheel of axe-selenium-python into
.build/axe/axe.min.js) with the WCAG 2.0, 2.1 and 2.2 A and AA rules and the best practices, at
1280 and at 400 px. The target is zero violations at every impact level; a rule turned off for a
page says why, in RULES_OFF. The HTML document and the HTML e-mail are checked as files too.
Prints the axe-core version that ran and `N passed, M failed` last.

Usage: a11y_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import copy
import datetime
import email
import email.policy
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import Console, arguments, run  # noqa: E402  (server, browser, helpers, runner)
from customer_test import CustomerLink  # noqa: E402  (the API helpers: issue, api)

AXE_SCRIPT = ".build/axe/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
LANGUAGES = ["en", "nl", "zh-Hant"]
CONSOLE_LANGUAGES = ["en", "nl", "zh-Hant"]
WIDTHS = [1280, 400]
# Rules turned off, by page name prefix, each with the reason. Empty: every rule runs everywhere.
RULES_OFF = {}
# The case each language's customer pages use (its customer's language is the page's).
CASES = {"en": ("Examples/hk-out-of-warranty.json", "en"), "nl": ("Examples/nl-out-of-warranty.json", "nl"),
         "zh-Hant": ("Examples/hk-out-of-warranty.json", "zh-Hant")}

RUN_AXE = """
const done = arguments[arguments.length - 1];
const [tags, off] = arguments;
const rules = {};
for (const id of off) rules[id] = { enabled: false };
axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] })
  .then((r) => done({ version: axe.version, violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n")[1]) })) }))
  .catch((e) => done({ error: String(e) }));
"""


def case_in(language):
    """The language's case as JSON, asked for today."""
    path, customer_language = CASES[language]
    with open(path, encoding="utf-8") as source:
        case = json.load(source)
    case["customer"]["language"] = customer_language
    case.pop("requestDate", None)
    return case


class Accessibility(CustomerLink):
    def __init__(self, binary, workdir, screenshots):
        super().__init__(binary, workdir, screenshots)
        with open(AXE_SCRIPT, encoding="utf-8") as source:
            self.axe_source = source.read()
        self.version = None
        self.problems = []
        self.checked = 0

    # --- helpers ----------------------------------------------------------------------------
    def start_server(self):
        Console.start_server(self)  # the quotes come per language (issue_all)

    def issue_case(self, name, case):
        status, quote = self.api("POST", "/v1/quotes", json.dumps(case).encode(), {"Idempotency-Key": f"a11y-{name}"})
        assert status == 201, f"issue {name}: {status} {quote}"
        self.quotes[name] = (quote["number"], quote["customerLink"][len(self.base):])
        return quote["number"]

    def issue_all(self, language):
        """One quote per state, in `language`."""
        for state in ["issued", "accepted", "rejected", "void", "superseded", "link-accept", "link-reject"]:
            self.issue_case(f"{language}-{state}", case_in(language))
        expired = self.issue_case(f"{language}-expired", case_in(language))
        self.expire(expired)
        number = lambda state: self.quotes[f"{language}-{state}"][0]  # noqa: E731
        for state in ["accepted", "rejected"]:
            body = json.dumps({"decision": state, "channel": "phone", "note": "a11y"}).encode()
            status, answer = self.api("POST", f"/v1/quotes/{number(state)}/decision", body)
            assert status == 200, f"decision: {status} {answer}"
        status, answer = self.api("POST", f"/v1/quotes/{number('void')}/void", json.dumps({"reason": "a11y"}).encode())
        assert status == 200, f"void: {status} {answer}"
        status, answer = self.api("POST", f"/v1/quotes/{number('superseded')}/revise",
                                  json.dumps(case_in(language)).encode(), {"Idempotency-Key": f"a11y-rev-{language}"})
        assert status == 201, f"revise: {status} {answer}"

    def expire(self, number):
        """The server's clock cannot be set: the quote's end of validity moves into the past in this
        run's throw-away database instead, as if it had been issued a month ago. The store's
        triggers keep issued quotes immutable, so they step aside for this one update."""
        with sqlite3.connect(os.path.join(self.workdir, "q.sqlite"), timeout=30) as db:
            triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes'"
                                  " AND sql LIKE '%UPDATE%'").fetchall()
            for name, _ in triggers:
                db.execute(f'DROP TRIGGER "{name}"')
            changed = db.execute("UPDATE quotes SET valid_until = ? WHERE number = ?",
                                 ((datetime.date.today() - datetime.timedelta(days=14)).isoformat(), number)).rowcount
            for _, sql in triggers:
                db.execute(sql)
        assert changed == 1, f"{number} not in the database"

    def axe(self, page, widths=WIDTHS):
        """Runs axe-core on the page shown at each width; collects its violations."""
        off = [rule for prefix, rules in RULES_OFF.items() if page.startswith(prefix) for rule in rules]
        # The page comes at 1280 px; 400 px is emulated, then cleared for the next page.
        for width in widths:
            if width != 1280:
                self.viewport(width)
            if not self.driver.execute_script("return !!window.axe;"):
                self.driver.execute_script(self.axe_source)
            result = self.driver.execute_async_script(RUN_AXE, TAGS, off)
            assert "error" not in result, f"{page}: axe failed: {result['error']}"
            self.version = result["version"]
            self.checked += 1
            for v in result["violations"]:
                self.problems.append(f"{page} at {width} px: {v['id']} ({v['impact']}): {v['help']}: {v['nodes']}")
        self.viewport(1280)

    def verdict(self, what):
        problems, self.problems = self.problems, []
        assert not problems, f"{len(problems)} violations in {what}:\n  " + "\n  ".join(problems)

    # --- the pages, per language ------------------------------------------------------------
    def console_pages(self, language):
        self.driver.delete_all_cookies()
        self.go(f"/console/sign-in?lang={language}")
        self.axe(f"{language} sign-in")
        self.css("input[name=username]").send_keys("desk")
        self.css("input[name=password]").send_keys("wrong password")
        self.submit("form[action='/console/sign-in'] button")
        self.axe(f"{language} sign-in with error")
        self.sign_in("desk")
        self.go("/console/quotes")
        self.axe(f"{language} list")
        self.go("/console/quotes?q=nothing-like-this")
        self.axe(f"{language} list empty")
        self.go("/console/quotes?state=accepted&q=HK")
        self.axe(f"{language} list filtered")
        self.go("/console/quotes/new")
        self.axe(f"{language} form empty")
        self.submit("button[name=action][value=issue]")
        self.axe(f"{language} form with errors")
        self.fill_case(f"A11Y-{language}")
        self.submit("button[name=action][value=preview]")
        self.wait_for(lambda: self.all("#preview [data-total=consumer]"))
        self.axe(f"{language} form with preview")
        for state in ["issued", "accepted", "rejected", "superseded", "void", "expired"]:
            self.go(f"/console/quotes/{self.quotes[f'{language}-{state}'][0]}")
            shown = self.css("[data-state]").get_attribute("data-state")
            assert shown == state, f"{language}-{state}: the console shows {shown}"
            if state == "issued":
                # The decision form is open on every issued quote: checked with an answer chosen.
                self.css("#d-accepted").click()
                assert self.css("#decision-form").is_displayed()
            self.axe(f"{language} quote {state}")
        self.go("/console/quotes/XX-0000-000000")
        self.axe(f"{language} console 404")
        self.sign_in("finance")
        self.go("/console/quotes/new")
        self.axe(f"{language} console 403")
        self.go("/console/reports")
        self.axe(f"{language} reports")
        # The blocks' tables open, as a screen-reader user would read them.
        self.driver.execute_script("document.querySelectorAll('details').forEach((d) => { d.open = true; });")
        self.axe(f"{language} reports with tables open")
        self.go("/console/reports?from=2026-13&currency=EURO")
        self.axe(f"{language} reports with errors")

    def customer_pages(self, language):
        self.driver.delete_all_cookies()
        for state in ["link-accept", "link-reject"]:
            self.go(self.quotes[f"{language}-{state}"][1])
            if state == "link-accept":
                self.axe(f"{language} customer undecided")
                self.submit("button.accept")
                self.wait_for(lambda: self.all("#name-error"))
                self.axe(f"{language} customer acceptance refused (errors by the fields)")
                self.css("#name").send_keys("Anna de Vries")
                self.css("#consent").click()
            self.submit("button.accept" if state == "link-accept" else "button.reject")
            self.message_page()
            self.axe(f"{language} customer after {state}")
            self.go(self.quotes[f"{language}-{state}"][1])
            self.axe(f"{language} customer {state} decided")
        for state in ["void", "superseded", "expired"]:
            self.go(self.quotes[f"{language}-{state}"][1])
            self.message_page()
            self.axe(f"{language} customer 410 {state}")
        if language == "en":  # an unknown link has no quote, so no language but the reader's (en-US here)
            self.go("/q/not-a-token")
            self.axe(f"{language} customer 404")

    def language_session(self, language):
        """One browser of its own for the language: its console pages and its customer pages.
        A copy of this runner sharing the server; returns it, with its checks and violations.
        The console speaks en, nl and zh-Hant (ConsolePages.languages): each session checks both."""
        session = copy.copy(self)
        session.problems, session.checked, session.driver = [], 0, None
        try:
            session.start_browser()
            session.driver.set_script_timeout(60)
            if language in CONSOLE_LANGUAGES:
                session.console_pages(language)
            session.customer_pages(language)
        finally:
            if session.driver:
                session.driver.quit()
        return session

    # --- the tests, in order ----------------------------------------------------------------
    def test_pages_in_three_languages(self):
        """en, nl and zh-Hant, one browser session each."""
        for language in LANGUAGES:
            self.issue_all(language)
        # One after the other: three browsers at once were slower on two shared cores (105 s against 89).
        sessions = {language: self.language_session(language) for language in LANGUAGES}
        for language, session in sessions.items():
            self.checked += session.checked
            self.version = session.version or self.version
            self.problems += session.problems
            print(f"     {language}: {session.checked} page checks")
        self.verdict("the pages")

    def test_files(self):
        """The HTML document and the HTML e-mail, opened as files, in each language."""
        for language in LANGUAGES:
            case = os.path.join(self.workdir, f"case-{language}.json")
            with open(case, "w", encoding="utf-8") as out:
                json.dump(case_in(language), out)
            document = os.path.join(self.workdir, f"document-{language}.html")
            subprocess.run([self.binary, "quote", case, "--format", "html", "--output", document], check=True)
            mime = subprocess.run([self.binary, "email", case, "--from", "quotes@service.example", "--dry-run",
                                   "--no-attachment"], check=True, capture_output=True).stdout
            message = email.message_from_bytes(mime, policy=email.policy.default)
            html = message.get_body(preferencelist=("html",)).get_content()
            mail = os.path.join(self.workdir, f"email-{language}.html")
            with open(mail, "w", encoding="utf-8") as out:
                out.write(html)
            for name, path in [("document", document), ("e-mail", mail)]:
                self.driver.get("file://" + path)
                lang = self.css("html").get_attribute("lang")
                assert lang == language, f"{name} in {language}: lang={lang}"
                self.axe(f"{language} {name} file")
        print(f"     axe-core {self.version}: {self.checked} page checks in all")
        self.verdict("the files")


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="a11y-e2e-")
    started = time.time()
    checks = Accessibility(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_pages_in_three_languages", "test_files"]
    status = run(checks, order, workdir)
    print(f"axe-core {checks.version}: {checks.checked} checks ({', '.join(TAGS)}) in {time.time() - started:.0f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
