import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore

/// Inputs of the finance commands built from shipped examples: JSON lines, a store with decided
/// quotes, and a copy of NL's price list with some part prices changed.
enum FinanceFixture {
    static let calculator = QuoteCalculator(
        catalog: try! PriceListLoader.loadCatalog(
            directory: CommandLineTests.root.appendingPathComponent("PriceLists").path))

    static func serviceCase(_ example: String) throws -> ServiceCase {
        let text = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(example).json"),
            encoding: .utf8)
        return try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
    }

    /// `{"case": …, "quote": …}` of a shipped example, the quote numbered `number`.
    static func line(_ example: String, number: String) throws -> (line: String, quote: Quote) {
        let c = try serviceCase(example)
        var quote = try calculator.quote(c)
        quote.number = number
        let json = JSONValue.object(
            JSONObject([("case", CaseEncoder.json(c)), ("quote", QuoteEncoder.json(quote))]))
        return (JSONWriter.write(json, pretty: false), quote)
    }

    /// A JSON-lines file of the lines.
    static func file(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fin-\(UUID().uuidString).jsonl"
        ).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// NL's current version (2026.1) copied outside the tree as version 2027.1, with each
    /// `prices` entry (`SKU,… old` → new price) changed in parts.csv.
    static func nextNL(prices: [(line: String, new: String)]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "NL-next-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = CommandLineTests.root.appendingPathComponent("PriceLists/NL")
        for name in [
            "market.yaml", "labor.csv", "parts.csv", "policy.yaml", "names.nl.yaml", "rules.nl.yaml",
        ] {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name == "market.yaml" {
                text = text.replacingOccurrences(of: "version: \"2026.1\"", with: "version: \"2027.1\"")
                    .replacingOccurrences(of: "effectiveFrom: 2026-01-01", with: "effectiveFrom: 2027-01-01")
            }
            if name == "parts.csv" {
                for (line, new) in prices {
                    precondition(text.contains(line), "\(line) not in parts.csv")
                    let head = line.split(separator: ",").dropLast().joined(separator: ",")
                    text = text.replacingOccurrences(of: line, with: head + "," + new)
                }
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    /// A store with `example` issued once per entry of `decisions` (nil: left pending); returns
    /// its path and the numbers and quotes in order.
    static func store(_ example: String, decisions: [Decision?]) async throws -> (String, [(String, Quote)]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fin-\(UUID().uuidString).sqlite"
        ).path
        let repository = try SQLiteQuoteRepository(path: path)
        let today = CivilDate.today(in: TimeZone(identifier: "UTC")!)
        let text = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(example).json"),
            encoding: .utf8
        ).replacingOccurrences(of: "2026-03-02", with: today.description)
        var issued: [(String, Quote)] = []
        for decision in decisions {
            let c = try CaseDecoder.decode(text, today: { _ in today })
            let quote = try calculator.quote(c)
            let result = try await repository.issue(
                IssueRequest(serviceCase: c, issuer: "R-100", idempotencyKey: nil, requestHash: "\(UUID())"),
                engine: calculator)
            let number = result.issued.record.number
            if let decision, case .object(let json) = QuoteEncoder.json(quote) {
                let charges = JSONWriter.write(
                    .object(DecidedCharges.select(from: json, decision: decision)), pretty: false)
                _ = try await repository.decide(
                    DecisionRequest(
                        number: number, decision: decision, decidedBy: "shop", finalJSON: charges,
                        role: "retailer",
                        channel: "phone", today: today))
            }
            issued.append((number, quote))
        }
        return (path, issued)
    }
}
