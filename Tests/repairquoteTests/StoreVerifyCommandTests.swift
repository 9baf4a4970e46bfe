import Foundation
import GRDB
import QuoteCore
import QuoteJSON
import Testing

@testable import QuoteStore

/// `store verify --db`: the hash chains of a store, from the command line.
@Suite("store verify walks every quote's history")
struct StoreVerifyCommandTests {
    @Test("exit 0 with the counts; 1 naming the quote and event after a change with plain SQL; 2 unreadable")
    func verify() async throws {
        let (path, repository, calculator) = try StoreExportTests.store()
        for name in ["nl-out-of-warranty", "pk-free-labor"] {
            let text = try String(
                contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"),
                encoding: .utf8)
            _ = try await repository.issue(
                IssueRequest(
                    serviceCase: try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! }),
                    issuer: "test", idempotencyKey: nil, requestHash: name),
                engine: calculator)
        }
        _ = try await repository.addCustomerToken(number: "PK-2026-000001")
        let good = try CommandLineTests.run(["store", "verify", "--db", path])
        #expect(good.status == 0, "\(good.err)")
        #expect(good.out == "verified 2 quotes and 3 events\n")

        let csv = try CommandLineTests.run(["export", "--events", "--db", path])
        #expect(csv.status == 0, "\(csv.err)")
        let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            rows.first
                == "quote,sequence,kind,at,actorKind,actorName,actorRole,ip,userAgent,details,previousHash,hash"
        )
        #expect(
            rows.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
                "NL-2026-000001,1,issued", "PK-2026-000001,1,issued", "PK-2026-000001,2,link-made",
            ])
        let events = try await repository.events(number: "PK-2026-000001")
        #expect(rows.last?.hasSuffix("," + events[0].hash + "," + events[1].hash) == true)
        #expect(try CommandLineTests.run(["export", "--events", "x.jsonl"]).status != 0)

        try await repository.writer.write { db in
            try db.execute(sql: "DROP TRIGGER quote_events_no_update")
            try db.execute(
                sql:
                    "UPDATE quote_events SET at_ms = at_ms + 1 WHERE quote_number = 'PK-2026-000001' AND seq = 2"
            )
        }
        let bad = try CommandLineTests.run(["store", "verify", "--db", path])
        #expect(bad.status == 1)
        #expect(
            bad.err
                == "repairquote: store verify: quote PK-2026-000001, event 2: does not match its hash (the row changed)\n"
        )

        let missing = try CommandLineTests.run(["store", "verify", "--db", path + ".missing"])
        #expect(missing.status == 2 && missing.err.contains("\(path).missing: the file does not exist"))
        let notSQLite = path + ".txt"
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: notSQLite))
        let unreadable = try CommandLineTests.run(["store", "verify", "--db", notSQLite])
        #expect(unreadable.status == 2 && unreadable.err.contains(notSQLite))
    }
}
