import Foundation
import GRDB
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

@Suite("group commit of issues")
struct GroupCommitTests {
    @Test("concurrent issues with failures among them: the failures roll back alone, numbers stay gap-free")
    func failuresInABatch() async throws {
        let repo = try SQLiteQuoteRepository(
            path: try Store.temporaryDirectory().appendingPathComponent("q.sqlite").path)
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
        // Savepoint journals in memory (2), not in a temporary file per transaction.
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
            #expect(CustomerToken.base64url(bytes) == foundation)
        }
        #expect(CustomerToken.generate().count == 43)
    }
}

@Suite("group commit: an issue failing after it wrote")
struct GroupCommitFallbackTests {
    struct Boom: Error {}

    @Test("the batch is written again with savepoints: the failed issue leaves no row and no gap")
    func failureAfterWriting() async throws {
        let repo = try SQLiteQuoteRepository(
            path: try Store.temporaryDirectory().appendingPathComponent("q.sqlite").path)
        // Issues of the issuer "faulty" fail after writing their number, quote and token.
        let batcher = IssueBatcher(writer: repo.writer) { db, issue in
            let result = try SQLiteQuoteRepository.insert(db, issue)
            if issue.request.issuer == "faulty" { throw Boom() }
            return result
        }
        func prepared(_ i: Int, issuer: String) throws -> PreparedIssue {
            let serviceCase = try Store.decode(Fixtures.dutchRepair(imei: Fixtures.imei(700 + i)))
            return PreparedIssue(
                request: IssueRequest(
                    serviceCase: serviceCase, issuer: issuer, idempotencyKey: nil, requestHash: "h\(i)"),
                serviceCase: serviceCase, quote: try Store.engine.quote(serviceCase))
        }
        let issues = try (0..<12).map { try prepared($0, issuer: [3, 8].contains($0) ? "faulty" : "desk-1") }
        // The writer is held so that the issues gather into batches of several.
        let hold = Task { try await repo.writer.write { _ in usleep(50_000) } }
        let outcomes = await withTaskGroup(of: (Int, IssueBatcher.Outcome).self) { group in
            for (i, issue) in issues.enumerated() { group.addTask { (i, await batcher.submit(issue)) } }
            return await group.reduce(into: [Int: IssueBatcher.Outcome]()) { $0[$1.0] = $1.1 }
        }
        try await hold.value
        for i in [3, 8] {
            #expect(throws: Boom.self) { try outcomes[i]?.get() }
        }
        let numbers = (0..<12).filter { ![3, 8].contains($0) }.compactMap {
            try? outcomes[$0]?.get().issued.record.number
        }
        #expect(numbers.count == 10)
        let expected = (1...10).map {
            SQLiteQuoteRepository.formatNumber(market: "NL", year: 2026, sequence: $0)
        }
        #expect(numbers.sorted() == expected)
        let stored = try await repo.writer.read { db in
            try (
                String.fetchAll(db, sql: "SELECT number FROM quotes ORDER BY number"),
                Int.fetchOne(db, sql: "SELECT count(*) FROM customer_tokens"),
                Int.fetchOne(db, sql: "SELECT last FROM quote_counters")
            )
        }
        #expect(stored.0 == expected)
        #expect(stored.1 == 10)
        #expect(stored.2 == 10)
    }
}
