#!/usr/bin/env python3
"""What axe-core cannot see on the pages, checked in headless Chromium through Selenium.

Starts a real `repairquote serve` the way customer_test.py does. Reflow: at 320 CSS px, and at
1280 px with the text at 200 %, no page scrolls sideways (the line table may scroll inside its
own box), and each line table has a caption and `scope` on its headers. Language: every page's
`lang`, and English names inside a page of another language marked. Motion: with
`prefers-reduced-motion: reduce` nothing moves. Colour: accepted, rejected and void each say so in
words. Target size: every button and link at least 24×24 CSS px (or, inline in a sentence,
exempt). Time limits: the session's warning comes before its end, "Stay signed in" restarts it,
and a form sent after the end comes back filled after a new sign-in. The accessibility
statement is served and says what docs/console.md says.
Prints `N passed, M failed` last.

Usage: pages_a11y_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import json
import os
import re
import sys
import tempfile

from selenium.webdriver.common.by import By

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import arguments, run  # noqa: E402  (server, browser, helpers, runner)
from customer_test import CustomerLink  # noqa: E402  (the API helpers: issue, api)

# Buttons and links smaller than 24×24 CSS px whose 24-px circle meets another target (WCAG 2.5.8:
# inline links in a sentence are exempt).
SMALL_TARGETS = r"""
const targets = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
  .filter((e) => e.offsetParent !== null && getComputedStyle(e).visibility !== "hidden");
const inline = (e) => e.tagName === "A" && getComputedStyle(e).display === "inline"
  && e.parentElement.textContent.trim().length > e.textContent.trim().length + 20;
const boxes = targets.map((e) => e.getBoundingClientRect());
const small = [];
targets.forEach((e, i) => {
  const r = boxes[i];
  if (r.width >= 24 && r.height >= 24) return;
  if (inline(e) || ["checkbox", "radio"].includes(e.type)) return;  // exempt: inline; the label is the target
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const crowded = boxes.some((o, j) => j !== i && Math.max(o.left - cx, 0, cx - o.right) ** 2
    + Math.max(o.top - cy, 0, cy - o.bottom) ** 2 < 12 * 12);
  if (crowded || r.width < 24 && r.height < 24) small.push(e.outerHTML.slice(0, 80) + ` ${Math.round(r.width)}×${Math.round(r.height)}`);
});
return small;
"""


def words(text):
    return re.sub(r"\s+", " ", re.sub(r"[`*\[\]]|\(mailto:[^)]*\)", "", text)).strip()


class Pages(CustomerLink):
    def start_server(self):
        super().start_server()
        self.issue("zh", "Examples/hk-out-of-warranty.json")

    def no_sideways_scroll(self, what):
        width = self.driver.execute_script("return document.documentElement.scrollWidth;")
        inner = self.driver.execute_script("return document.documentElement.clientWidth;")
        assert width <= inner, f"{what} scrolls sideways: {width} px in {inner}"

    def console_paths(self):
        return ["/console/sign-in", "/console/quotes", "/console/quotes/new",
                f"/console/quotes/{self.quotes['first'][0]}", "/accessibility"]

    def customer_paths(self):
        return [self.quotes["first"][1], self.quotes["zh"][1]]

    # --- the tests, in order ----------------------------------------------------------------
    def test_reflow_320(self):
        self.sign_in("desk")
        self.viewport(320)
        try:
            for path in self.console_paths() + self.customer_paths():
                self.go(path)
                self.no_sideways_scroll(f"{path} at 320 px")
        finally:
            self.viewport(1280)

    def test_text_200_percent(self):
        for path in self.console_paths() + self.customer_paths():
            self.go(path)
            self.driver.execute_script("document.documentElement.style.fontSize = '200%';")
            self.no_sideways_scroll(f"{path} with 200 % text")
        # A browser zoom of 200 % in a 1280-px window lays the page out 640 CSS px wide.
        self.viewport(640)
        try:
            for path in self.console_paths() + self.customer_paths():
                self.go(path)
                self.no_sideways_scroll(f"{path} zoomed to 200 %")
        finally:
            self.viewport(1280)

    def test_line_tables(self):
        for path in [self.quotes["first"][1], f"/console/quotes/{self.quotes['first'][0]}"]:
            self.go(path)
            tables = self.all("table.lines, table.totals")
            assert tables, f"no charge table on {path}"
            for table in tables:
                assert table.find_element(By.TAG_NAME, "caption").text.strip(), f"a table without caption on {path}"
                for th in table.find_elements(By.TAG_NAME, "th"):
                    assert th.get_attribute("scope") in ("col", "row"), f"a header without scope on {path}"

    def test_language(self):
        for path, lang in [("/console/quotes?lang=nl", "nl"), ("/console/quotes?lang=en", "en"),
                           (self.quotes["first"][1], "nl"), (self.quotes["zh"][1], "zh-Hant"), ("/accessibility", "en")]:
            self.go(path)
            assert self.css("html").get_attribute("lang") == lang, f"{path}: lang={self.css('html').get_attribute('lang')}"
        self.go("/console/quotes?lang=nl")
        for link in self.all(".langs a"):  # each language's name in its own language
            assert link.get_attribute("lang") == link.text.strip(), link.get_attribute("outerHTML")
        # Parts named only in English inside a page of another language: QuoteRenderingTests
        # (LineDescriptions.language), as the shipped price lists name every part in every language.

    def test_reduced_motion(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
        try:
            for path in self.console_paths() + self.customer_paths():
                self.go(path)
                moving = self.driver.execute_script(
                    "return [...document.querySelectorAll('*')].filter(e => { const s = getComputedStyle(e);"
                    " return parseFloat(s.transitionDuration) > 0 || (s.animationName !== 'none'); }).length;")
                assert moving == 0, f"{moving} elements still move on {path}"
                assert self.driver.execute_script(
                    "return matchMedia('(prefers-reduced-motion: reduce)').matches;")
        finally:
            self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})

    def test_status_in_words(self):
        number, voided = self.quotes["second"][0], self.quotes["third"][0]
        body = {"decision": "accepted", "channel": "phone"}
        status, _ = self.api("POST", f"/v1/quotes/{number}/decision", json.dumps(body).encode())
        assert status == 200, status
        status, _ = self.api("POST", f"/v1/quotes/{voided}/void", json.dumps({"reason": "test"}).encode())
        assert status == 200, status
        self.go("/console/quotes")
        for row in self.all("tr[data-quote-number]"):
            badge = row.find_element(By.CSS_SELECTOR, ".state")
            assert badge.text.strip(), "a state shown by colour only"
        for number, word in [(number, "Accepted"), (voided, "Void")]:
            self.go(f"/console/quotes/{number}?lang=en")
            assert self.css("[data-state]").text.strip() == word, self.css("[data-state]").text

    def test_target_size(self):
        for path in self.console_paths() + self.customer_paths():
            self.go(path)
            small = self.driver.execute_script(SMALL_TARGETS)
            assert not small, f"targets under 24×24 px on {path}: {small}"

    def test_session_warning_and_extend(self):
        # The page's clock skips 27 min 58 s for delays over a minute: the warning, due 2 minutes
        # before the 30-minute end, comes after 2 s, and the end 2 minutes later. Installed before
        # the page's own scripts.
        script = ("const t = window.setTimeout; window.setTimeout = (f, ms, ...a) =>"
                  " t(f, ms > 60000 ? Math.max(ms - 1678000, 0) : ms, ...a);")
        added = self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})
        try:
            self.go("/console/quotes/new")
            assert self.css("body").get_attribute("data-session-idle") == "1800"
            self.css("input[name=reference]").send_keys("typed before the warning")
            self.wait_for(lambda: self.css("#session-warning").is_displayed(), timeout=10)
            assert self.driver.execute_script("return document.activeElement.id;") == "session-extend"
            assert self.css("#session-warning").get_attribute("role") == "alertdialog"
            self.css("#session-extend").click()
            self.wait_for(lambda: not self.css("#session-warning").is_displayed(), timeout=5)
            assert self.css("input[name=reference]").get_attribute("value") == "typed before the warning"
        finally:
            self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})

    def test_form_kept_after_expiry(self):
        self.fill_case("KEPT-1")
        self.driver.delete_cookie("console_session")  # the session has ended meanwhile
        self.submit("button[name=action][value=preview]")
        assert self.path().startswith("/console/sign-in?next="), self.path()
        self.css("input[name=username]").send_keys("desk")
        self.css("input[name=password]").send_keys("e2e-password-0001")
        self.submit("form[action='/console/sign-in'] button")
        self.wait_for(lambda: self.all("input[name=reference]") and
                      self.css("input[name=reference]").get_attribute("value") == "KEPT-1")
        for name, value in [("customer.name", "Anna de Vries"), ("device.imei", "490154203237518")]:
            assert self.css(f"input[name='{name}']").get_attribute("value") == value, name
        assert self.css("select[name='repair.parts.0.sku']").get_attribute("value") == "X12P-DISPLAY"
        assert self.css("input[name=findings][value=liquid-damage]").is_selected()

    def test_statement(self):
        self.go("/console/quotes")
        self.css(".site-footer a").click()
        self.wait_for(lambda: self.path().startswith("/accessibility"))
        served = words(self.css("#statement").text)
        with open("docs/console.md", encoding="utf-8") as source:
            doc = source.read().split("<!-- statement: served as written -->", 1)[1].split("<!-- /statement -->", 1)[0]
        for line in doc.splitlines():
            line = words(line.lstrip("#- "))
            if line:
                assert line in served, f"docs/console.md says what the served statement does not: {line[:80]}"
        self.driver.delete_all_cookies()
        self.go(self.quotes["zh"][1])
        href = self.css(".page-footer a").get_attribute("href")
        assert href == self.base + "/accessibility", href


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="pages-a11y-e2e-")
    pages = Pages(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_reflow_320", "test_text_200_percent", "test_line_tables", "test_language", "test_reduced_motion",
             "test_status_in_words", "test_target_size", "test_session_warning_and_extend",
             "test_form_kept_after_expiry", "test_statement"]
    return run(pages, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
