import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// One rule for what a decision fixes: a computed quote (`Quote.charges(for:)`) and its stored
/// JSON (`DecidedCharges`, which the service records and finance exports) give the same charges.
@Suite("the charges a decision fixes: one rule for quotes and stored quotes")
struct DecisionChargesTests {
    @Test("for every example and every answer, the quote's charges are the stored JSON's")
    func sameCharges() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var rejectedDiffer = 0
        for file in files {
            guard let serviceCase = try? Fixtures.example(String(file.dropLast(5))),
                let quote = try? Fixtures.calculator.quote(serviceCase)
            else { continue }
            guard case .object(let stored) = try JSONParser.parse(QuoteEncoder.encode(quote)) else {
                Issue.record("\(file): the quote is not a JSON object")
                continue
            }
            for decision in Decision.allCases {
                let charges = quote.charges(for: decision)
                let json = DecidedCharges.select(from: stored, decision: decision)
                guard case .array(let lines)? = json["lines"],
                    case .object(let totals)? = json["totals"],
                    case .object(let consumer)? = totals["consumer"]
                else {
                    Issue.record("\(file) \(decision): no lines or totals")
                    continue
                }
                #expect(lines.count == charges.lines.count, "\(file) \(decision)")
                for (line, value) in zip(charges.lines, lines) {
                    guard case .object(let object) = value else { continue }
                    #expect(object["gross"] == .string(line.gross.text), "\(file) \(decision)")
                }
                #expect(
                    consumer["gross"] == .string(charges.totals.consumer.gross.text), "\(file) \(decision)")
            }
            if quote.ifRejected != nil {
                #expect(quote.charges(for: .rejected) != quote.charges(for: .accepted))
                rejectedDiffer += 1
            }
        }
        #expect(rejectedDiffer > 0, "some example has charges that differ when rejected")
    }
}
