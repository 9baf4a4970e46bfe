import Foundation
import QuoteCore
import Testing

@testable import QuoteBench
@testable import QuoteStore

/// `bench store` writes a chunk of stories in one transaction (``QuoteRepository/load(_:engine:)``)
/// through the statements of `issue`, `decide` and `void`: the store it makes holds the same rows,
/// numbers, answers and histories as the same stories sent one call at a time.
@Suite("bench store's bulk load writes what the service writes")
struct BulkLoadTests {
    static let catalog = SearchIndexTests.catalog

    @Test(
        "a bulk load and the same stories through issue, decide and void give the same rows",
        arguments: StoreKind.allCases)
    func sameRowsAsOneCallAtATime(kind: StoreKind) async throws {
        let filler = StoreFiller(catalog: Self.catalog, seed: 11)
        let stories = await filler.draw(from: 0, fates: filler.plan(from: 0, quotes: 150))
        let items = stories.map(StoreFiller.bulk)
        let bulk = try await kind.with { store in
            try await store.repo.load(items, engine: filler.calculator)
            return try await Self.rows(store)
        }
        let oneByOne = try await kind.with { store in
            for item in items { try await Self.oneByOne(item, store.repo, engine: filler.calculator) }
            return try await Self.rows(store)
        }
        #expect(bulk == oneByOne)
        let report = stories.reduce(into: StoreFiller.Report()) { $0.add(StoreFiller.outcome(of: $1.fate)) }
        #expect(bulk.quotes.count == report.quotes)
        #expect(bulk.decisions.count == report.accepted + report.rejected)
        #expect(bulk.voids.count == report.voided)
        #expect(bulk.revisions.count == report.revised)
        #expect(report.accepted > 0 && report.rejected > 0 && report.voided > 0 && report.revised > 0)
    }

    @Test("a filled store's chains verify and its numbers have no gap", arguments: StoreKind.allCases)
    func chainsAndNumbers(kind: StoreKind) async throws {
        try await kind.with { store in
            let report = try await StoreFiller(catalog: Self.catalog, seed: 4).fill(store.repo, count: 700)
            #expect(report.quotes == 700)
            let verification = try await store.repo.verifyChains()
            #expect(verification.quotes == 700)
            #expect(verification.fault == nil)
            let numbers = try await store.strings("SELECT number FROM quotes")
            let byPrefix = Dictionary(grouping: numbers) { String($0.dropLast(6)) }
            for (prefix, numbers) in byPrefix {
                let sequences = numbers.compactMap { Int($0.suffix(6)) }.sorted()
                #expect(sequences == Array(1...numbers.count), "\(prefix)")
            }
        }
    }

    /// One story the way the service writes it: one call of the store at a time.
    static func oneByOne(_ item: BulkIssue, _ repo: any QuoteRepository, engine: any QuoteComputing)
        async throws
    {
        guard case .issued(let issued) = try await repo.issue(item.request, engine: engine) else { return }
        switch try item.then(issued.record) {
        case .none: break
        case .decide(let request): _ = try await repo.decide(request)
        case .void(let request): _ = try await repo.void(request)
        case .revise(var request):
            request.supersedes = issued.record.number
            _ = try await repo.issue(request, engine: engine)
        }
    }

    struct Rows: Equatable {
        var quotes: [String]
        var decisions: [String]
        var voids: [String]
        var revisions: [String]
        var events: [String]
        var ledger: [String]
    }

    /// The rows that do not hold random tokens, each as one string, in key order.
    static func rows(_ store: TestStore) async throws -> Rows {
        Rows(
            quotes: try await store.strings(
                "SELECT number || ' ' || issuer || ' ' || case_json || ' ' || quote_json FROM quotes ORDER BY number"
            ),
            decisions: try await store.strings(
                "SELECT quote_number || ' ' || decision || ' ' || decided_by || ' ' || final_json FROM decisions ORDER BY quote_number"
            ),
            voids: try await store.strings(
                "SELECT quote_number || ' ' || voided_by FROM voids ORDER BY quote_number"),
            revisions: try await store.strings(
                "SELECT old_number || ' ' || new_number FROM revisions ORDER BY old_number"),
            events: try await store.strings(
                "SELECT quote_number || ' ' || seq || ' ' || kind || ' ' || hash FROM quote_events ORDER BY quote_number, seq"
            ),
            ledger: try await store.strings(
                "SELECT benefit || ' ' || device_key || ' ' || quote_number FROM benefit_ledger ORDER BY benefit, device_key"
            ))
    }
}
