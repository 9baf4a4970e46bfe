import QuoteFinance

/// One table of a workbook's `Charts` sheet and the column chart drawn from it: a row per
/// category (a month, a market), a column per series, each value a formula over the `Summary`
/// sheet written with its result, so that the chart follows when the user edits the summary and
/// shows the right bars before any recalculation.
///
/// Charges by payer per month in EUR, from a summary whose gross is column J:
///
/// | month   | consumer | manufacturer |
/// |---------|----------|--------------|
/// | 2026-11 | `=SUMIFS(Summary!$J$2:$J$9,…)` → 1,250.00 EUR | … → 80.00 EUR |
public struct ChartTable: Sendable, Equatable {
    /// A formula (without `=`) and its result, computed exactly from the summary's cells.
    public struct Formula: Sendable, Equatable {
        public var text: String
        public var result: SpreadsheetCell
    }

    public struct Row: Sendable, Equatable {
        public var category: SpreadsheetCell
        public var values: [Formula]
    }

    /// The chart's title, also written above the table: `Gross charged by payer per month, EUR`.
    public var title: String
    /// The header of the category column and the chart's horizontal axis: `month`.
    public var categoryHeader: String
    /// The vertical axis: `gross (EUR)`.
    public var valueAxis: String
    /// One per column after the categories; each names a series of the chart.
    public var series: [String]
    public var rows: [Row]
}
