import QuoteCore
import QuoteRendering
import QuoteStore

/// The reports page's view model: the filter form (each refusal beside its field, in the user's
/// language) and, for each report, its charts and its table, cells written in the user's language
/// (months by name, amounts in the currency's format).
struct ReportPageView {
    let pages: ConsolePages
    let language: String
    let format: LocaleFormat?
    let input: ReportFilterInput
    /// The retailer whose quotes alone are shown, when the user is one (the issuer field is fixed).
    let retailer: String?
    let markets: [String]

    /// The query parameters of the filter form, in its order.
    static let fields = ["market", "currency", "from", "to", "issuer", "family"]

    func label(_ key: String) -> String { pages.label(key, language) }

    /// The form's fields: id, label, value, type, options, and the error when refused.
    func form(refusals: [ReportFilterInput.Refusal]) -> [String: Any] {
        let values = [
            "market": input.market, "currency": input.currency, "from": input.from, "to": input.to,
            "issuer": retailer ?? input.issuer, "family": input.modelFamily,
        ]
        let fields: [[String: Any]] = Self.fields.map { name in
            var field: [String: Any] = [
                "id": "report-\(name)", "name": name, "label": label("report.filter.\(name)"),
                "value": values[name].flatMap { $0 } ?? "",
                // Text, not `month`: browsers without a month picker show a plain field anyway,
                // and YYYY-MM typed is what the label asks for.
                "type": "text",
            ]
            field.set("placeholder", ["from": "YYYY-MM", "to": "YYYY-MM"][name])
            if name == "market" {
                field["isSelect"] = true
                field["options"] =
                    [["value": "", "label": label("report.allMarkets"), "selected": input.market == nil]]
                    + markets.map {
                        ["value": $0, "label": $0, "selected": $0 == input.market] as [String: Any]
                    }
            } else {
                field["isInput"] = true
            }
            if name == "issuer", retailer != nil { field["readonly"] = true }
            if let refusal = refusals.first(where: {
                ($0.field == "modelFamily" ? "family" : $0.field) == name
            }) {
                field["invalid"] = true
                field["error"] = label("report.error.\(refusal.problem.rawValue)")
            }
            return field
        }
        return ["filters": fields, "refused": !refusals.isEmpty]
    }

    /// One report block: title, note, charts, the table and the CSV link.
    func block(_ table: ReportTable, filter: ReportFilter, query: String) -> [String: Any] {
        let key = "report.\(table.kind.rawValue)"
        let period = "\(month(filter.from.description)) – \(month(filter.to.description))"
        return [
            "id": table.kind.rawValue, "title": label(key + ".title"), "note": label(key + ".note"),
            "period": period,
            "charts": charts(table).map(\.view),
            "headers": table.header.map { label("report.col.\($0)") },
            "rows": table.cells.map { row in ["cells": row.map(text)] },
            "empty": table.cells.isEmpty, "columns": table.header.count,
            "csv": "/console/reports/csv?report=\(table.kind.rawValue)" + (query.isEmpty ? "" : "&" + query),
        ]
    }

    /// The charts of a report: one for counts and days; one per currency (and ranking) for money,
    /// so that amounts in different currencies never share a scale.
    func charts(_ table: ReportTable) -> [ReportChart] {
        let cells = table.cells
        let id = table.kind.rawValue
        let title = label("report.\(id).title")
        func values(_ row: [ReportTable.Cell], _ columns: [Int]) -> [(Int64, String)] {
            columns.map { (number(row[$0]), text(row[$0])) }
        }
        switch table.kind {
        case .conversion:
            return [
                chart(
                    id, title, series: ["accepted", "rejected"],
                    cells.map { .init(label: text($0[0]), values: values($0, [2, 3])) })
            ]
        case .decisionTime:
            return [
                chart(
                    id, title, series: ["medianDays", "p90Days"],
                    cells.map { .init(label: "\(text($0[0])) · \(text($0[1]))", values: values($0, [3, 4])) })
            ]
        case .payers:
            return groups(cells, by: [1]).map { currency, rows in
                chart(
                    "\(id)-\(currency)", "\(title) (\(currency))", series: ["net", "gross"],
                    rows.map { .init(label: "\(text($0[0])) · \(text($0[2]))", values: values($0, [5, 7])) })
            }
        case .topModels:
            return groups(cells, by: [0, 2]).map { key, rows in
                chart(
                    "\(id)-\(key)", "\(label("report.ranks.\(rows[0][0].csv)")) (\(rows[0][2].csv))",
                    series: ["net"], rows.map { .init(label: text($0[1]), values: values($0, [4])) })
            }
        }
    }

    func chart(_ id: String, _ title: String, series: [String], _ categories: [ReportChart.Category])
        -> ReportChart
    {
        let names = series.map { label("report.col.\($0)") }
        let description =
            label("report.chartDesc")
            .replacingOccurrences(of: "{series}", with: names.joined(separator: ", "))
            .replacingOccurrences(of: "{count}", with: String(categories.count))
        return ReportChart(
            id: "chart-\(id)", title: title, description: description, series: names, categories: categories)
    }

    /// Rows grouped by the text of `columns`, groups in first-seen order.
    func groups(_ cells: [[ReportTable.Cell]], by columns: [Int]) -> [(String, [[ReportTable.Cell]])] {
        var order: [String] = []
        var groups: [String: [[ReportTable.Cell]]] = [:]
        for row in cells {
            let key = columns.map { row[$0].csv }.joined(separator: "-")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The value a chart draws of a cell.
    func number(_ cell: ReportTable.Cell) -> Int64 {
        switch cell {
        case .count(let n): Int64(n)
        case .amount(let minor, _): minor
        case .perMille(let value): Int64(value ?? 0)
        case .text, .month: 0
        }
    }

    /// A cell in the user's language.
    func text(_ cell: ReportTable.Cell) -> String {
        switch cell {
        case .month(let text): return month(text)
        case .amount(let minor, let code):
            guard let currency = Currency.known[code], let format,
                let text = try? format.money(Money(minorUnits: minor, currency: currency))
            else { return "\(code) \(cell.csv)" }
            return text
        case .perMille(let value):
            guard let value else { return "–" }
            return format?.percent(Percent(tenThousandths: Int64(value) * 1000)) ?? cell.csv + "%"
        case .text(let text):
            let key = "report.value.\(text)"
            let said = label(key)
            return said == key ? text : said
        case .count: return cell.csv
        }
    }

    /// `2026-03` as "March 2026" ("maart 2026").
    func month(_ text: String) -> String {
        guard let month = ReportMonth(text), let format else { return text }
        return "\(format.monthName(month.month)) \(month.year)"
    }
}
