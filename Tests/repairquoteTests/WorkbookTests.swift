import Foundation
import QuoteTestSupport
import Testing

/// A workbook as openpyxl reads it (`scripts/xlsx_cells.py`), from the test virtual environment
/// `.build/test-venv` that `scripts/setup.sh` makes. A missing Python or openpyxl fails the test.
struct OpenedWorkbook: Decodable {
    struct Cell: Decodable, Equatable {
        var type: String
        var value: String
        var format: String
        /// A formula cell's text (without `=`); `value` is the result stored with it.
        var formula: String?
    }

    /// A chart as openpyxl reads it: each series' name, categories and values as the ranges
    /// they refer to (`Charts!$B$3:$B$5`).
    struct Chart: Decodable {
        struct Series: Decodable {
            var name: String?
            var categories: String?
            var values: String?
        }

        var type: String
        var title: String?
        var series: [Series]
    }

    /// The page setup: orientation, fit to pages, the rows repeated on each page (`$1:$1`).
    struct PrintSetup: Decodable {
        var orientation: String?
        var fitToPage: Bool
        var fitWidth: Int?
        var fitHeight: Int?
        var titleRows: String?
    }

    struct Sheet: Decodable {
        var freeze: String?
        var autofilter: String?
        var rows: [[Cell]]
        var print: PrintSetup?
        var widths: [Double?]?
        var charts: [Chart]?
        /// The cells' values as the CSV writes them.
        var values: [[String]] { rows.map { $0.map(\.value) } }
    }

    var sheets: [String: Sheet]

    static let python = CommandLineTests.root.appendingPathComponent(".build/test-venv/bin/python").path
    static let script = CommandLineTests.root.appendingPathComponent("scripts/xlsx_cells.py").path

    static func open(_ path: String) throws -> OpenedWorkbook {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record(
                "\(python) is missing: run bash scripts/setup.sh (it makes .build/test-venv with openpyxl)")
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let output = String(decoding: data, as: UTF8.self)
            Issue.record(
                "xlsx_cells.py exited \(process.terminationStatus): \(output) (bash scripts/setup.sh installs openpyxl in .build/test-venv)"
            )
            throw CocoaError(.fileReadUnknown)
        }
        return OpenedWorkbook(sheets: try JSONDecoder().decode([String: Sheet].self, from: data))
    }

    /// The sum of a column of amounts in minor units (the values are rounded to the currency's
    /// minor units by the reader, as the CSV writes them).
    static func total(_ rows: [[String]], column: Int) -> Int64 {
        rows.reduce(0) { $0 + Int64($1[column].replacingOccurrences(of: ".", with: ""))! }
    }
}

@Suite("--xlsx: a real workbook, opened with openpyxl")
struct WorkbookTests {
    static func workbookPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).xlsx").path
    }

    @Test("export --xlsx: the CSV's charges as numbers, dates and text, header frozen, totals equal")
    func exportWorkbook() throws {
        let file = try PricesCommandTests.generated(40)
        let path = Self.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["export", file, "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.isEmpty)
        // From a file, the workbook has no (empty) state column; otherwise it is the CSV.
        func withoutState(_ rows: [[String]]) -> [[String]] {
            guard let column = rows.first?.firstIndex(of: "state") else { return rows }
            return rows.map {
                var row = $0; row.remove(at: column); return row
            }
        }
        let csv = withoutState(try StrictCSV.parse(try CommandLineTests.run(["export", file]).out))
        let summaryCSV = withoutState(
            try StrictCSV.parse(try CommandLineTests.run(["export", file, "--summary"]).out))
        let book = try OpenedWorkbook.open(path)
        let charges = try #require(book.sheets["Charges"])
        #expect(charges.freeze == "A2")
        #expect(charges.autofilter == "A1:T\(csv.count)")
        #expect(!charges.values[0].contains("state"))
        #expect(charges.values == csv)
        for row in charges.rows.dropFirst() {
            #expect(row[2].type == "date" && row[2].format == "yyyy-mm-dd")
            #expect(row[5].type == "number")
            let format = "#,##0.00 \"\(row[9].value)\""  // EUR, USD, HKD, PKR: 2 minor digits
            for amount in row[10...12] { #expect(amount.type == "number" && amount.format == format) }
        }
        for column in 10...12 {
            let sheetTotal = OpenedWorkbook.total(Array(charges.values.dropFirst()), column: column)
            #expect(sheetTotal == OpenedWorkbook.total(Array(csv.dropFirst()), column: column))
            #expect(sheetTotal != 0)
        }
        let summary = try #require(book.sheets["Summary"])
        #expect(summary.values == summaryCSV)
        #expect(summary.freeze == "A2")
        #expect(summary.rows.dropFirst().allSatisfy { $0[4...8].allSatisfy { $0.type == "number" } })
        #expect(summary.rows.dropFirst().allSatisfy { $0[1].type == "date" && $0[1].format == "yyyy-mm" })
    }

    @Test("reprice --xlsx: the per-quote results and the summary of --csv, amounts and counts as numbers")
    func repriceWorkbook() throws {
        let file = try PricesCommandTests.generated(30)
        let path = Self.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["reprice", file, "--on", "2027-01-01", "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        let csv = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--on", "2027-01-01", "--csv"]).out)
        let summaryCSV = try StrictCSV.parse(
            try CommandLineTests.run(["reprice", file, "--on", "2027-01-01", "--csv", "--summary"]).out)
        let book = try OpenedWorkbook.open(path)
        let quotes = try #require(book.sheets["Quotes"])
        #expect(quotes.values == csv)
        #expect(quotes.rows.dropFirst().allSatisfy { $0[0].type == "number" && $0[10].type == "number" })
        let summary = try #require(book.sheets["Summary"])
        #expect(summary.values == summaryCSV)
        #expect(summary.rows.dropFirst().allSatisfy { $0[2...8].allSatisfy { $0.type == "number" } })
    }

    @Test("--xlsx into a missing folder or through a file: exit 2 naming --xlsx, no file left")
    func badPath() throws {
        let file = try PricesCommandTests.generated(3)
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let missing = "/nonexistent-\(UUID().uuidString)/out.xlsx"
        for (arguments, reason) in [
            (["export", file, "--xlsx", missing], "does not exist"),
            (
                ["reprice", file, "--on", "2027-01-01", "--xlsx", blocker.path + "/out.xlsx"],
                "is not a folder"
            ),
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains("--xlsx: ") && result.err.contains(reason), "\(result.err)")
            #expect(result.out.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let usage = try CommandLineTests.run(["export", file, "--csv", "--xlsx", Self.workbookPath()])
        #expect(usage.status == 2 && usage.err.contains("--xlsx"))
    }

    @Test(
        "--xlsx over its own input, into a folder, empty, or with CSV text options: exit 2, the input intact")
    func refusedBeforeReading() throws {
        let file = try PricesCommandTests.generated(3)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let folder = FileManager.default.temporaryDirectory.path
        for (arguments, reason) in [
            (["export", file, "--xlsx", file], "would overwrite it"),
            (["reprice", file, "--on", "2027-01-01", "--xlsx", file], "would overwrite it"),
            (["export", file, "--xlsx", folder], "is a folder"),
            (["export", file, "--xlsx", folder + "/"], "is a folder"),
            (["export", file, "--xlsx", ""], "expected a file path"),
            (
                ["reprice", file, "--on", "2027-01-01", "--xlsx", Self.workbookPath(), "--locale", "nl-NL"],
                "leave out"
            ),
            (["export", file, "--xlsx", Self.workbookPath(), "--delimiter", ";"], "leave out"),
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains("--xlsx: ") && result.err.contains(reason), "\(result.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        // An input that cannot be read after the workbook was begun leaves no file behind.
        let folder2 = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder2, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder2) }
        let missingInput = try CommandLineTests.run([
            "export", "--db", folder2.path + "/none.sqlite", "--xlsx", folder2.path + "/x.xlsx",
        ])
        #expect(missingInput.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder2.path).isEmpty)
    }

    @Test("a workbook is written beside its path and renamed: nothing else is left in the folder")
    func noTemporaryLeft() throws {
        let file = try PricesCommandTests.generated(3)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandLineTests.run([
            "export", file, "--xlsx", folder.appendingPathComponent("a.xlsx").path,
        ])
        #expect(result.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.xlsx"])
    }
}
