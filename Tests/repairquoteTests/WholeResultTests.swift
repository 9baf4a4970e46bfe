import Foundation
import QuoteTestSupport
import Testing

/// Issue #32 items 5 and 6: never a partial result that looks whole; the same input, the same answer.
@Suite("finance commands write a whole result or nothing")
struct WholeResultTests {
    /// A generated file with its second line replaced by one that cannot be read.
    static func withInvalidLine(_ count: Int = 4) throws -> String {
        let file = try PricesCommandTests.generated(count)
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = #"{"case": {}, "quote": 3}"#
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test("an invalid line: no CSV at all, exit 2, the line listed; --skip-invalid exports the rest")
    func csvNothingOrRest() throws {
        let file = try Self.withInvalidLine()
        for arguments in [
            ["export", file], ["export", file, "--summary"], ["reprice", file, "--on", "2027-01-01"],
        ] {
            let refused = try CommandLineTests.run(arguments)
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.out.isEmpty, "\(arguments): \(refused.out.prefix(200))")
            #expect(refused.err.contains("line 2: invalid: "), "\(refused.err)")
            #expect(refused.err.contains("1 of 4 lines invalid: nothing written"), "\(refused.err)")
        }
        let skipped = try CommandLineTests.run(["export", file, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.err)")
        #expect(skipped.err.contains("skipped 1 of 4 lines (invalid)"))
        let whole = try CommandLineTests.run(["export", try PricesCommandTests.generated(4)])
        let kept = Set(try StrictCSV.parse(skipped.out).dropFirst().map { $0[0] })
        let all = Set(try StrictCSV.parse(whole.out).dropFirst().map { $0[0] })
        #expect(kept.count == 3 && kept.isSubset(of: all))
        let reprice = try CommandLineTests.run(["reprice", file, "--on", "2027-01-01", "--skip-invalid"])
        #expect(reprice.status == 0 && reprice.out.contains("summary: "), "\(reprice.err)")
    }

    @Test("an invalid line leaves an existing workbook as it was; --skip-invalid adds a Skipped sheet")
    func workbookNothingOrSkipped() throws {
        let file = try Self.withInvalidLine()
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a complete workbook".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try CommandLineTests.run(["export", file, "--xlsx", path])
        #expect(refused.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a complete workbook")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(
            try !FileManager.default.contentsOfDirectory(atPath: folder).contains {
                $0.hasSuffix(".tmp") && $0.contains(URL(fileURLWithPath: path).lastPathComponent)
            })
        let skipped = try CommandLineTests.run(["export", file, "--xlsx", path, "--skip-invalid"])
        #expect(skipped.status == 0, "\(skipped.err)")
        #expect(skipped.err.contains("skipped 1 of 4 lines"))
        let sheet = try #require(try OpenedWorkbook.open(path).sheets["Skipped"])
        #expect(sheet.values.first == ["line", "reason"])
        #expect(
            sheet.values.count == 2 && sheet.values[1][0] == "2"
                && sheet.values[1][1] == "quote: expected an object, got a number")
    }

    @Test("a UTF-8 byte-order mark is read by check, export and reprice alike")
    func byteOrderMark() throws {
        let file = try PricesCommandTests.generated(3)
        let plain = try String(contentsOfFile: file, encoding: .utf8)
        let marked = file + ".bom.jsonl"
        try Data([0xEF, 0xBB, 0xBF] + Array(plain.utf8)).write(to: URL(fileURLWithPath: marked))
        for arguments in [["check"], ["export"], ["reprice", "--on", "2027-01-01"]] {
            let withMark = try CommandLineTests.run([arguments[0], marked] + arguments.dropFirst())
            let without = try CommandLineTests.run([arguments[0], file] + arguments.dropFirst())
            #expect(
                withMark.status == without.status && withMark.status != 2, "\(arguments): \(withMark.out)")
            #expect(withMark.out == without.out, "\(arguments)")
        }
    }

    @Test("an empty input is exit 2 'no quotes in FILE' for check, export and reprice")
    func emptyInput() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID()).jsonl")
            .path
        try "\n\n".write(toFile: empty, atomically: true, encoding: .utf8)
        for arguments in [["check", empty], ["export", empty], ["reprice", empty, "--on", "2027-01-01"]] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains("no quotes in \(empty)"), "\(result.err)")
        }
        let stdin = try CommandLineTests.run(["export", "-"], stdin: "")
        #expect(stdin.status == 2 && stdin.err.contains("no quotes in standard input") && stdin.out.isEmpty)
    }

    @Test("a last line cut off is named truncated by export and check")
    func truncatedLastLine() throws {
        let file = try PricesCommandTests.generated(3)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try String(text.dropLast(40)).write(toFile: file, atomically: true, encoding: .utf8)
        let export = try CommandLineTests.run(["export", file])
        #expect(export.status == 2)
        #expect(
            export.err.contains("line 3: invalid: truncated (the input ends inside this line)"),
            "\(export.err)")
        let check = try CommandLineTests.run(["check", file])
        #expect(check.status == 2)
        #expect(check.out.contains("invalid: truncated (the input ends inside this line)"), "\(check.out)")
    }

    @Test("reprice --locale, --delimiter or --decimal-comma without --csv: exit 2")
    func repriceCSVOptionsNeedCSV() throws {
        let file = try PricesCommandTests.generated(2)
        for option in [
            ["--locale", "nl-NL"], ["--delimiter", ";"], ["--decimal-comma", "--delimiter", ";"],
        ] {
            let result = try CommandLineTests.run(["reprice", file, "--on", "2027-01-01"] + option)
            #expect(result.status == 2, "\(option)")
            #expect(result.err.contains("add --csv"), "\(result.err)")
        }
        let withCSV = try CommandLineTests.run([
            "reprice", file, "--on", "2027-01-01", "--csv", "--locale", "nl-NL",
        ])
        #expect(withCSV.status == 0, "\(withCSV.err)")
    }

    @Test("prices diff across two markets warns and names both markets and currencies")
    func pricesDiffTwoMarkets() throws {
        let root = CommandLineTests.root.appendingPathComponent("PriceLists").path
        let result = try CommandLineTests.run(["prices", "diff", root + "/NL", root + "/US"])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.err.contains("warning: OLD is NL (EUR), NEW is US (USD): two markets"), "\(result.err)")
        let same = try CommandLineTests.run(["prices", "diff", root + "/NL/2025.1", root + "/NL"])
        #expect(!same.err.contains("warning"))
    }
}
