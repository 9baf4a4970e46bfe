import Foundation
import QuoteTestSupport
import Testing

/// The `Charts` sheet of `export --xlsx` and `reprice --xlsx`, read back with openpyxl: its
/// charts, the ranges their series refer to, the formulas over the `Summary` sheet behind those
/// ranges, and their stored results recomputed here from the summary's own cells.
@Suite("--xlsx: a Charts sheet whose series follow the Summary sheet")
struct WorkbookChartTests {
    /// A reference as a chart's series holds it: `Charts!$B$3:$B$8` or `Charts!$B$2`.
    struct Reference: Equatable {
        var sheet: String
        var column: Int
        var firstRow: Int
        var lastRow: Int

        init?(_ text: String?) {
            guard let text, let bang = text.lastIndex(of: "!") else { return nil }
            sheet = String(text[..<bang]).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            let cells = text[text.index(after: bang)...].split(separator: ":").map {
                $0.replacingOccurrences(of: "$", with: "")
            }
            func split(_ cell: String) -> (Int, Int)? {
                let letters = cell.prefix { $0.isLetter }
                guard let row = Int(cell.dropFirst(letters.count)) else { return nil }
                return (letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1, row)
            }
            guard let first = cells.first.flatMap(split), let last = (cells.last).flatMap(split),
                first.0 == last.0
            else { return nil }
            (column, firstRow, lastRow) = (first.0, first.1, last.1)
        }
    }

    /// The column letters of a 0-based index (the summary has fewer than 26 columns).
    static func letter(_ column: Int) -> String { String(UnicodeScalar(UInt8(65 + column))) }

    /// Checks every chart of `book`'s Charts sheet against its table and returns, per chart, its
    /// title, series names and the cells of its values (category, then one per series).
    static func charted(_ book: OpenedWorkbook) throws -> [(
        title: String, series: [String], rows: [[OpenedWorkbook.Cell]]
    )] {
        let sheet = try #require(book.sheets["Charts"])
        let charts = try #require(sheet.charts)
        return try charts.map { chart in
            #expect(chart.type == "barChart")
            var names: [String] = []
            var rows: [[OpenedWorkbook.Cell]] = []
            for (index, series) in chart.series.enumerated() {
                let name = try #require(Reference(series.name))
                let categories = try #require(Reference(series.categories))
                let values = try #require(Reference(series.values))
                // Categories in column A, the series' values in the next columns, named by the
                // header cell above them, over the same rows.
                #expect([name.sheet, categories.sheet, values.sheet] == ["Charts", "Charts", "Charts"])
                #expect(categories.column == 0 && values.column == index + 1 && name.column == values.column)
                #expect(name.firstRow == values.firstRow - 1)
                #expect(categories.firstRow == values.firstRow && categories.lastRow == values.lastRow)
                names.append(sheet.rows[name.firstRow - 1][name.column].value)
                for (offset, row) in (values.firstRow...values.lastRow).enumerated() {
                    let cells = sheet.rows[row - 1]
                    if index == 0 { rows.append([cells[0]]) }
                    rows[offset].append(cells[values.column])
                }
            }
            return (chart.title ?? "", names, rows)
        }
    }

    @Test(
        "export --db --xlsx: per currency, gross by payer and accepted versus rejected per month, SUMIFS over Summary"
    )
    func exportCharts() async throws {
        let db = try await ReportCommandTests.store(.sqlite)
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["export", "--db", db, "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        let book = try OpenedWorkbook.open(path)
        let summary = try #require(book.sheets["Summary"]).values
        let header = summary[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        let groups = summary.dropFirst().filter {
            !$0[column("month")].isEmpty && !$0[column("payer")].isEmpty
        }
        let grossRange =
            "Summary!$\(Self.letter(column("gross")))$2:$\(Self.letter(column("gross")))$\(summary.count)"
        let charts = try Self.charted(book)
        let currencies = Set(groups.map { $0[column("currency")] })
        #expect(currencies.count >= 3)
        #expect(charts.count == 2 * currencies.count)
        var drawn = 0 as Int64
        for chart in charts {
            let currency = try #require(chart.title.split(separator: " ").last.map(String.init))
            let byState = chart.title.contains("acceptances")
            #expect(currencies.contains(currency), "\(chart.title)")
            #expect(
                chart.series
                    == (byState
                        ? ["accepted", "rejected"]
                        : Set(
                            groups.filter { $0[column("currency")] == currency }.map { $0[column("payer")] }
                        ).sorted()))
            let months = Set(groups.filter { $0[column("currency")] == currency }.map { $0[column("month")] })
            #expect(chart.rows.map { $0[0].value } == months.sorted())
            for row in chart.rows {
                #expect(row[0].type == "date" && row[0].format == "yyyy-mm")
                for (name, cell) in zip(chart.series, row.dropFirst()) {
                    let formula = try #require(cell.formula, "\(chart.title) \(row[0].value) \(name)")
                    #expect(formula.hasPrefix("SUMIFS(\(grossRange),"), "\(formula)")
                    #expect(
                        formula.contains("\"\(currency)\"") && formula.contains("\"\(name)\""), "\(formula)")
                    let expected = groups.filter {
                        $0[column("currency")] == currency && $0[column("month")] == row[0].value
                            && $0[column(byState ? "state" : "payer")] == name
                    }.reduce(0 as Int64) { $0 + ReportCommandTests.minor($1[column("gross")]) }
                    #expect(
                        ReportCommandTests.minor(cell.value) == expected,
                        "\(chart.title) \(row[0].value) \(name)")
                    if !byState { drawn += expected }
                }
            }
        }
        // The payer charts together draw every decided amount of the summary.
        #expect(drawn == groups.reduce(0) { $0 + ReportCommandTests.minor($1[column("gross")]) })
        #expect(drawn != 0)
    }

    @Test("export FILE --xlsx: no states in the summary, so gross by payer per month only")
    func exportFromFile() throws {
        let file = try PricesCommandTests.generated(40)
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["export", file, "--summary", "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        let book = try OpenedWorkbook.open(path)
        let summary = try #require(book.sheets["Summary"]).values
        let currencies = Set(summary.dropFirst().map { $0[summary[0].firstIndex(of: "currency")!] })
        let charts = try Self.charted(book)
        #expect(
            charts.map(\.title).sorted()
                == currencies.sorted().map { "Gross charged by payer per month, \($0)" })
        #expect(
            charts.allSatisfy {
                !$0.rows.isEmpty && $0.rows.allSatisfy { $0.dropFirst().allSatisfy { $0.formula != nil } }
            })
    }

    @Test("reprice --xlsx: per currency, old versus new per market, each bar a Summary cell")
    func repriceCharts() throws {
        let file = try PricesCommandTests.generated(30)
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["reprice", file, "--on", "2027-01-01", "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        let book = try OpenedWorkbook.open(path)
        let summary = try #require(book.sheets["Summary"]).values
        let (market, currency) = (
            summary[0].firstIndex(of: "market")!, summary[0].firstIndex(of: "currency")!
        )
        let charts = try Self.charted(book)
        #expect(charts.count == Set(summary.dropFirst().map { $0[currency] }).count)
        var markets: [String] = []
        for chart in charts {
            #expect(chart.series == ["old", "new"])
            for row in chart.rows {
                markets.append(row[0].value)
                for (name, cell) in zip(chart.series, row.dropFirst()) {
                    let reference = try #require(Reference(cell.formula), "\(chart.title) \(row[0].value)")
                    let column = summary[0].firstIndex(of: name)!
                    #expect(reference.sheet == "Summary" && reference.column == column)
                    let source = summary[reference.firstRow - 1]
                    #expect(source[market] == row[0].value && chart.title.hasSuffix(source[currency]))
                    #expect(cell.value == source[column])
                }
            }
        }
        #expect(markets.sorted() == summary.dropFirst().map { $0[market] }.sorted())
    }
}
