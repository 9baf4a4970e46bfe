#!/usr/bin/env python3
"""End-to-end tests of the web console in headless Chromium through Selenium.

Starts a real `repairquote serve` on a free loopback port with a temporary database and users
file, drives the console like a person would, and stops the server by its PID whatever happens.
Prints `N passed, M failed` last; exits 1 when a test failed or Chromium cannot start (never skips).

Usage: console_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
import urllib.error

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import alert_is_present, staleness_of
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "e2e-password-0001"
USERS = [("desk", "service-center", None), ("shop", "retailer", "R-100"),
         ("other-shop", "retailer", "R-200"), ("finance", "finance", None)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Console:
    """The server under test and the browser that drives it."""

    def __init__(self, binary, workdir, screenshots):
        self.binary = binary
        self.workdir = workdir
        self.screenshots = screenshots
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.driver = None
        self.number = None
        self.serve_args = []  # more options of `repairquote serve` (customer_test.py adds --keys)

    # --- set-up -----------------------------------------------------------------------------
    def start_server(self):
        users = os.path.join(self.workdir, "users.json")
        for name, role, retailer in USERS:
            args = [self.binary, "users", "add", name, "--role", role, "--users", users, "--password-stdin"]
            if retailer:
                args += ["--retailer", retailer]
            subprocess.run(args, input=PASSWORD + "\n", text=True, check=True, capture_output=True)
        log = open(os.path.join(self.workdir, "server.log"), "w")
        self.server = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), "--db", os.path.join(self.workdir, "q.sqlite"),
             "--users", users] + self.serve_args, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError("repairquote serve exited: " + open(log.name).read()[-2000:])
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError("repairquote serve did not answer /health within 60 s")

    def start_browser(self):
        options = webdriver.ChromeOptions()
        for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1280,900", "--lang=en-US"]:
            options.add_argument(arg)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            options.binary_location = chromium
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        try:
            self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        except WebDriverException as error:
            raise RuntimeError(f"Chromium could not start ({driver_path}, {chromium}): {error.msg}")
        self.driver.set_page_load_timeout(30)

    def stop(self):
        if self.driver:
            try:
                self.driver.quit()
            except Exception:
                pass
        if self.server and self.server.poll() is None:
            os.kill(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.server.pid, signal.SIGKILL)
                self.server.wait()

    # --- helpers ----------------------------------------------------------------------------
    def go(self, path):
        self.driver.get(self.base + path)

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def path(self):
        return self.driver.current_url[len(self.base):]

    def submit(self, selector):
        """Clicks a button that posts a form and waits until the next page has replaced this one
        (looking for an element of the answer straight after the click raced a slow server)."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.css(selector).click()
        self.wait_replaced(page)

    def wait_replaced(self, page):
        """Waits until `page` (the old document's html element) has been replaced."""
        def replaced(driver):
            try:
                return staleness_of(page)(driver)
            except WebDriverException:
                return True  # Chromium: "Node … does not belong to the document", i.e. replaced

        WebDriverWait(self.driver, 20).until(replaced)

    def confirm(self, selector, accept=True):
        """Clicks a button whose form asks first (data-confirm); returns the question after
        accepting it (and waiting for the next page) or dismissing it."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.css(selector).click()
        WebDriverWait(self.driver, 20).until(alert_is_present())
        alert = self.driver.switch_to.alert
        question = alert.text
        if not accept:
            alert.dismiss()
            return question
        alert.accept()
        self.wait_replaced(page)
        return question

    def sign_in(self, name):
        self.driver.delete_all_cookies()
        self.go("/console/sign-in")
        self.css("input[name=username]").send_keys(name)
        self.css("input[name=password]").send_keys(PASSWORD)
        self.submit("form[action='/console/sign-in'] button")
        WebDriverWait(self.driver, 20).until(lambda d: self.path().startswith("/console/quotes"))

    def wait_for(self, condition, timeout=20):
        WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def select(self, name, value):
        """Chooses a value once the list offers it. The script refills lists when the market or
        the model changes, so the list is looked up afresh on every try."""
        def chosen(_):
            try:
                element = self.css(f"select[name='{name}']")
                if not any(o.get_attribute("value") == value for o in element.find_elements(By.TAG_NAME, "option")):
                    return False
                Select(element).select_by_value(value)
                return True
            except StaleElementReferenceException:
                return False

        WebDriverWait(self.driver, 20).until(chosen)

    def fill_case(self, reference):
        self.go("/console/quotes/new")
        self.select("market", "NL")
        self.select("device.model", "Xiaomi 12 Pro")
        self.select("kind", "repair")
        self.select("serviceMode", "carry-in")
        for name, value in [("reference", reference), ("customer.name", "Anna de Vries"),
                            ("customer.email", "anna@example.nl"), ("device.imei", "490154203237518")]:
            field = self.css(f"input[name='{name}']")
            field.clear()
            field.send_keys(value)
        self.driver.execute_script(
            "document.querySelector(\"input[name='purchase.date']\").value = '2025-01-10';")
        self.select("customer.language", "en")
        self.select("purchase.channel", "mi.com")
        self.css("input[name=findings][value=liquid-damage]").click()
        self.select("repair.labor", "L2")
        self.select("repair.parts.0.sku", "X12P-DISPLAY")

    def fits_width(self):
        return self.driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")

    def viewport(self, width):
        """A phone-sized (or desktop) viewport, by device emulation (window sizes have minimums)."""
        if width >= 1280:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        else:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": True})

    def shoot(self, name, width):
        if not self.screenshots:
            return
        self.viewport(width)
        time.sleep(0.3)
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = int(metrics["cssContentSize"]["height"])
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 4000), "scale": 1}})
        import base64
        with open(os.path.join(self.screenshots, f"console-{name}-{width}.png"), "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        self.viewport(1280)

    # --- the tests, in order ----------------------------------------------------------------
    def test_redirect_and_headers(self):
        self.go("/console/quotes")
        assert self.path().startswith("/console/sign-in"), self.path()
        with urllib.request.urlopen(self.base + "/console/sign-in") as answer:
            csp = answer.headers["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp, csp
            assert answer.headers["X-Frame-Options"] == "DENY"
            assert answer.headers["Cache-Control"] == "no-store"

    def test_sign_in(self):
        self.go("/console/sign-in")
        self.css("input[name=username]").send_keys("desk")
        self.css("input[name=password]").send_keys("a wrong password")
        self.submit("form[action='/console/sign-in'] button")
        assert "not right" in self.css("#sign-in-error").text
        self.sign_in("desk")
        assert self.path().startswith("/console/quotes"), self.path()

    def test_field_errors_on_blur(self):
        """A field is marked once left, or once Issue is pressed; never before it is reached."""
        self.go("/console/quotes/new")
        name = self.css("input[name='customer.name']")
        name.click()
        self.css("input[name='device.imei']").click()
        field = name.find_element(By.XPATH, "./ancestor::div[contains(@class, 'field')]")
        self.wait_for(lambda: "invalid" in field.get_attribute("class"))
        assert field.find_element(By.CSS_SELECTOR, ".field-error").text == field.get_attribute("data-required")
        assert name.get_attribute("aria-invalid") == "true"
        date = "#f-purchase-date"
        # The market's change refreshes the preview, whose page marks what the server found wrong:
        # only the fields left so far may show it.
        self.select("market", "NL")
        self.select("device.model", "Xiaomi 12 Pro")
        time.sleep(2)  # the preview waits 400 ms after the last change, then asks the server
        marked = [e.get_attribute("id") for e in self.all(".field.invalid [aria-invalid=true]")]
        assert marked == ["f-customer-name"], marked
        name.send_keys("Anna de Vries")
        self.css("input[name='device.imei']").click()
        self.wait_for(lambda: "invalid" not in field.get_attribute("class"))
        # Issue with required fields empty: sent; the answer leads with the error summary, focused,
        # and the purchase date is marked and named by it.
        self.submit("button[name=action][value=issue]")
        self.wait_for(lambda: self.all(f".field.invalid {date}"))
        missing = [e.get_attribute("id") for e in self.all(".field.invalid [aria-invalid=true]")]
        assert "f-purchase-date" in missing, missing
        active = self.driver.switch_to.active_element
        assert "error-summary" in (active.get_attribute("class") or ""), active.get_attribute("outerHTML")[:200]
        links = [a.get_attribute("href") for a in self.all(".error-summary a")]
        assert any(href.endswith("#f-purchase-date") for href in links), links

    def test_fill_and_preview(self):
        self.fill_case("E2E-1")
        self.shoot("form", 1280)
        self.shoot("form", 400)
        self.submit("button[name=action][value=preview]")
        self.wait_for(lambda: self.all("#preview [data-total=consumer]"))
        total = self.css("#preview [data-total=consumer]")
        amount = total.get_attribute("data-amount")
        assert re.fullmatch(r"\d+\.\d{2}", amount), amount
        assert "€" in total.text, total.text
        assert self.css("input[name=reference]").get_attribute("value") == "E2E-1"
        self.shoot("preview", 1280)
        self.shoot("preview", 400)

    def test_live_preview(self):
        before = self.css("#preview [data-total=consumer]").get_attribute("data-amount")
        quantity = self.css("input[name='repair.parts.0.quantity']")
        quantity.clear()
        quantity.send_keys("2")
        self.wait_for(lambda: self.css("#preview [data-total=consumer]").get_attribute("data-amount") != before)

    def test_issue(self):
        quantity = self.css("input[name='repair.parts.0.quantity']")
        quantity.clear()
        quantity.send_keys("1")
        self.submit("button[name=action][value=issue]")
        self.wait_for(lambda: self.all("[data-quote-number]"))
        self.number = self.css("[data-quote-number]").get_attribute("data-quote-number")
        assert self.path() == f"/console/quotes/{self.number}?done=issue", self.path()
        assert self.css("p.notice[role=status]").text == "Quote issued.", self.css("p.notice").text
        assert "/q/" in self.css("#customer-link").get_attribute("value")
        assert self.all("#new-link") and self.all("#email-it")
        # The summary line leads, the document follows, the actions come after it.
        summary = self.css("#summary")
        assert "Anna de Vries" in summary.text and "Customer pays" in summary.text, summary.text
        document_top = self.css("section.document").location["y"]
        assert summary.location["y"] < document_top < self.css("#new-link").location["y"]
        self.shoot("quote", 1280)

    def test_list(self):
        self.go("/console/quotes")
        rows = self.all("tr[data-quote-number]")
        assert rows and rows[0].get_attribute("data-quote-number") == self.number
        assert "E2E-1" in rows[0].text and "Anna de Vries" in rows[0].text
        self.shoot("list", 1280)
        self.shoot("list", 400)

    def test_search(self):
        self.go("/console/quotes")
        search = self.css("input[name=q]")
        search.send_keys("E2E-1")
        search.submit()
        self.wait_for(lambda: "q=E2E-1" in self.driver.current_url)
        assert [r.get_attribute("data-quote-number") for r in self.all("tr[data-quote-number]")] == [self.number]
        self.go("/console/quotes?q=nothing-like-this")
        assert not self.all("tr[data-quote-number]")

    def test_decision(self):
        self.go(f"/console/quotes/{self.number}")
        self.css("#d-accepted").click()
        Select(self.css("select[name=channel]")).select_by_value("phone")
        self.css("#note").send_keys("Calls back Friday")
        # A final answer asks first; dismissed, nothing is recorded.
        question = self.confirm("#decision-form button[type=submit]", accept=False)
        assert question.startswith("Record this answer?"), question
        assert self.css("[data-state]").get_attribute("data-state") == "issued"
        self.confirm("#decision-form button[type=submit]")
        self.wait_for(lambda: "done=decision" in self.driver.current_url)
        assert self.css("[data-state]").get_attribute("data-state") == "accepted"
        assert self.css("#decided [data-by]").text == "desk", self.css("#decided").text
        assert self.css("#decided [data-channel]").text == "Phone", self.css("#decided").text
        assert self.css("#decided [data-note]").text == "Calls back Friday", self.css("#decided").text
        assert self.css("#decided [data-at]").text.endswith("(Europe/Amsterdam)"), self.css("#decided").text
        # Decided: no new link, no e-mail, no "earlier links keep working".
        assert not self.all("#new-link") and not self.all("#email-it")
        assert "earlier links keep working" not in self.css("article").text

    def test_email_state(self):
        self.fill_case("E2E-MAIL")
        self.submit("button[name=action][value=issue]")
        self.wait_for(lambda: self.all("#email-it"))
        self.submit("#email-it")
        self.wait_for(lambda: "done=email" in self.driver.current_url)
        # This server has no SMTP relay: the notice says so, and the e-mail stays queued.
        assert "no SMTP relay" in self.css("p.notice[role=status]").text, self.css("p.notice").text
        assert self.css("#emails li").get_attribute("data-email-state") == "queued"

    def test_void_reason(self):
        self.fill_case("E2E-VOID")
        self.submit("button[name=action][value=issue]")
        self.wait_for(lambda: self.all("[data-quote-number]"))
        number = self.css("[data-quote-number]").get_attribute("data-quote-number")
        # Blank passes the browser's `required`; the server marks the field on the quote page.
        self.css("#reason").send_keys("   ")
        assert self.confirm("#void-form button.danger").startswith("Void this quote?")
        assert self.css("#reason").get_attribute("aria-invalid") == "true"
        assert self.css("#reason-error").text.startswith("Give the reason"), self.css("#reason-error").text
        assert self.css("[data-quote-number]").get_attribute("data-quote-number") == number
        self.css("#reason").clear()
        self.css("#reason").send_keys("customer withdrew")
        assert self.confirm("#void-form button.danger").startswith("Void this quote?")
        self.wait_for(lambda: "done=void" in self.driver.current_url)
        assert self.css("#voided [data-reason]").text == "customer withdrew", self.css("#voided").text
        assert self.all("#link-closed") and not self.all("#customer-link")

    def test_phone_layout(self):
        self.viewport(400)
        try:
            for path in ["/console/quotes", "/console/quotes/new", f"/console/quotes/{self.number}"]:
                self.go(path)
                width = self.driver.execute_script("return window.innerWidth;")
                assert width <= 400, f"viewport {width}"
                assert self.fits_width(), f"{path} scrolls sideways at 400 px"
            self.go("/console/quotes")
            cell = self.css("tr[data-quote-number] td")
            assert cell.value_of_css_property("display") != "table-cell", "rows are not stacked"
        finally:
            self.viewport(1280)

    def test_csrf_refusal(self):
        self.fill_case("E2E-CSRF")
        self.driver.execute_script("document.querySelector('#quote-form input[name=csrf]').value = 'forged';")
        self.submit("button[name=action][value=issue]")
        assert "(403)" in self.css("h1").text, self.css("h1").text
        self.go("/console/quotes?q=E2E-CSRF")
        assert not self.all("tr[data-quote-number]")

    def test_retailer_isolation(self):
        self.sign_in("shop")
        self.fill_case("E2E-SHOP")
        self.submit("button[name=action][value=issue]")
        self.wait_for(lambda: self.all("[data-quote-number]"))
        shop_number = self.css("[data-quote-number]").get_attribute("data-quote-number")
        self.sign_in("other-shop")
        self.go(f"/console/quotes/{shop_number}")
        assert "(404)" in self.css("h1").text, self.css("h1").text
        self.go("/console/quotes")
        assert shop_number not in [r.get_attribute("data-quote-number") for r in self.all("tr[data-quote-number]")]

    def test_finance_read_only(self):
        self.sign_in("finance")
        self.go(f"/console/quotes/{self.number}")
        assert self.all("[data-quote-number]")
        assert not self.all("#decision-form")
        self.go("/console/quotes/new")
        assert "(403)" in self.css("h1").text

    def test_sign_out(self):
        self.sign_in("desk")
        self.submit("#sign-out")
        self.wait_for(lambda: self.path().startswith("/console/sign-in"))
        self.go("/console/quotes")
        assert self.path().startswith("/console/sign-in")


def run(runner, order, workdir):
    """Starts the server and the browser, runs `order` (every test_ method the runner's own class
    defines, in order), stops both whatever happens and prints `N passed, M failed`; 0 when all
    passed."""
    assert sorted(order) == sorted(name for name in vars(type(runner)) if name.startswith("test_"))
    passed = failed = 0
    try:
        try:
            runner.start_server()
            runner.start_browser()
        except Exception as error:
            print(f"FAIL set-up: {error}")
            print(f"0 passed, {len(order)} failed")
            return 1
        for name in order:
            try:
                getattr(runner, name)()
                passed += 1
                print(f"ok   {name}")
            except Exception as error:
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {error}")
                traceback.print_exc(limit=3)
    finally:
        runner.stop()
        if failed:
            print("server log: " + os.path.join(workdir, "server.log"))
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/debug/repairquote")
    parser.add_argument("--screenshots")
    return parser.parse_args()


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="console-e2e-")
    console = Console(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_redirect_and_headers", "test_sign_in", "test_field_errors_on_blur", "test_fill_and_preview", "test_live_preview", "test_issue",
             "test_list", "test_search", "test_decision", "test_email_state", "test_void_reason",
             "test_phone_layout", "test_csrf_refusal",
             "test_retailer_isolation", "test_finance_read_only", "test_sign_out"]
    return run(console, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
