#!/usr/bin/env python3
"""Layout tests in headless Chromium: the customer page on a phone, the document in the console.

Starts a real `repairquote serve` the way console_test.py does (its server, browser and runner,
imported), issues quotes through the API and opens their customer links at 320 and 400 px, in
Dutch and in Traditional Chinese: no two cells of the charge tables (lines, totals, the rejection's)
overlap, no cell's text spills out of its cell or into a label, and nothing leaves the viewport
(`scrollWidth <= innerWidth`, every element's box inside). Then the same document inside the
console, at 1280 and 400 px: the line's kind on a line of its own, amounts right-aligned as in
the standalone document, the Copy button on one line, the list cards' labels apart from their
values. Prints `N passed, M failed` last; exits 1 when a test failed or Chromium cannot start.

Usage: layout_test.py --bin .build/debug/repairquote [--screenshots docs/images]
"""
import json
import os
import sys
import tempfile
import time
import urllib.request

sys.dont_write_bytecode = True  # importing console_test leaves no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import Console, arguments, run  # noqa: E402  (server, browser, helpers, runner)
from customer_test import CustomerLink  # noqa: E402  (the API helpers: issue, api)

# Every problem of the page's layout, as sentences (an empty list: none). `selector` picks the
# tables whose cells are compared. A cell's label (`data-label`, shown by `::before`) is measured
# with a probe in the label's font, since a pseudo-element has no box of its own to ask for.
LAYOUT_PROBLEMS = r"""
const selector = arguments[0];
const problems = [];
const slack = 0.5;
const width = window.innerWidth;
const name = (e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "");
const textOf = (e) => e.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
const visible = (r) => r.width > 1 && r.height > 1;
const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
const inside = (inner, outer) => inner.left >= outer.left - slack && inner.right <= outer.right + slack
  && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
function textBoxes(cell) {
  const boxes = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    if (!walker.currentNode.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push(r);
  }
  return boxes;
}
function labelWidth(cell) {
  const style = getComputedStyle(cell, "::before");
  if (!style.content || style.content === "none" || style.content === "normal" || style.display === "none") return 0;
  const probe = document.createElement("span");
  probe.textContent = cell.getAttribute("data-label") || "";
  probe.style.font = style.font;
  probe.style.letterSpacing = style.letterSpacing;
  probe.style.position = "absolute";
  probe.style.whiteSpace = "nowrap";
  document.body.appendChild(probe);
  const measured = probe.getBoundingClientRect().width;
  probe.remove();
  return measured;
}
if (document.documentElement.scrollWidth > width) {
  problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px viewport`);
}
for (const element of document.body.querySelectorAll("*")) {
  const r = element.getBoundingClientRect();
  if (!visible(r) || getComputedStyle(element).visibility === "hidden") continue;
  // Hidden on purpose: visually hidden headers, a skip link parked left of the page until focused.
  const hider = element.closest(".visually-hidden, thead, .skip");
  if (hider && getComputedStyle(hider).position === "absolute" && (r.right <= 0 || hider.getBoundingClientRect().width <= 1)) continue;
  if (r.left < -slack || r.right > width + slack) {
    problems.push(`${name(element)} "${textOf(element)}" leaves the viewport: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
  }
}
for (const table of document.querySelectorAll(selector)) {
  const cells = [...table.querySelectorAll("th, td")].filter((c) => visible(c.getBoundingClientRect())
    && getComputedStyle(c).display !== "none" && getComputedStyle(c.parentElement.parentElement).position !== "absolute");
  const texts = [];
  for (const cell of cells) {
    const box = cell.getBoundingClientRect();
    const boxes = textBoxes(cell);
    for (const t of boxes) {
      if (!inside(t, box)) problems.push(`"${textOf(cell)}" spills out of its cell in ${name(table)}`);
      texts.push([cell, t]);
    }
    const label = labelWidth(cell);
    if (label > 0) {
      const start = box.left + parseFloat(getComputedStyle(cell).paddingLeft) + label;
      for (const t of boxes) {
        if (t.left < start + 6 && t.top < box.top + t.height) {  // a clear space (6 px) between label and value
          problems.push(`"${textOf(cell)}" touches its label "${cell.getAttribute("data-label")}" in ${name(table)}`);
        }
      }
    }
  }
  for (let i = 0; i < cells.length; i++) {
    for (let j = i + 1; j < cells.length; j++) {
      if (cells[i].contains(cells[j]) || cells[j].contains(cells[i])) continue;
      if (overlap(cells[i].getBoundingClientRect(), cells[j].getBoundingClientRect())) {
        problems.push(`cells "${textOf(cells[i])}" and "${textOf(cells[j])}" overlap in ${name(table)}`);
      }
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i][0] !== texts[j][0] && overlap(texts[i][1], texts[j][1])) {
        problems.push(`texts "${textOf(texts[i][0])}" and "${textOf(texts[j][0])}" overlap in ${name(table)}`);
      }
    }
  }
}
return [...new Set(problems)];
"""

CHARGE_TABLES = "main table"


class Layout(CustomerLink):
    """The customer link's API helpers (customer_test.py) with the layout checks."""

    def start_server(self):
        """The server and two quotes: a Dutch document with VAT and a rejection table (the widest
        tables), and Hong Kong's in Chinese (a document is in one of its market's languages)."""
        Console.start_server(self)
        self.issue("nl", "Examples/nl-out-of-warranty.json")
        self.issue("zh-Hant", "Examples/hk-out-of-warranty.json", language="zh-Hant")

    def issue(self, name, example, language=None):
        """Issues a shipped example as of today, in `language` when given."""
        with open(example, encoding="utf-8") as source:
            case = json.load(source)
        case.pop("requestDate", None)
        if language:
            case["customer"]["language"] = language
        status, quote = self.api("POST", "/v1/quotes", json.dumps(case).encode(), {"Idempotency-Key": f"layout-{name}"})
        assert status == 201, f"issue {example}: {status} {quote}"
        self.quotes[name] = (quote["number"], quote["customerLink"][len(self.base):])

    def problems(self, selector=CHARGE_TABLES):
        return self.driver.execute_script(LAYOUT_PROBLEMS, selector)

    def at(self, width, path):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 1280})
        self.go(path)
        time.sleep(0.2)
        inner = self.driver.execute_script("return window.innerWidth;")
        assert inner == width, f"viewport {inner}, not {width}"

    def customer_page(self, name, width, rejection=True):
        self.at(width, self.quotes[name][1])
        assert self.all("main.quote table.lines"), "no charge table"
        assert bool(self.all("section.rejection table.lines")) == rejection, "rejection table"
        problems = self.problems()
        assert not problems, f"{name} at {width} px:\n  " + "\n  ".join(problems[:12])

    def shoot_page(self, file, width):
        """A full-length screenshot of the page at `width` into the screenshots folder."""
        if not self.screenshots:
            return
        self.viewport(width)
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        height = int(metrics["cssContentSize"]["height"])
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1}})
        import base64
        with open(os.path.join(self.screenshots, file), "wb") as out:
            out.write(base64.b64decode(shot["data"]))

    # --- the tests, in order ----------------------------------------------------------------
    def test_customer_page_nl_320(self):
        self.customer_page("nl", 320)
        assert self.css("html").get_attribute("lang") == "nl"

    def test_customer_page_nl_400(self):
        self.customer_page("nl", 400)
        self.shoot_page("customer-400-nl.png", 400)

    def test_customer_page_zh_hant_320(self):
        # A document is in one of its market's languages (docs/rendering.md): Chinese is HK's,
        # whose quotes have no rejection table.
        self.customer_page("zh-Hant", 320, rejection=False)
        assert self.css("html").get_attribute("lang").startswith("zh"), self.css("html").get_attribute("lang")

    def test_customer_page_zh_hant_400(self):
        self.customer_page("zh-Hant", 400, rejection=False)
        self.shoot_page("customer-400-zh-Hant.png", 400)

    def test_customer_page_desktop_keeps_columns(self):
        """At 1280 px the tables stay tables: one row of cells per charge line."""
        self.at(1280, self.quotes["nl"][1])
        cell = self.css("main.quote table.lines tbody td.num")
        assert cell.value_of_css_property("display") == "table-cell", cell.value_of_css_property("display")
        assert self.css("main.quote table.lines thead th").is_displayed()
        problems = self.problems()
        assert not problems, "\n  ".join(problems[:12])

    # --- the document inside the console ----------------------------------------------------
    def console_quote(self, width):
        """The Dutch quote's page in the console with a customer link shown (a new one made)."""
        number = self.quotes["nl"][0]
        self.at(width, f"/console/quotes/{number}")
        if not self.all("#customer-link"):
            self.submit("#new-link")
            self.wait_for(lambda: self.all("#customer-link"))

    def document_checks(self, width):
        """The kind above its description, amounts right-aligned in their columns, the Copy
        button on one line, and no overlap in the document's tables."""
        kinds = self.driver.execute_script("""
            return [...document.querySelectorAll('.document table.lines tbody tr')].map((row) => {
              const kind = row.querySelector('.kind').getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(row.querySelector('.kind').nextSibling);
              return [kind.bottom, range.getBoundingClientRect().top];
            });""")
        assert kinds, "no charge lines in the console's document"
        failures = []
        if any(kind_bottom > description_top + 0.5 for kind_bottom, description_top in kinds):
            failures.append("the kind runs into its description")
        columns = self.driver.execute_script("""
            const edges = {};
            for (const cell of document.querySelectorAll('.document table.lines tbody td.num')) {
              const range = document.createRange();
              range.selectNodeContents(cell);
              const r = range.getBoundingClientRect();
              const table = [...document.querySelectorAll('.document table.lines')].indexOf(cell.closest('table'));
              const key = `table ${table}, ${cell.getAttribute('data-label')}`;
              (edges[key] = edges[key] || []).push([Math.round(r.right), Math.round(cell.getBoundingClientRect().right)]);
            }
            return edges;""")
        assert columns, "no amounts"
        for label, edges in columns.items():
            if len({right for right, _ in edges}) != 1 or any(cell - right > 12 for right, cell in edges):
                failures.append(f"{label}: amounts not right-aligned: {edges}")
        lines = self.driver.execute_script("""
            const button = document.querySelector('button[data-copy]');
            const range = document.createRange();
            range.selectNodeContents(button);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;""")
        if lines != 1:
            failures.append(f"the Copy button's word breaks over {lines} lines")
        failures += self.problems(".document table")
        assert not failures, f"console document at {width} px:\n  " + "\n  ".join(failures[:12])

    def test_console_document_1280(self):
        self.sign_in("desk")
        self.console_quote(1280)
        self.document_checks(1280)

    def test_console_document_400(self):
        self.console_quote(400)
        self.document_checks(400)

    def test_console_form_preview_beside_1280(self):
        """At 1280 px the preview stands beside the form (its total where the eye is); at 400 px
        below it."""
        for width in (1280, 400):
            self.at(width, "/console/quotes/new")
            form, preview = self.driver.execute_script("""
                const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
                return [box(document.getElementById('quote-form')), box(document.getElementById('preview'))];""")
            if width == 1280:
                assert preview[0] >= form[1] and preview[2] < form[3], f"not beside: form {form}, preview {preview}"
            else:
                assert preview[2] >= form[3], f"not below: form {form}, preview {preview}"
            wide = self.driver.execute_script("return document.documentElement.scrollWidth;")
            assert wide <= width, f"the form page is {wide} px wide at {width} px"

    def test_console_list_cards_400(self):
        self.at(400, "/console/quotes")
        assert self.all("tr[data-quote-number]"), "no quotes in the list"
        problems = self.problems("table.quotes")
        assert not problems, "list at 400 px:\n  " + "\n  ".join(problems[:12])

    def test_no_page_load_answered_404(self):
        """Every page above asked for its icon and got it: no request of the run was a 404."""
        with urllib.request.urlopen(self.base + "/metrics", timeout=10) as answer:
            metrics = answer.read().decode()
        counted = [line for line in metrics.splitlines() if line.startswith("repairquote_http_requests_total{")]
        assert not [line for line in counted if 'status="404"' in line], "\n".join(counted)
        assert [line for line in counted if "/favicon." in line], "\n".join(counted)


def main():
    args = arguments()
    workdir = tempfile.mkdtemp(prefix="layout-e2e-")
    layout = Layout(os.path.abspath(args.bin), workdir, args.screenshots)
    order = ["test_customer_page_nl_320", "test_customer_page_nl_400", "test_customer_page_zh_hant_320",
             "test_customer_page_zh_hant_400", "test_customer_page_desktop_keeps_columns",
             "test_console_document_1280", "test_console_document_400", "test_console_form_preview_beside_1280",
             "test_console_list_cards_400",
             "test_no_page_load_answered_404"]
    return run(layout, order, workdir)


if __name__ == "__main__":
    sys.exit(main())
