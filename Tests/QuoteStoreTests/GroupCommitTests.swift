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
