#!/usr/bin/env python3
"""Keyboard-only tests of the console and the customer link, and the error summary, in headless
Chromium through Selenium.

Starts a real `repairquote serve` the way customer_test.py does. With Tab, Shift+Tab, Enter, Space
and the arrow keys alone (ActionChains): sign in, fill the quote form, preview, issue, make a
customer link, record an answer, sign out; on the customer page, accept one quote and reject
another. At every stop the focused element shows a focus ring (its computed outline or
box-shadow); the skip link is the first stop; the focus order follows the visual order; Tab
reaches the page's last control and Shift+Tab walks back the same way (no trap). After a failed
submit, in English and Dutch, the focus is on an error summary whose entries link to their
fields, and each field names its error with aria-describedby.
Prints `N passed, M failed` last.

Usage: keyboard_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import os
import sys
import tempfile

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.expected_conditions import alert_is_present
from selenium.webdriver.support.ui import WebDriverWait

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import PASSWORD, arguments, run  # noqa: E402  (server, browser, helpers, runner)
from customer_test import CustomerLink  # noqa: E402  (the API helpers: issue, api)

# The focused element: a name for messages, its box, and whether a focus ring shows.
FOCUSED = r"""
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e);
const r = e.getBoundingClientRect();
const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== "none");
// A link inside a sentence is exempt from the 24-px target size (WCAG 2.5.8, "inline").
const inline = e.tagName === "A" && s.display === "inline"
  && e.parentElement.textContent.trim().length > e.textContent.trim().length + 20;
const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.name ? "[name=" + e.name + "]" : "")
  + (e.getAttribute("href") ? "[href=" + e.getAttribute("href") + "]" : "") + (e.value && e.tagName === "BUTTON" ? "[value=" + e.value + "]" : "");
return { name, ring, inline, top: r.top + scrollY, left: r.left + scrollX, bottom: r.bottom + scrollY, right: r.right + scrollX,
         height: r.height, width: r.width };
"""


class Keyboard(CustomerLink):
    def __init__(self, binary, workdir, screenshots):
        super().__init__(binary, workdir, screenshots)
        self.stops = []

    # --- keys -------------------------------------------------------------------------------
    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def focused(self):
        return self.driver.execute_script(FOCUSED)

    def tab(self, back=False):
        """One Tab (or Shift+Tab); the new stop, checked for a focus ring."""
        if back:
            ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        else:
            self.press(Keys.TAB)
        # A date field hands the focus on a moment later (its segments are inner fields); after its
        # last segment one Tab leaves it for no element (Chromium), the next goes on.
        try:
            self.wait_for(lambda: self.driver.execute_script(
                "const e = document.activeElement; return !e || e === document.body || e.matches(':focus');"), timeout=1)
        except Exception:
            return None
        stop = self.focused()
        if stop:
            assert stop["ring"], f"{stop['name']} shows no focus ring on {self.path()}"
            assert stop["inline"] or (stop["width"] >= 24 and stop["height"] >= 24), \
                f"{stop['name']} is smaller than 24×24 px: {stop}"
            self.stops.append(stop)
        return stop

    def tab_to(self, selector, limit=80):
        """Tabs until `selector` has the focus; every stop on the way is checked."""
        for _ in range(limit):
            stop = self.tab()
            if stop and self.driver.execute_script("return document.activeElement.matches(arguments[0]);", selector):
                return stop
        raise AssertionError(f"{selector} not reached with Tab on {self.path()}: {[s['name'] for s in self.stops[-8:]]}")

    def start_page(self, path):
        self.go(path)
        self.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
        self.stops = []

    def type_text(self, text):
        self.press(text)

    def choose(self, name, value):
        """Tabs to a list and moves through it with the arrow keys until it shows `value`."""
        self.tab_to(f"select[name='{name}']")
        self.wait_for(lambda: self.driver.execute_script(
            "return [...document.activeElement.options].some(o => o.value === arguments[0]);", value))
        for _ in range(60):
            current, wanted = self.driver.execute_script(
                "const s = document.activeElement; return [s.selectedIndex, [...s.options].findIndex(o => o.value === arguments[0])];",
                value)
            if current == wanted:
                return
            self.press(Keys.ARROW_DOWN if wanted > current else Keys.ARROW_UP)
        raise AssertionError(f"{name}: {value} not reached with the arrow keys")

    def enter_and_wait(self, key=Keys.ENTER):
        page = self.css("html")
        self.press(key)
        self.wait_replaced(page)

    def assert_visual_order(self):
        """Each stop is below the one before, or on its row further right, or at the top of a new
        column to the right (the form's two columns of fieldsets)."""
        for before, after in zip(self.stops, self.stops[1:]):
            down = after["top"] >= before["top"] - 4
            right = after["left"] >= before["right"] - 4
            assert down or right, f"focus goes from {before['name']} up-left to {after['name']} on {self.path()}"

    # --- the tests, in order ----------------------------------------------------------------
    def test_sign_in_by_keyboard(self):
        self.driver.delete_all_cookies()
        self.start_page("/console/sign-in?lang=en")
        first = self.tab()
        assert first and "skip" in self.driver.execute_script("return document.activeElement.className;"), first
        assert first["left"] >= 0, "the skip link stays off screen when focused"
        if self.screenshots:
            self.driver.save_screenshot(os.path.join(self.screenshots, "console-focus-ring-1280.png"))
        self.press(Keys.ENTER)
        assert self.driver.execute_script("return document.activeElement.id;") == "main"
        self.stops = []
        self.tab_to("#username")
        self.type_text("desk")
        self.tab_to("#password")
        self.type_text(PASSWORD)
        self.enter_and_wait()
        self.wait_for(lambda: self.path().startswith("/console/quotes"))

    def test_form_preview_issue_by_keyboard(self):
        self.start_page("/console/quotes")
        self.tab_to("a[href='/console/quotes/new']")
        self.enter_and_wait()
        self.stops = []
        self.choose("market", "NL")
        self.choose("kind", "repair")
        self.choose("serviceMode", "carry-in")
        self.tab_to("input[name=reference]")
        self.type_text("KEYS-1")
        self.tab_to("input[name='customer.name']")
        self.type_text("Anna de Vries")
        self.tab_to("input[name='customer.email']")
        self.type_text("anna@example.nl")
        self.choose("customer.language", "en")
        self.choose("device.model", "Xiaomi 12 Pro")
        self.tab_to("input[name='device.imei']")
        self.type_text("490154203237518")
        self.tab_to("input[name='purchase.date']")
        self.type_text("01102025")  # en-US date field: month, day, year
        assert self.css("input[name='purchase.date']").get_attribute("value") == "2025-01-10"
        self.choose("purchase.channel", "mi.com")
        self.tab_to("input[name=findings][value=liquid-damage]")
        self.press(Keys.SPACE)
        assert self.css("input[name=findings][value=liquid-damage]").is_selected()
        self.choose("repair.labor", "L2")
        self.choose("repair.parts.0.sku", "X12P-DISPLAY")
        self.tab_to("button[name=action][value=preview]")
        self.enter_and_wait()
        self.wait_for(lambda: self.all("#preview [data-total=consumer]"))
        self.stops = []
        self.tab_to("button[name=action][value=issue]")
        self.enter_and_wait()
        self.wait_for(lambda: self.all("[data-quote-number]"))
        self.number = self.css("[data-quote-number]").get_attribute("data-quote-number")
        assert "done=issue" in self.driver.current_url, self.driver.current_url

    def test_link_and_decision_by_keyboard(self):
        self.start_page(f"/console/quotes/{self.number}")
        self.tab_to("#new-link")
        self.enter_and_wait()
        self.wait_for(lambda: "done=link" in self.driver.current_url)
        assert "/q/" in self.css("#customer-link").get_attribute("value")
        self.start_page(f"/console/quotes/{self.number}")
        self.tab_to("#d-accepted")
        self.press(Keys.SPACE)
        self.press(Keys.ARROW_DOWN)  # the arrows move between the answers
        assert self.css("#d-rejected").is_selected()
        self.press(Keys.ARROW_UP)
        assert self.css("#d-accepted").is_selected()
        self.choose("channel", "phone")
        self.tab_to("#note")
        self.type_text("Keyboard only")
        self.tab_to("#decision-form button[type=submit]")
        page = self.css("html")
        self.press(Keys.ENTER)
        WebDriverWait(self.driver, 20).until(alert_is_present())
        self.driver.switch_to.alert.accept()  # the browser's own dialog: Enter on OK
        self.wait_replaced(page)
        assert self.css("[data-state]").get_attribute("data-state") == "accepted"
        assert self.css("#decided [data-note]").text == "Keyboard only"

    def test_order_and_no_trap(self):
        """Tab through the whole quote page to its last control and back with Shift+Tab."""
        self.start_page(f"/console/quotes/{self.number}")
        forward = []
        for _ in range(120):
            stop = self.tab()
            if stop:
                forward.append(stop)
            if stop is None or "accessibility" in stop["name"]:
                break
        last = self.driver.execute_script(
            "const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]"
            ".filter(e => e.offsetParent !== null); return all[all.length - 1].outerHTML.slice(0, 80);")
        assert forward and "accessibility" in forward[-1]["name"], f"Tab stopped at {forward[-1:]} (last control {last})"
        after = self.tab()
        assert after is None or after["name"] != forward[-1]["name"], "the focus stays on the last control"
        self.stops = list(forward)
        self.assert_visual_order()
        self.driver.execute_script("document.querySelector('.site-footer a').focus();")
        back = [(self.tab(back=True) or {}).get("name") for _ in range(len(forward) - 1)]
        assert back == [s["name"] for s in reversed(forward[:-1])], f"Shift+Tab order differs: {back} against {[s['name'] for s in forward]}"

    def test_sign_out_by_keyboard(self):
        self.start_page("/console/quotes")
        self.tab_to("#sign-out")
        self.enter_and_wait()
        self.wait_for(lambda: self.path().startswith("/console/sign-in"))

    def test_customer_accept_and_reject_by_keyboard(self):
        self.issue("keys-accept", "Examples/nl-out-of-warranty.json")
        self.issue("keys-reject", "Examples/hk-out-of-warranty.json")
        self.driver.delete_all_cookies()
        for name, button, code in [("keys-accept", "button.accept", "accepted"), ("keys-reject", "button.reject", "rejected")]:
            self.start_page(self.quotes[name][1])
            if code == "accepted":
                # The full name typed, the consent box ticked with Space, all by keyboard.
                self.tab_to("#name", limit=10)
                self.type_text("Anna de Vries")
                self.tab_to("#consent", limit=3)
                self.press(Keys.SPACE)
                assert self.css("#consent").is_selected()
            self.tab_to(button, limit=10)
            self.assert_visual_order()
            self.enter_and_wait(Keys.SPACE if code == "rejected" else Keys.ENTER)
            self.message_page()
            assert self.all(f"main.message-confirmation-{code}"), self.heading()
            assert self.decision(name) == code, self.decision(name)

    def test_error_summary(self):
        """A failed submit, in English and in Dutch: focus on the summary, links to the fields."""
        self.sign_in("desk")
        for language in ["en", "nl"]:
            self.go(f"/console/quotes/new?lang={language}")
            self.css("input[name='customer.email']").send_keys("not an address")
            self.submit("button[name=action][value=issue]")
            assert self.css("html").get_attribute("lang") == language
            active = self.driver.execute_script("return document.activeElement.id;")
            assert active == "error-summary", f"{language}: the focus is on #{active}, not the error summary"
            summary = self.css("#error-summary")
            assert summary.get_attribute("role") == "alert"
            links = summary.find_elements("css selector", "a")
            assert links, "an empty error summary"
            for link in links:
                target = link.get_attribute("href").split("#", 1)[1]
                field = self.css(f"#{target}")
                described = field.get_attribute("aria-describedby")
                assert described, f"{language}: #{target} names no error"
                message = self.css(f"#{described}").text
                assert message and message in link.text, f"{language}: '{link.text}' vs '{message}'"
            if self.screenshots and language == "en":
                self.viewport(400)
                self.driver.execute_script("document.getElementById('error-summary').focus();")
                self.driver.save_screenshot(os.path.join(self.screenshots, "console-error-summary-400.png"))
                self.viewport(1280)
            self.stops = []
            self.tab()  # the summary's first link, then Enter: the field has the focus
            self.press(Keys.ENTER)
            target = links[0].get_attribute("href").split("#", 1)[1]
            self.wait_for(lambda: self.driver.execute_script("return document.activeElement.id;") == target)
        self.go("/console/sign-in?lang=nl")
        self.driver.delete_all_cookies()
        self.go("/console/sign-in?lang=nl")
        self.css("#username").send_keys("desk")
        self.css("#password").send_keys("wrong")
        self.submit("form[action='/console/sign-in'] button")
        assert self.driver.execute_script("return document.activeElement.id;") == "sign-in-error"
        assert self.css("#username").get_attribute("aria-describedby") == "sign-in-error"


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="keyboard-e2e-")
    keyboard = Keyboard(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_sign_in_by_keyboard", "test_form_preview_issue_by_keyboard", "test_link_and_decision_by_keyboard",
             "test_order_and_no_trap", "test_sign_out_by_keyboard", "test_customer_accept_and_reject_by_keyboard",
             "test_error_summary"]
    return run(keyboard, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
