import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore

/// A store with decisions taken at known instants, for booking by decision date: NL quotes
/// requested 2026-11-28, one accepted on 2026-11-30 at 22:30 UTC (23:30 in Amsterdam, November),
/// one rejected on 2026-11-30 at 23:30 UTC (00:30 on 1 December in Amsterdam), one undecided.
enum MonthEndStore {
    struct Made {
        var path: String
        var november: (number: String, quote: Quote)
        var december: (number: String, quote: Quote)
        var pending: String
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func make() async throws -> Made {
        let (path, repository, calculator) = try StoreExportTests.store()
        let example = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Examples/nl-out-of-warranty.json"),
            encoding: .utf8
        ).replacingOccurrences(of: "2026-03-02", with: "2026-11-28")
        let requested = CivilDate("2026-11-28")!
        func issue() async throws -> (String, Quote) {
            let serviceCase = try CaseDecoder.decode(example, today: { _ in requested })
            let result = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "R-100", idempotencyKey: nil, requestHash: "\(UUID())",
                    issuedOn: requested),
                engine: calculator)
            return (result.issued.record.number, try calculator.quote(serviceCase))
        }
        func decide(_ number: String, _ quote: Quote, _ decision: Decision, at: Date) async throws {
            guard case .object(let json) = QuoteEncoder.json(quote) else { return }
            let charges = JSONWriter.write(
                .object(DecidedCharges.select(from: json, decision: decision)), pretty: false)
            _ = try await repository.decide(
                DecisionRequest(
                    number: number, decision: decision, decidedBy: "shop", finalJSON: charges,
                    role: "retailer",
                    channel: "phone", at: at, today: CivilDate("2026-11-30")!))
        }
        let november = try await issue()
        try await decide(november.0, november.1, .accepted, at: utc("2026-11-30T22:30:00Z"))
        let december = try await issue()
        try await decide(december.0, december.1, .rejected, at: utc("2026-11-30T23:30:00Z"))
        let pending = try await issue()
        return Made(path: path, november: november, december: december, pending: pending.0)
    }
}
