import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

/// `check`: the money in its differences, and `check --csv`.
@Suite("check: each differing quote's effect per payer, the summary per market, --csv")
struct CheckEffectTests {
    static func corrupted() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "corrupt-\(UUID().uuidString).jsonl"
        ).path
        let result = try CommandLineTests.run(["bench", "generate", "200", "--seed", "3", "--corrupt", "0.2"])
        try result.out.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("text: one effect line per differing quote; the effect lines after the summary add up")
    func text() throws {
        let file = try Self.corrupted()
        let result = try CommandLineTests.run(["check", file])
        #expect(result.status == 1, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let summary = try #require(lines.firstIndex { $0.hasPrefix("summary: ") })
        let report = lines[..<summary]
        let effects = report.filter { $0.contains(": effect (stored − recomputed): ") }
        let differing = Set(report.filter { !$0.contains(": effect (") }.map { $0.split(separator: ":")[0] })
        #expect(!effects.isEmpty && Set(effects.map { $0.split(separator: ":")[0] }) == differing)
        let groups = lines[(summary + 1)...]
        #expect(!groups.isEmpty && groups.allSatisfy { $0.hasPrefix("effect: ") })
        let count = groups.map { Int($0.split(separator: " ")[3])! }.reduce(0, +)
        #expect(lines[summary].contains(" \(count) differing ("))
    }

    @Test("--csv: a record per difference, effect and invalid line; the summary on stderr")
    func csv() throws {
        let file = try Self.corrupted()
        try (String(contentsOfFile: file, encoding: .utf8) + "{\"case\": 1}\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let text = try CommandLineTests.run(["check", file])
        let result = try CommandLineTests.run(["check", file, "--csv"])
        #expect(result.status == 2)
        let rows = try StrictCSV.parse(result.out)
        #expect(
            rows[0] == [
                "line", "quote", "finding", "field", "stored", "recomputed", "message", "market", "currency",
                "consumer", "manufacturer", "retailer",
            ])
        let textLines = text.out.split(separator: "\n").filter { $0.hasPrefix("line ") }
        #expect(rows.count - 1 == textLines.count)
        #expect(rows.last![2] == "invalid")
        let effects = rows.filter { $0[2] == "effect" }
        #expect(!effects.isEmpty && effects.allSatisfy { !$0[7].isEmpty && !$0[9].isEmpty })
        #expect(rows.filter { $0[2] == "difference" }.allSatisfy { !$0[3].isEmpty && $0[9].isEmpty })
        #expect(result.err.contains("summary: ") && result.err.contains("effect: "))
        // The effects in the CSV add up to the summary's, per payer, in minor units.
        let consumer = effects.reduce(Int64(0)) { $0 + (try! Decimals.parse($1[9], scale: 2)) }
        let stated = text.out.split(separator: "\n").filter { $0.hasPrefix("effect: ") }
            .compactMap { line -> Int64? in
                guard let range = line.range(of: "consumer ") else { return 0 }
                let value = line[range.upperBound...].prefix { $0 != "," }
                return try? Decimals.parse(
                    value.hasPrefix("+") ? String(value.dropFirst()) : String(value), scale: 2)
            }.reduce(0, +)
        #expect(consumer == stated)
    }
}
