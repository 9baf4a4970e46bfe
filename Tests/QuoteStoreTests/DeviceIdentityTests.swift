import Foundation
import GRDB
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// G-10: a one-time benefit is granted once per device, however the device is identified.
@Suite("device identity in the benefit ledger")
struct DeviceIdentityTests {
    /// The PK free-labour case with the device given by `device` (a JSON object body).
    static func pakistan(device: String) -> String {
        Fixtures.pakistanRepair().replacingOccurrences(
            of: #""device": {"model": "Xiaomi 12 Pro", "category": "phone", "imei": "\#(Fixtures.imei(1))"}"#,
            with: #""device": {"model": "Xiaomi 12 Pro", "category": "phone", \#(device)}"#)
    }

    static func grants(_ record: QuoteRecord) -> Bool {
        record.quoteJSON.contains(#""benefitsGranted":["PK-3"]"#)
    }

    @Test("identities are normalised in one place: IMEI digits, serial trimmed, upper case, no spaces")
    func normalisation() {
        #expect(
            DeviceIdentity.keys(imei: "490154203237518", serial: " snx 124707\t")
                == ["imei:49015420323751", "serial:SNX124707"])
        #expect(DeviceIdentity.keys(imei: nil, serial: "SNX124707 ") == ["serial:SNX124707"])
        #expect(DeviceIdentity.keys(imei: nil, serial: "   ") == [])
        #expect(DeviceIdentity.keys(imei: nil, serial: nil) == [])
    }

    @Test(
        "IMEI + serial, then the serial alone, lower case or with a trailing space: PK-3 granted once",
        arguments: StoreKind.allCases)
    func oneDeviceManySpellings(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let bodies = [
            #""imei": "\#(Fixtures.imei(1))", "serial": "SNX124707""#,
            #""serial": "SNX124707""#,
            #""serial": "snx124707""#,
            #""serial": "SNX124707 ""#,
            #""serial": "SNX 124707""#,
            #""imei": "\#(Fixtures.imei(1))""#,
        ].map { Self.pakistan(device: $0) }
        var records: [QuoteRecord] = []
        for body in bodies { records.append(try await Store.issue(repo, body).issued.record) }
        #expect(records.map(Self.grants) == [true, false, false, false, false, false])
        let stored = try Store.decode(records[3].caseJSON)
        #expect(stored.history.benefitQuotes == ["PK-3": records[0].number])
    }

    @Test(
        "a serial first, then IMEI + serial: the IMEI is linked and a later IMEI-only case finds it",
        arguments: StoreKind.allCases)
    func identifiersAreLinked(kind: StoreKind) async throws {
        let store = try await kind.make(inMemory: true)
        defer { Task { await store.close() } }
        let repo = store.repo
        let first = try await Store.issue(repo, Self.pakistan(device: #""serial": "snx124707""#)).issued
            .record
        let both = try await Store.issue(
            repo, Self.pakistan(device: #""imei": "\#(Fixtures.imei(1))", "serial": "SNX124707""#)
        ).issued.record
        #expect(Self.grants(first) && !Self.grants(both))
        let byIMEI = try await repo.benefitsUsed(deviceKeys: ["imei:" + Fixtures.imei(1).prefix(14)])
        #expect(byIMEI == ["PK-3": first.number])
        let imeiOnly = try await Store.issue(repo, Self.pakistan(device: #""imei": "\#(Fixtures.imei(1))""#))
            .issued.record
        #expect(!Self.grants(imeiOnly))
    }

    @Test(
        "two concurrent issues for one phone under different identifiers grant PK-3 once",
        arguments: StoreKind.allCases)
    func concurrentDifferentIdentifiers(kind: StoreKind) async throws {
        for round in 0..<10 {
            let store = try await kind.make()
            defer { Task { await store.close() } }
            let repo = store.repo
            let serial = "SNX\(500 + round)"
            let a = Self.pakistan(
                device: #""imei": "\#(Fixtures.imei(900 + round))", "serial": "\#(serial)""#)
            let b = Self.pakistan(device: #""serial": " \#(serial.lowercased()) ""#)
            async let first = Store.issue(repo, a).issued.record
            async let second = Store.issue(repo, b).issued.record
            let records = try await [first, second]
            #expect(records.filter(Self.grants).count == 1, "round \(round)")
        }
    }

    @Test("serial keys written before normalisation are normalised by a migration")
    func migrationNormalisesOldKeys() async throws {
        let path = try Store.temporaryDirectory().appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1-quotes") { db in try db.execute(sql: Migrations.quotesSQL) }
            migrator.registerMigration("v1-ledger") { db in
                try db.execute(
                    sql: """
                        CREATE TABLE benefit_ledger (benefit TEXT NOT NULL, device_key TEXT NOT NULL,
                            quote_number TEXT NOT NULL REFERENCES quotes(number), created_at DOUBLE NOT NULL,
                            UNIQUE (benefit, device_key));
                        """)
            }
            migrator.registerMigration("v1-outbox") { db in try db.execute(sql: Migrations.outboxSQL) }
            try migrator.migrate(queue)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO quotes (number, market, year, kind, coverage_status, issue_date, valid_until,
                            issuer, case_json, quote_json, price_list_version, created_at)
                        VALUES ('PK-2026-000001', 'PK', 2026, 'repair', 'out-of-warranty', '2026-03-02',
                            '2026-03-16', 'desk-1', '{}', '{}', 'stub-1', 0);
                        INSERT INTO quote_counters VALUES ('PK', 2026, 1);
                        INSERT INTO benefit_ledger VALUES ('PK-3', 'serial: snx 124707 ', 'PK-2026-000001', 0);
                        """)
            }
        }
        let repo = try SQLiteQuoteRepository(path: path)
        #expect(try await repo.benefitsUsed(deviceKeys: ["serial:SNX124707"]) == ["PK-3": "PK-2026-000001"])
        let again = try await Store.issue(repo, Self.pakistan(device: #""serial": "SNX124707""#)).issued
            .record
        #expect(!Self.grants(again))
    }
}
