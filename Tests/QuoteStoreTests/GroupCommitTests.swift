import Foundation
import GRDB
import QuoteCore
import QuoteJSON
import QuoteTestSupport
import Synchronization
import Testing

@testable import QuoteStore

@Suite("group commit of issues")
struct GroupCommitTests {
    @Test(
        "concurrent issues with failures among them: the failures roll back alone, numbers stay gap-free",
        arguments: StoreKind.allCases)
    func failuresInABatch(kind: StoreKind) async throws {
        let store = try await kind.make()
        defer { Task { await store.close() } }
        let repo = store.repo
        // 30 plain issues, plus 10 that share one idempotency key with different bodies: one of
        // those is issued, the other nine are refused inside whatever batch they land in.
        let outcomes = await withTaskGroup(of: Result<String, StoreError>?.self) { group in
            for i in 0..<40 {
                group.addTask {
                    do {
                        let key = i >= 30 ? "shared-key" : nil
                        let result = try await Store.issue(
                            repo, Fixtures.dutchRepair(imei: Fixtures.imei(300 + i)), key: key)
                        return .success(result.issued.record.number)
                    } catch let error as StoreError {
                        return .failure(error)
                    } catch {
                        return nil
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(!outcomes.contains { $0 == nil })
        let numbers = outcomes.compactMap { try? $0?.get() }
        let refused = outcomes.filter {
            if case .failure(.idempotencyKeyReused)? = $0 { true } else { false }
        }
        #expect(refused.count == 9)
        let expected = (1...31).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.sorted() == expected)
        let stored = try await repo.list(QuoteQuery(limit: 100)).quotes.map(\.number)
        #expect(stored == expected)
    }

    @Test("a database file syncs every commit (synchronous = FULL), so an answered issue is on disk")
    func durable() async throws {
        let repo = try SQLiteQuoteRepository(
            path: try Store.temporaryDirectory().appendingPathComponent("q.sqlite").path)
        let mode = try await repo.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(mode == 2)
        let journal = try await repo.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        // Temporary files (savepoint journals) in memory (2), not a file per transaction.
        let temp = try await repo.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") }
        #expect(temp == 2)
    }

    @Test("the quote JSON numbered after encoding equals the numbered quote's encoding")
    func numberedJSON() throws {
        for json in [Fixtures.dutchRepair(), Fixtures.pakistanRepair(imei: Fixtures.imei(5))] {
            var quote = try Store.engine.quote(try Store.decode(json))
            let unnumbered = UnnumberedQuoteJSON(quote)
            for number in ["NL-2026-000001", "PK-2026-1234567", #"odd "quoted\ number"#] {
                quote.number = number
                #expect(unnumbered.numbered(number) == QuoteEncoder.encode(quote, pretty: false))
            }
        }
    }

    @Test("customer tokens are base64url (RFC 4648 §5) without padding, for every length")
    func base64url() {
        var rng = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == foundation)
        }
        #expect(CustomerToken.generate().count == 43)
    }

    @Test("customer tokens are 32 fresh random bytes each")
    func randomTokens() {
        let tokens = Set((0..<1000).map { _ in CustomerToken.generate() })
        #expect(tokens.count == 1000)
        // Every byte position takes many values over 1000 fills (a stuck or partial fill would not).
        var fills = [[UInt8]]()
        for _ in 0..<1000 {
            var bytes = [UInt8](repeating: 0, count: 32)
            CustomerToken.randomFill(&bytes)
            fills.append(bytes)
        }
        for position in 0..<32 { #expect(Set(fills.map { $0[position] }).count > 200) }
    }
}

@Suite("group commit: an issue failing after it wrote")
struct GroupCommitFallbackTests {
    struct Boom: Error {}

    final class Counter: Sendable {
        private let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    /// A store, and a write that counts its calls and runs `fail` after writing an issue.
    static func store(
        failing fail: @escaping @Sendable (PreparedIssue) throws -> Void
    ) throws -> (SQLiteQuoteRepository, IssueBatcher.Write, Counter) {
        let repo = try SQLiteQuoteRepository(
            path: try Store.temporaryDirectory().appendingPathComponent("q.sqlite").path)
        let writes = Counter()
        let write: IssueBatcher.Write = { db, issue in
            writes.increment()
            let result = try SQLiteQuoteRepository.insert(db, issue)
            try fail(issue)
            return result
        }
        return (repo, write, writes)
    }

    @Test(
        "a batch with issues failing after they wrote is written again with savepoints: no stray row, no gap")
    func failureAfterWriting() async throws {
        // Issues of the issuer "faulty" fail after writing their number, quote and token.
        let (repo, write, writes) = try Self.store { if $0.request.issuer == "faulty" { throw Boom() } }
        func prepared(_ i: Int) throws -> PreparedIssue {
            let serviceCase = try Store.decode(Fixtures.dutchRepair(imei: Fixtures.imei(700 + i)))
            return PreparedIssue(
                request: IssueRequest(
                    serviceCase: serviceCase, issuer: [3, 8].contains(i) ? "faulty" : "desk-1",
                    // 10 and 11: one key, two bodies; whichever comes second is refused.
                    idempotencyKey: i >= 10 ? "shared" : nil, requestHash: "h\(i)"),
                serviceCase: serviceCase, quote: try Store.engine.quote(serviceCase))
        }
        let issues = try (0..<12).map(prepared)
        let outcomes = try await repo.writer.writeWithoutTransaction { db in
            try IssueBatcher.commit(db, issues, write)
        }
        // Without savepoints, issues 0 to 3 were written, and 3 failed after writing; then the
        // batch was written again, each issue in its own savepoint.
        #expect(writes.count == 4 + 12)
        for i in [3, 8] {
            #expect(throws: Boom.self) { try outcomes[i].get() }
        }
        #expect(throws: StoreError.idempotencyKeyReused) { try outcomes[11].get() }
        let numbers = outcomes.map { try? $0.get().issued.record.number }
        let expected = (1...9).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.compactMap { $0 } == expected)
        #expect(numbers[9] == expected[7] && numbers[10] == expected[8])
        let stored = try await repo.writer.read { db in
            try (
                String.fetchAll(db, sql: "SELECT number FROM quotes ORDER BY number"),
                Int.fetchOne(db, sql: "SELECT count(*) FROM customer_tokens"),
                Int.fetchOne(db, sql: "SELECT last FROM quote_counters"),
                Int.fetchOne(db, sql: "SELECT count(*) FROM idempotency_keys")
            )
        }
        #expect(stored.0 == expected)
        #expect(stored.1 == 9)
        #expect(stored.2 == 9)
        #expect(stored.3 == 1)
    }

    @Test(
        "refusals before writing fail alone without rewriting the batch; a refusal after a write is rolled back"
    )
    func refusals() async throws {
        // The issuer "late" writes its rows, then claims to refuse: the change count gives it away.
        let (repo, write, writes) = try Self.store {
            if $0.request.issuer == "late" { throw RefusedBeforeWriting(reason: Boom()) }
        }
        func prepared(_ i: Int, issuer: String = "desk-1", key: String? = nil) throws -> PreparedIssue {
            let serviceCase = try Store.decode(Fixtures.dutchRepair(imei: Fixtures.imei(800 + i)))
            return PreparedIssue(
                request: IssueRequest(
                    serviceCase: serviceCase, issuer: issuer, idempotencyKey: key, requestHash: "h\(i)"),
                serviceCase: serviceCase, quote: try Store.engine.quote(serviceCase))
        }
        let first = try [prepared(0), prepared(1, key: "k"), prepared(2, key: "k"), prepared(3)]
        let outcomes = try await repo.writer.writeWithoutTransaction { db in
            try IssueBatcher.commit(db, first, write)
        }
        #expect(writes.count == 4)
        #expect(throws: StoreError.idempotencyKeyReused) { try outcomes[2].get() }
        #expect(outcomes.compactMap { try? $0.get().issued.record.number }.count == 3)

        let second = try [prepared(4), prepared(5, issuer: "late"), prepared(6)]
        let more = try await repo.writer.writeWithoutTransaction { db in
            try IssueBatcher.commit(db, second, write)
        }
        #expect(writes.count == 4 + 2 + 3)
        #expect(throws: Boom.self) { try more[1].get() }
        let numbers = more.map { try? $0.get().issued.record.number }
        #expect(numbers[0] == "NL-2026-000004" && numbers[2] == "NL-2026-000005")
        let stored = try await repo.writer.read { db in
            try String.fetchAll(db, sql: "SELECT number FROM quotes ORDER BY number")
        }
        #expect(
            stored
                == (1...5).map { SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0) })
    }
}
