import Foundation
import QuoteCore
import QuoteFinance

/// What the `Charts` sheet of the finance workbooks shows, as ``ChartTable``s over the `Summary`
/// sheet's cells; each currency on its own, since amounts in different currencies are never
/// added or drawn on one axis.
///
/// - `export --xlsx`: the gross charged to each payer per month, and (from the store, whose
///   summary has states) the gross fixed by acceptances and by rejections per month. Each value
///   is a `SUMIFS` over the summary's gross column, for the month, currency and payer (or state).
/// - `reprice --xlsx`: the consumer total under the old and the new price list per market; each
///   value refers to the summary's `old` or `new` cell of that market.
public enum FinanceCharts {
    /// A chart's total that does not fit in 64-bit minor units.
    public struct Overflow: Error, CustomStringConvertible {
        public var description: String
    }

    /// The tables of `export --xlsx` over the summary's `header` (as the sheet keeps it) and `rows`.
    public static func export(summaryHeader header: [String], rows: [[SpreadsheetCell]]) throws(Overflow)
        -> [ChartTable]
    {
        let summary = SummaryColumns(header: header, rows: rows)
        guard let month = summary.index("month"), let currency = summary.index("currency"),
            let payer = summary.index("payer"), summary.index("gross") != nil
        else { return [] }
        var tables: [ChartTable] = []
        for code in sortedDistinct(rows.map { summary.text($0, currency) }) {
            let charged = rows.filter {
                summary.text($0, currency) == code && !summary.text($0, month).isEmpty
                    && !summary.text($0, payer).isEmpty
            }
            guard !charged.isEmpty else { continue }
            let payers = sortedDistinct(charged.map { summary.text($0, payer) })
            tables.append(
                try monthly(
                    summary, currency: code, of: charged, by: payer, series: payers,
                    title: "Gross charged by payer per month, \(code)"))
            if let state = summary.index("state") {
                tables.append(
                    try monthly(
                        summary, currency: code, of: charged, by: state, series: ["accepted", "rejected"],
                        title: "Gross fixed by acceptances and by rejections per month, \(code)"))
            }
        }
        return tables
    }

    /// The tables of `reprice --xlsx` over the summary's `header` and `rows`.
    public static func reprice(summaryHeader header: [String], rows: [[SpreadsheetCell]]) -> [ChartTable] {
        let summary = SummaryColumns(header: header, rows: rows)
        guard let market = summary.index("market"), let currency = summary.index("currency"),
            let old = summary.index("old"), let new = summary.index("new")
        else { return [] }
        return sortedDistinct(rows.map { summary.text($0, currency) }).map { code in
            ChartTable(
                title: "Consumer totals per market, old versus new price list, \(code)",
                categoryHeader: "market", valueAxis: "consumer total (\(code))", series: ["old", "new"],
                rows: rows.indices.filter { summary.text(rows[$0], currency) == code }.map { index in
                    ChartTable.Row(
                        category: rows[index][market],
                        values: [old, new].map {
                            ChartTable.Formula(text: summary.cell($0, row: index), result: rows[index][$0])
                        })
                })
        }
    }

    /// Months in rows, a column per name of the `by` column: the gross of the summary's groups of
    /// that month, currency and name.
    static func monthly(
        _ summary: SummaryColumns, currency code: String, of charged: [[SpreadsheetCell]], by column: Int,
        series names: [String], title: String
    ) throws(Overflow) -> ChartTable {
        let (month, currency, gross) = (
            summary.index("month")!, summary.index("currency")!, summary.index("gross")!
        )
        var months: [String: SpreadsheetCell] = [:]
        for row in charged { months[summary.text(row, month)] = row[month] }
        let unit = charged.lazy.compactMap { row -> Currency? in
            if case .money(_, let currency) = row[gross] { currency } else { nil }
        }.first
        var rows: [ChartTable.Row] = []
        for (monthText, monthCell) in months.sorted(by: { $0.key < $1.key }) {
            var values: [ChartTable.Formula] = []
            for name in names {
                let groups = charged.filter {
                    summary.text($0, month) == monthText && summary.text($0, column) == name
                }
                let criteria = [
                    (month, criterion(monthCell)), (currency, quoted(code)), (column, quoted(name)),
                ].map { "\(summary.range($0.0)),\($0.1)" }
                values.append(
                    ChartTable.Formula(
                        text: "SUMIFS(\(summary.range(gross)),\(criteria.joined(separator: ",")))",
                        result: try total(groups.map { $0[gross] }, unit: unit, title: title)))
            }
            rows.append(ChartTable.Row(category: monthCell, values: values))
        }
        return ChartTable(
            title: title, categoryHeader: "month", valueAxis: "gross (\(code))", series: names, rows: rows)
    }

    /// The sum of amounts in one currency, exact, as a money cell (zero when there are none).
    static func total(_ cells: [SpreadsheetCell], unit: Currency?, title: String) throws(Overflow)
        -> SpreadsheetCell
    {
        var sum: Int64 = 0
        for case .money(let amount, _) in cells {
            let (next, overflow) = sum.addingReportingOverflow(amount)
            guard !overflow else {
                throw Overflow(description: "\(title): the total overflows 64-bit minor units")
            }
            sum = next
        }
        return unit.map { .money(sum, $0) } ?? .integer(Int(sum))
    }

    /// A month cell as a formula's criterion: `DATE(2026,11,1)`, equal to the date the summary holds.
    static func criterion(_ month: SpreadsheetCell) -> String {
        guard case .month(let date) = month else { return quoted(month.csvField(.standard)) }
        return "DATE(\(date.year),\(date.month),1)"
    }

    /// A text as a formula's string literal: `"consumer"`, quotes doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func sortedDistinct(_ texts: [String]) -> [String] { Array(Set(texts)).sorted() }
}
