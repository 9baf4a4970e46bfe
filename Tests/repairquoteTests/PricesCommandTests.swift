import Foundation
import Testing

@testable import repairquote

/// `prices check`, `prices diff`, `reprice` and the spreadsheet options, run as a user runs them.
@Suite("prices, reprice and spreadsheet output")
struct PricesCommandTests {
    @Test("prices check: the shipped lists pass with exit 0 and a one-line summary")
    func checkShipped() throws {
        let result = try CommandLineTests.run(["prices", "check"])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out == "8 lists in 7 markets: 0 errors\n")
    }

    @Test("help: prices lists check and diff; reprice explains --on and --summary")
    func help() {
        let prices = RepairQuote.helpMessage(for: PricesCommand.self)
        #expect(prices.contains("check") && prices.contains("diff"))
        #expect(RepairQuote.helpMessage(for: PricesCheckCommand.self).contains("FILE:LINE: FIELD: message"))
        let reprice = RepairQuote.helpMessage(for: RepriceCommand.self)
        #expect(
            reprice.contains("--on <DATE>") && reprice.contains("--summary")
                && reprice.contains("--locale <LOCALE>"))
    }

    @Test("prices check: a part without a Dutch name is a warning line; warnings alone exit 0")
    func checkWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cli-warn-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: CommandLineTests.root.appendingPathComponent("PriceLists"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = folder.appendingPathComponent("NL/names.nl.yaml")
        try String(contentsOf: names, encoding: .utf8)
            .replacingOccurrences(of: "  CABLE-USBC: \"USB-C-kabel\"\n", with: "")
            .write(to: names, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["prices", "check", folder.path])
        #expect(result.status == 0)
        #expect(
            result.out == """
                warning: \(folder.path)/NL/parts.csv:20: description: "USB-C cable" has no name in nl: \
                documents show it in English (add parts: CABLE-USBC to names.nl.yaml)
                8 lists in 7 markets: 0 errors, 1 warning

                """)
    }

    @Test("prices check: a broken copy exits 1 with every error as FILE:LINE: FIELD: message")
    func checkBroken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cli-check-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: CommandLineTests.root.appendingPathComponent("PriceLists"), to: folder)
        let parts = folder.appendingPathComponent("US/parts.csv")
        let text = try String(contentsOf: parts, encoding: .utf8)
        try text.replacingOccurrences(of: "Xiaomi 12 Pro,208.99", with: "Xiaomi 12 Por,208,99")
            .replacingOccurrences(of: "Xiaomi 14,219.99", with: "Xiaomi 14,0.00")
            .write(to: parts, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["prices", "check", folder.path])
        #expect(result.status == 1)
        #expect(
            result.out == """
                \(folder.path)/US/parts.csv:2: price: expected 5 fields, found 6: "208,99" looks like an amount with a decimal comma, read as two fields; write 208.99
                \(folder.path)/US/parts.csv:6: price: is zero: price X14-DISPLAY, or remove the row
                8 lists in 7 markets: 2 errors (US 2)

                """)
    }

    @Test("prices check: a folder that does not exist exits 2 with nothing on stdout")
    func checkMissingFolder() throws {
        let result = try CommandLineTests.run(["prices", "check", "/nonexistent/PriceLists"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err == "repairquote: /nonexistent/PriceLists: is not a folder of price lists\n")
    }

    @Test("prices diff: NL 2025.1 → 2026.1 as text and as CSV")
    func diff() throws {
        let text = try CommandLineTests.run(["prices", "diff", "PriceLists/NL/2025.1", "PriceLists/NL"])
        #expect(text.status == 0, "\(text.err)")
        #expect(
            text.out == """
                labor phone L2 price: 35.00 → 39.00 (+4.00, +11.43%)
                setting effectiveFrom: 2022-01-01 → 2026-01-01
                setting version: 2025.1 → 2026.1
                summary: 3 changed, 0 added, 0 removed

                """)
        let csv = try CommandLineTests.run([
            "prices", "diff", "PriceLists/NL/2025.1", "PriceLists/NL", "--csv",
        ])
        #expect(
            csv.out.split(separator: "\r\n").prefix(2) == [
                "section,key,field,change,old,new,difference,percent",
                "labor,phone L2,price,changed,35.00,39.00,4.00,+11.43%",
            ])
        let missing = try CommandLineTests.run(["prices", "diff", "PriceLists/NL/1999.1", "PriceLists/NL"])
        #expect(missing.status == 2 && missing.out.isEmpty)
    }

    @Test("prices diff: a copy of a version folder elsewhere, against the tree; stderr names the rules used")
    func diffOutsideCopy() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent(
            "diff-cli-\(UUID().uuidString)/work")
        defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
        let shipped = CommandLineTests.root.appendingPathComponent("PriceLists/NL")
        let next = work.appendingPathComponent("NL-next")
        try FileManager.default.createDirectory(at: next, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where file.contains(".")
        {
            try FileManager.default.copyItem(
                at: shipped.appendingPathComponent(file), to: next.appendingPathComponent(file))
        }
        let labor = next.appendingPathComponent("labor.csv")
        try String(contentsOf: labor, encoding: .utf8)
            .replacingOccurrences(of: "phone,L2,Repair level 2,39.00", with: "phone,L2,Repair level 2,41.00")
            .write(to: labor, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["prices", "diff", "PriceLists/NL", next.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.out == """
                labor phone L2 price: 39.00 → 41.00 (+2.00, +5.13%)
                summary: 1 changed, 0 added, 0 removed

                """)
        #expect(
            result.err == """
                repairquote: \(next.path): general rules from \(CommandLineTests.root.path)/PriceLists/rules.yaml \
                (the other side's tree)

                """)
        let given = try CommandLineTests.run([
            "prices", "diff", "PriceLists/NL", next.path, "--price-lists", work.path,
        ])
        #expect(given.status == 2 && given.out.isEmpty)
        #expect(
            given.err == """
                repairquote: \(work.path): --price-lists: has no rules.yaml (needed for \(next.path), which has \
                none above it)

                """)
    }

    /// A generated JSON-lines file of `count` stored quotes.
    static func generated(_ count: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reprice-\(UUID().uuidString).jsonl"
        ).path
        let result = try CommandLineTests.run(["bench", "generate", String(count), "--seed", "1"])
        try result.out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("reprice --summary --csv --locale nl-NL: one row per market and currency, ';' and decimal commas")
    func repriceSummary() throws {
        let file = try Self.generated(40)
        let result = try CommandLineTests.run([
            "reprice", file, "--on", "2026-03-02", "--summary", "--csv", "--locale", "nl-NL",
        ])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\r\n").map {
            $0.split(separator: ";", omittingEmptySubsequences: false)
        }
        #expect(
            rows.first == [
                "market", "currency", "quotes", "unpriced", "statusChanged", "payersChanged", "old", "new",
                "difference", "percent",
            ])
        #expect(rows.dropFirst().map { String($0[0]) } == ["BE", "ES", "HK", "LU", "NL", "PK", "US"])
        #expect(rows.dropFirst().map { Int($0[2])! }.reduce(0, +) == 40)
        #expect(rows.dropFirst().allSatisfy { $0[6].contains(",") && !$0[6].contains(".") })
    }

    @Test("reprice per quote: text lines, then a summary line per market")
    func repriceText() throws {
        let file = try Self.generated(20)
        let result = try CommandLineTests.run(["reprice", file, "--on", "2026-03-02"])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("line ") }.count == 20)
        #expect(lines.filter { $0.hasPrefix("summary: ") }.count == 7)
    }

    @Test("reprice and export: bad options exit 2 with the option named and nothing on stdout")
    func badOptions() throws {
        let file = try Self.generated(2)
        for arguments in [
            ["reprice", file, "--on", "2026-02-30"], ["reprice", file], ["reprice", "--on", "2026-03-02"],
            ["export", file, "--locale", "xx-XX"], ["export", file, "--decimal-comma"],
            ["export", file, "--delimiter", "ab"],
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.out.isEmpty, "\(arguments)")
        }
        let date = try CommandLineTests.run(["reprice", file, "--on", "2026-02-30"])
        #expect(date.err.contains("--on: \"2026-02-30\" is not a date YYYY-MM-DD"))
    }

    @Test("export --locale nl-NL: ';' between fields and amounts with a decimal comma")
    func exportDutch() throws {
        let file = try Self.generated(5)
        let standard = try CommandLineTests.run(["export", file])
        let dutch = try CommandLineTests.run(["export", file, "--locale", "nl-NL"])
        #expect(dutch.status == 0)
        let header = dutch.out.split(separator: "\r\n").first
        #expect(
            header
                == "quote;market;requestDate;status;caseKind;line;lineKind;description;payer;currency;net;vat;gross;state;reference;issuer;model;issueDate;decidedAt;decision;channel"
        )
        let amounts = { (text: String, separator: Character) in
            text.split(separator: "\r\n").dropFirst().map {
                $0.split(separator: separator).suffix(3).joined(separator: "|")
            }
        }
        #expect(
            amounts(dutch.out, ";").map { $0.replacingOccurrences(of: ",", with: ".") }
                == amounts(standard.out, ","))
        let explicit = try CommandLineTests.run(["export", file, "--delimiter", ";", "--decimal-comma"])
        #expect(explicit.out == dutch.out)
    }
}
