import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// Two repositories on one PostgreSQL database: what two service instances share.
@Suite("PostgreSQL: two instances on one database")
struct PostgresInstancesTests {
    /// Two stores opened on one fresh database, at the same time (their migrations race).
    static func twoInstances() async throws -> (TestStore, TestStore) {
        let configuration = try await PostgresTestDatabase.create()
        async let a = TestStore.connect(configuration)
        async let b = TestStore.connect(configuration)
        return try await (a, b)
    }

    @Test("migrations started together run once, under the advisory lock")
    func migrationsTogether() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        #expect(try await a.appliedMigrations() == PostgresMigrations.all.map(\.name))
        #expect(
            try await b.strings("SELECT count(*) FROM schema_migrations") == [
                String(PostgresMigrations.all.count)
            ])
    }

    @Test("200 concurrent issues over both instances get numbers 1 to 200")
    func gapFreeNumbers() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<200 {
                let repo = i.isMultiple(of: 2) ? a.repo : b.repo
                group.addTask {
                    try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(2000 + i))).issued
                        .record
                        .number
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let expected = (1...200).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.sorted() == expected)
        #expect(try await a.strings("SELECT last FROM quote_counters") == ["200"])
    }

    @Test("a one-time benefit is granted once, whichever instance each request reaches")
    func benefitOnce() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        let imei = Fixtures.imei(4242)
        let records = try await withThrowingTaskGroup(of: QuoteRecord.self) { group in
            for i in 0..<40 {
                let repo = i.isMultiple(of: 2) ? a.repo : b.repo
                group.addTask {
                    try await Store.issue(repo, Fixtures.pakistanRepair(imei: imei)).issued.record
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(records.filter { $0.quoteJSON.contains(#""benefitsGranted":["PK-3"]"#) }.count == 1)
        #expect(try await a.count("benefit_ledger") == 1)
    }

    @Test("one Idempotency-Key and body sent to both instances gives one quote, named by both answers")
    func idempotencyAcross() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        let body = Fixtures.dutchRepair()
        async let first = Store.issue(a.repo, body, key: "same-key")
        async let second = Store.issue(b.repo, body, key: "same-key")
        let results = try await [first, second]
        #expect(results[0].issued.record.number == "NL-2026-000001")
        #expect(results[1].issued.record.number == "NL-2026-000001")
        #expect(try await a.count("quotes") == 1)
    }

    @Test("a decision on one instance is seen at once by the other; a different one there is refused")
    func decisionsAcross() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        try await Store.issue(a.repo, Fixtures.dutchRepair())
        _ = try await a.repo.decide(
            DecisionRequest(
                number: "NL-2026-000001", decision: .accepted, decidedBy: "desk-1", finalJSON: "{}"))
        #expect(try await b.repo.quote(number: "NL-2026-000001")?.status == "accepted")
        await #expect(throws: StoreError.alreadyDecided(.accepted)) {
            try await b.repo.decide(
                DecisionRequest(
                    number: "NL-2026-000001", decision: .rejected, decidedBy: "desk-2", finalJSON: "{}"))
        }
    }

    @Test("the outbox is claimed with SKIP LOCKED: each message by one instance")
    func outboxOnce() async throws {
        let (a, b) = try await Self.twoInstances()
        defer {
            Task {
                await a.close(); await b.close()
            }
        }
        try await Store.issue(a.repo, Fixtures.dutchRepair())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        for i in 0..<30 {
            _ = try await a.repo.enqueueEmail(
                EmailRequest(number: "NL-2026-000001", recipient: "c\(i)@example.nl", language: nil, now: now)
            )
        }
        let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for i in 0..<10 {
                let repo = i.isMultiple(of: 2) ? a.repo : b.repo
                group.addTask { try await repo.claimOutbox(limit: 4, now: now, lease: 60).map(\.id) }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claims.count == 30)
        #expect(Set(claims).count == 30)
    }

    @Test("commits are synchronous: synchronous_commit is on")
    func synchronousCommit() async throws {
        let store = try await StoreKind.postgres.make()
        defer { Task { await store.close() } }
        #expect(try await store.strings("SHOW synchronous_commit") == ["on"])
    }

    @Test("an unreachable database is one line naming the host and the reason, without the password")
    func unreachable() async throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgres://quotes:s3cret-pw@127.0.0.1:9/quotes")
        do {
            _ = try await PostgresQuoteRepository.connect(configuration)
            Issue.record("connected to port 9")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("cannot connect to 127.0.0.1:9 as quotes: "), "\(message)")
            #expect(message == "cannot connect to 127.0.0.1:9 as quotes: connection refused")
            #expect(!message.contains("s3cret") && !message.contains("\n"))
        }
    }

    @Test("a wrong password is refused with the server's reason, and the password is not shown")
    func wrongPassword() async throws {
        var configuration = try await PostgresTestDatabase.create()
        configuration.password = "not-the-password"
        do {
            _ = try await PostgresQuoteRepository.connect(configuration)
            Issue.record("connected with a wrong password")
        } catch {
            let message = "\(error)"
            #expect(message.contains("password authentication failed"), "\(message)")
            #expect(!message.contains("not-the-password"))
        }
    }
}

@Suite("PostgreSQL group commit: an issue failing after it wrote")
struct PostgresGroupCommitTests {
    struct Boom: Error {}

    @Test("the batch is written again with savepoints: the failing issues roll back alone, no gap")
    func failureAfterWriting() async throws {
        let store = try await StoreKind.postgres.make()
        defer { Task { await store.close() } }
        guard let repo = store.postgres else { return }
        let issues = try (0..<12).map { i in
            let serviceCase = try Store.decode(Fixtures.dutchRepair(imei: Fixtures.imei(700 + i)))
            return PreparedIssue(
                request: IssueRequest(
                    serviceCase: serviceCase, issuer: [3, 8].contains(i) ? "faulty" : "desk-1",
                    idempotencyKey: i >= 10 ? "shared" : nil, requestHash: "h\(i)"),
                serviceCase: serviceCase, quote: try Store.engine.quote(serviceCase))
        }
        let outcomes = await PostgresQuoteRepository.commit(repo.client, issues, logger: repo.logger) {
            connection, issue, logger in
            let result = try await PostgresQuoteRepository.insert(connection, issue, logger: logger)
            if issue.request.issuer == "faulty" { throw Boom() }
            return result
        }
        for i in [3, 8] { #expect(throws: Boom.self) { try outcomes[i].get() } }
        #expect(throws: StoreError.idempotencyKeyReused) { try outcomes[11].get() }
        let expected = (1...9).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(outcomes.compactMap { try? $0.get().issued.record.number }.sorted() == expected)
        #expect(try await store.strings("SELECT number FROM quotes ORDER BY number") == expected)
        #expect(try await store.count("customer_tokens") == 9)
        #expect(try await store.strings("SELECT last FROM quote_counters") == ["9"])
        #expect(try await store.count("idempotency_keys") == 1)
    }

    @Test("a plain batch is written in a few statements: numbers in order, keys replayed or refused")
    func plainBatch() async throws {
        let store = try await StoreKind.postgres.make()
        defer { Task { await store.close() } }
        guard let repo = store.postgres else { return }
        try await Store.issue(repo, Fixtures.pakistanRepair(requestDate: "2026-04-01"), key: "used")
        func prepared(_ i: Int, key: String?, hash: String) throws -> PreparedIssue {
            let serviceCase = try Store.decode(Fixtures.dutchRepair(imei: Fixtures.imei(800 + i)))
            return PreparedIssue(
                request: IssueRequest(
                    serviceCase: serviceCase, issuer: "desk-1", idempotencyKey: key, requestHash: hash),
                serviceCase: serviceCase, quote: try Store.engine.quote(serviceCase))
        }
        let usedHash = Digest.sha256Hex(Array(Fixtures.pakistanRepair(requestDate: "2026-04-01").utf8))
        var issues = try (0..<6).map { try prepared($0, key: "k\($0)", hash: "h\($0)") }
        issues.insert(try prepared(6, key: "used", hash: usedHash), at: 2)
        issues.append(try prepared(7, key: "used", hash: "another body"))
        issues.append(try prepared(8, key: nil, hash: "h8"))
        #expect(PostgresQuoteRepository.isPlain(issues) == false)  // "used" twice
        issues.removeLast(2)
        issues.append(try prepared(8, key: nil, hash: "h8"))
        #expect(PostgresQuoteRepository.isPlain(issues))
        let outcomes = await PostgresQuoteRepository.commit(repo.client, issues, logger: repo.logger)
        guard case .failure(SQLiteQuoteRepository.IssueRetry.replay(let first)) = outcomes[2] else {
            Issue.record("expected a replay of the key's first quote, got \(outcomes[2])")
            return
        }
        #expect(first == "PK-2026-000001")
        let numbers = outcomes.map { try? $0.get().issued.record.number }
        let expected = (1...7).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.compactMap { $0 } == expected)
        #expect(
            try await store.strings("SELECT number FROM quotes WHERE market = 'NL' ORDER BY id") == expected)
        #expect(try await store.count("customer_tokens") == 8)
        #expect(try await store.count("idempotency_keys") == 7)
        let seventh = try #require(try await repo.quote(number: expected[6]))
        #expect(seventh.reference == nil && seventh.model == "Xiaomi 12 Pro")
        let issued = try outcomes[0].get().issued.record
        #expect(try await repo.quote(number: issued.number) == issued)
        #expect(
            try await repo.quote(customerToken: try outcomes[0].get().issued.customerToken)?.number
                == expected[0])
        let refused = await PostgresQuoteRepository.commit(
            repo.client, [try prepared(9, key: "used", hash: "another body")], logger: repo.logger)
        #expect(throws: StoreError.idempotencyKeyReused) { try refused[0].get() }
    }
}
