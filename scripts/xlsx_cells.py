#!/usr/bin/env python3
"""Prints the sheets of an .xlsx workbook as JSON, read with openpyxl: the real reader the finance
tests open `export --xlsx` and `reprice --xlsx` workbooks with.

Usage: xlsx_cells.py WORKBOOK
Output: {"SHEET": {"freeze": "A2", "autofilter": "A1:Q72", "rows": [[CELL, ...], ...],
"print": {"orientation": "landscape", "fitWidth": 1, "fitHeight": 0, "titleRows": "1:1"},
"widths": [14.0, ...]}, ...}
with CELL {"type": "number" | "date" | "text" | "empty", "value": "...", "format": "...", "formula": "..."}
(formula only for a formula cell: its text without "=", the value being the result stored with it),
and per sheet "charts": [{"type": "barChart", "title": "...", "series": [{"name": "Charts!$B$2",
"categories": "Charts!$A$3:$A$5", "values": "Charts!$B$3:$B$5"}, ...]}, ...].
A number in a currency format (#,##0.00 "EUR") is given as a decimal string rounded (half even)
to the format's decimals, as the CSV writes it; a percentage (0.00%) as +12.34%; a date as YYYY-MM-DD
(a date formatted yyyy-mm as YYYY-MM). Widths are the columns' set widths (null when not set).
Exit status 3 when openpyxl is missing.
"""
import datetime
import json
import re
import sys
from decimal import ROUND_HALF_EVEN, Decimal

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed in this Python (bash scripts/setup.sh makes .build/test-venv with it)")
    sys.exit(3)


def number_text(value, number_format):
    exact = Decimal(repr(value))
    if number_format.endswith("%"):
        digits = len(number_format.split(".")[1].rstrip("%")) if "." in number_format else 0
        percent = (exact * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
        return ("+" if percent > 0 else "") + f"{percent}%"
    match = re.match(r'^#,##0(?:\.(0+))? "[A-Z]{3}"$', number_format)
    if match:
        digits = len(match.group(1) or "")
        return str(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN))
    return str(int(value)) if float(value).is_integer() else repr(value)


def cell_json(cell):
    value = cell.value
    if value is None:
        return {"type": "empty", "value": "", "format": cell.number_format}
    if isinstance(value, datetime.datetime):
        text = value.date().isoformat()
        if cell.number_format == "yyyy-mm":
            text = text[:7]
        return {"type": "date", "value": text, "format": cell.number_format}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"type": "number", "value": number_text(value, cell.number_format), "format": cell.number_format}
    return {"type": "text", "value": str(value), "format": cell.number_format}


def reference(data):
    """The range a series' name, categories or values refer to, or None."""
    if data is None:
        return None
    for kind in ("numRef", "strRef", "multiLvlStrRef"):
        ref = getattr(data, kind, None)
        if ref is not None:
            return ref.f
    return None


def chart_title(chart):
    try:
        return "".join(run.t for paragraph in chart.title.tx.rich.p for run in (paragraph.r or []))
    except AttributeError:
        return None


def chart_json(chart):
    return {
        "type": chart.tagname,
        "title": chart_title(chart),
        "series": [
            {"name": reference(s.tx), "categories": reference(s.cat), "values": reference(s.val)}
            for s in chart.series
        ],
    }


def with_formula(cell, formula_cell):
    entry = cell_json(cell)
    if isinstance(formula_cell.value, str) and formula_cell.value.startswith("="):
        entry["formula"] = formula_cell.value[1:]
    return entry


def main():
    book = openpyxl.load_workbook(sys.argv[1], data_only=True)
    formulas = openpyxl.load_workbook(sys.argv[1])
    sheets = {}
    for sheet in book.worksheets:
        formula_rows = list(formulas[sheet.title].iter_rows())
        sheets[sheet.title] = {
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "rows": [
                [with_formula(cell, formula_rows[r][c]) for c, cell in enumerate(row)]
                for r, row in enumerate(sheet.iter_rows())
            ],
            "charts": [chart_json(chart) for chart in formulas[sheet.title]._charts],
            "print": {
                "orientation": sheet.page_setup.orientation,
                "fitToPage": bool(sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage),
                "fitWidth": sheet.page_setup.fitToWidth,
                "fitHeight": sheet.page_setup.fitToHeight,
                "titleRows": sheet.print_title_rows,
            },
            "widths": [
                sheet.column_dimensions[openpyxl.utils.get_column_letter(index + 1)].width
                if openpyxl.utils.get_column_letter(index + 1) in sheet.column_dimensions
                else None
                for index in range(sheet.max_column)
            ],
        }
    json.dump(sheets, sys.stdout)


if __name__ == "__main__":
    main()
