import Foundation
import QuoteTestSupport
import Testing

@testable import repairquote

/// Issue #32 item 7: reports of the store speak of quotes; help texts say what the options do;
/// workbooks fit their columns and print.
@Suite("finance words and workbooks")
struct FinanceWordsTests {
    @Test("from the store: '1 quote read', report lines start with the quote number")
    func storeWords() async throws {
        let (path, _) = try await StoreFixture.store(["nl-out-of-warranty"])
        let check = try CommandLineTests.run(["check", "--db", path])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        #expect(
            check.out.contains("summary: 1 quote read, 1 matched, 0 differing (0 differences), 0 invalid"))
        let reprice = try CommandLineTests.run(["reprice", "--db", path, "--on", "2027-01-01"])
        #expect(reprice.out.hasPrefix("NL-2026-000001: consumer "), "\(reprice.out)")
        let file = try PricesCommandTests.generated(1)
        let fileCheck = try CommandLineTests.run(["check", file])
        #expect(fileCheck.out.contains("summary: 1 line read"), "\(fileCheck.out)")
    }

    @Test("report lines of the store lose their line number; lines without a quote keep it")
    func storeWording() {
        let text = "line 4: NL-2026-000004: consumer 1.00 → 2.00\nline 5: -: invalid: x\nline 6: invalid: y\n"
        #expect(
            StoreWording.quoteLines(text)
                == "NL-2026-000004: consumer 1.00 → 2.00\nline 5: -: invalid: x\nline 6: invalid: y\n")
    }

    @Test("help: --db does not promise to create, --jobs has one default, --summary names state")
    func helpTexts() {
        let export = RepairQuote.helpMessage(for: ExportCommand.self, columns: 200)
        #expect(!export.contains("created if missing"))
        #expect(export.contains("market × month × currency × state × payer"))
        let jobs = export.split(separator: "\n").filter {
            $0.contains("--jobs") || $0.contains("active processors")
        }
        #expect(jobs.joined().components(separatedBy: "default").count == 2, "\(jobs)")
        for option in ["--by", "--from", "--to", "--skip-invalid"] { #expect(export.contains(option)) }
    }

    @Test("a workbook's columns fit their content (capped), pages print landscape, one wide, header repeated")
    func workbookLayout() throws {
        let file = try PricesCommandTests.generated(20)
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CommandLineTests.run(["export", file, "--xlsx", path])
        #expect(result.status == 0, "\(result.err)")
        let book = try OpenedWorkbook.open(path)
        for name in ["Charges", "Summary"] {
            let sheet = try #require(book.sheets[name])
            let print = try #require(sheet.print)
            // fitToWidth 1 is the file format's default, so it is left out of the file (None to openpyxl).
            #expect(print.orientation == "landscape" && print.fitToPage && (print.fitWidth ?? 1) == 1)
            #expect(print.fitHeight == 0)
            #expect(
                print.titleRows == "$1:$1" || print.titleRows == "1:1",
                "\(String(describing: print.titleRows))")
            let widths = try #require(sheet.widths).map { $0 ?? 0 }
            #expect(widths.count == sheet.rows[0].count)
            #expect(widths.allSatisfy { $0 >= 9 && $0 <= 51 }, "\(widths)")  // 50 + the 0.71 Excel adds
            for (column, width) in widths.enumerated() {
                let widest = sheet.values.map { $0[column].count }.max() ?? 0
                #expect(width >= Double(min(widest, 47)), "\(name) column \(column): \(width) < \(widest)")
            }
        }
    }

    @Test("a workbook of more rows than a sheet holds is refused before any work, with a hint")
    func tooManyRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let line = Data((String(repeating: " ", count: 299) + "\n").utf8)
        var chunk = Data()
        for _ in 0..<4096 { chunk.append(line) }
        for _ in 0..<257 { handle.write(chunk) }  // 1,052,672 lines of 300 bytes
        try handle.close()
        let book = WorkbookTests.workbookPath()
        let start = Date()
        let result = try CommandLineTests.run(["export", path, "--xlsx", book])
        #expect(result.status == 2)
        #expect(result.err.contains("1,048,576 rows") && result.err.contains("--summary"), "\(result.err)")
        #expect(result.err.contains("--from"))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(!FileManager.default.fileExists(atPath: book))
    }
}
