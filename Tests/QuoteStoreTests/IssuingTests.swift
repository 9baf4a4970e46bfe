import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

@Suite("issuing quotes (each store)")
struct IssuingTests {
    @Test("the schema is built by named migrations, in order", arguments: StoreKind.allCases)
    func migrations(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        #expect(
            try await store.appliedMigrations() == [
                "v1-quotes", "v1-ledger", "v1-outbox", "v2-ledger-normalised-serials", "v3-lifecycle",
                "v4-expiring-values", "v5-consumer-total", "v6-events", "v7-webhooks", "v8-search",
                "v9-report-columns", "v11-reminders", "v12-search-at-commit",
            ])
    }

    @Test("numbers are <MARKET>-<YYYY>-<NNNNNN>, counted per market and year", arguments: StoreKind.allCases)
    func numbering(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let first = try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(10))).issued.record
        let second = try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(11))).issued.record
        let pakistan = try await Store.issue(repo, Fixtures.pakistanRepair(imei: Fixtures.imei(12))).issued
            .record
        let nextYear = try await Store.issue(
            repo, Fixtures.dutchRepair(imei: Fixtures.imei(13), requestDate: "2027-01-04")
        ).issued.record
        #expect(
            [first.number, second.number, pakistan.number, nextYear.number] == [
                "NL-2026-000001", "NL-2026-000002", "PK-2026-000001", "NL-2027-000001",
            ])
        #expect(first.issuer == "desk-1" && first.priceListVersion == StubEngine.version)
        #expect(first.quoteJSON.contains(#""number":"NL-2026-000001""#))
        #expect(first.status == "issued" && first.coverageStatus == "out-of-warranty")
    }

    @Test("50 concurrent issues get numbers 1 to 50: no gap, no duplicate", arguments: StoreKind.allCases)
    func concurrentNumbering(kind: StoreKind) async throws {
        let store = try await kind.make()
        defer { Task { await store.close() } }
        let repo = store.repo
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<50 {
                group.addTask {
                    try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(100 + i))).issued
                        .record.number
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let expected = (1...50).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.sorted() == expected)
    }

    @Test("50 concurrent issues for one PK device grant PK-3 exactly once", arguments: StoreKind.allCases)
    func benefitGrantedOnce(kind: StoreKind) async throws {
        let store = try await kind.make()
        defer { Task { await store.close() } }
        let repo = store.repo
        let imei = Fixtures.imei(777)
        let records = try await withThrowingTaskGroup(of: QuoteRecord.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await Store.issue(repo, Fixtures.pakistanRepair(imei: imei)).issued.record
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let granting = records.filter { $0.quoteJSON.contains(#""benefitsGranted":["PK-3"]"#) }
        #expect(granting.count == 1)
        let ledger = try await repo.benefitsUsed(deviceKeys: ["imei:" + imei.prefix(14)])
        #expect(ledger == ["PK-3": granting.first?.number ?? "?"])
        let others = records.filter { $0.number != granting.first?.number }
        #expect(others.count == 49)
        #expect(others.allSatisfy { $0.caseJSON.contains(#""benefitsUsed":["PK-3"]"#) })
    }

    @Test(
        "a benefit already in the ledger is put into the case's history with its quote number",
        arguments: StoreKind.allCases)
    func ledgerIntoHistory(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
        let second = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
        let stored = try Store.decode(second.caseJSON)
        #expect(stored.history.benefitsUsed == ["PK-3"])
        #expect(stored.history.benefitQuotes == ["PK-3": first.number])
        #expect(second.quoteJSON.contains(#""benefitsGranted":[]"#))
    }

    @Test(
        "same idempotency key and body: the first quote again; another body: refused",
        arguments: StoreKind.allCases)
    func idempotency(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let body = Fixtures.dutchRepair()
        let first = try await Store.issue(repo, body, key: "k-1")
        let retry = try await Store.issue(repo, body, key: "k-1")
        guard case .replayed(let replay) = retry else {
            Issue.record("expected a replay")
            return
        }
        #expect(replay.record == first.issued.record)
        #expect(replay.customerToken != first.issued.customerToken)
        #expect(try await repo.quote(customerToken: replay.customerToken)?.number == "NL-2026-000001")
        await #expect(throws: StoreError.idempotencyKeyReused) {
            try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(3)), key: "k-1")
        }
        let page = try await repo.list(QuoteQuery())
        #expect(page.quotes.count == 1)
    }

    @Test(
        "customer tokens are 256-bit base64url; only their SHA-256 is stored", arguments: StoreKind.allCases)
    func tokens(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let issued = try await Store.issue(repo, Fixtures.dutchRepair()).issued
        #expect(issued.customerToken.count == 43)
        #expect(issued.customerToken.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let stored = try await store.strings("SELECT token_hash FROM customer_tokens")
        #expect(stored == [CustomerToken.hash(issued.customerToken)])
        #expect(try await repo.quote(customerToken: issued.customerToken)?.number == issued.record.number)
        #expect(try await repo.quote(customerToken: "nope") == nil)
    }

    @Test("issued quotes cannot be updated", arguments: StoreKind.allCases)
    func immutable(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        try await Store.issue(repo, Fixtures.dutchRepair())
        await #expect(throws: (any Error).self) {
            try await store.execute("UPDATE quotes SET quote_json = '{}'")
        }
        #expect(
            try await repo.quote(number: "NL-2026-000001")?.quoteJSON.hasPrefix(
                #"{"number":"NL-2026-000001""#) == true)
    }

    @Test("bad input from the engine is passed on and stores nothing", arguments: StoreKind.allCases)
    func validationPassesThrough(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let json = Fixtures.caseJSON(
            market: "FR", imei: Fixtures.imei(5), requestDate: "2026-03-02", purchase: "2025-01-01",
            findings: "[]")
        await #expect(throws: ValidationError(field: "market", "unknown market \"FR\"")) {
            try await Store.issue(repo, json)
        }
        #expect(try await repo.list(QuoteQuery()).quotes.isEmpty)
    }

    @Test("quotes and the ledger survive a restart; numbering continues", arguments: StoreKind.allCases)
    func restart(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await Store.issue(store.repo, Fixtures.pakistanRepair())
        let reopenedStore = try await store.reopen()
        defer { Task { await reopenedStore.close() } }
        let reopened = reopenedStore.repo
        #expect(try await reopened.quote(number: "PK-2026-000001")?.market == "PK")
        #expect(
            try await reopened.benefitsUsed(deviceKeys: ["imei:" + Fixtures.imei(1).prefix(14)]) == [
                "PK-3": "PK-2026-000001"
            ])
        let next = try await Store.issue(reopened, Fixtures.pakistanRepair()).issued.record
        #expect(next.number == "PK-2026-000002")
        #expect(next.quoteJSON.contains(#""benefitsGranted":[]"#))
        #expect(try await reopenedStore.appliedMigrations().count == 13)
    }
}
