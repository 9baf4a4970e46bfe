import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

/// Issue #32 item 1: finance books a month by the date the customer decided.
@Suite("export books by request, issue or decision date")
struct MonthEndCloseTests {
    static func records(_ csv: String) -> [[String: String]] {
        let rows = (try? StrictCSV.parse(csv)) ?? []
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("export --db: issueDate, decidedAt in Amsterdam time with its offset, decision and channel")
    func decisionColumns() async throws {
        let store = try await MonthEndStore.make()
        let result = try CommandLineTests.run(["export", "--db", store.path])
        #expect(result.status == 0, "\(result.err)")
        let rows = Self.records(result.out)
        let november = rows.filter { $0["quote"] == store.november.number }
        let december = rows.filter { $0["quote"] == store.december.number }
        #expect(november.count == store.november.quote.lines.count && !november.isEmpty)
        #expect(
            november.allSatisfy {
                $0["issueDate"] == "2026-11-28" && $0["decidedAt"] == "2026-11-30T23:30:00+01:00"
                    && $0["decision"] == "accepted" && $0["channel"] == "phone"
                    && $0["requestDate"] == "2026-11-28"
            })
        #expect(
            december.allSatisfy {
                $0["decidedAt"] == "2026-12-01T00:30:00+01:00" && $0["decision"] == "rejected"
            })
        #expect(!december.isEmpty)
    }

    @Test("--summary from the store books by decision month by default; --by request puts both in November")
    func summaryByDecision() async throws {
        let store = try await MonthEndStore.make()
        func months(_ extra: [String]) throws -> [String: Int] {
            let result = try CommandLineTests.run(["export", "--db", store.path, "--summary"] + extra)
            #expect(result.status == 0, "\(result.err)")
            var quotes: [String: Int] = [:]
            for row in Self.records(result.out) where row["payer"] == "consumer" || row["payer"] == "" {
                quotes["\(row["month"]!) \(row["state"]!)", default: 0] += Int(row["quotes"]!)!
            }
            return quotes
        }
        #expect(try months([]) == ["2026-11 accepted": 1, "2026-12 rejected": 1, " issued": 1])
        #expect(
            try months(["--by", "request"]) == [
                "2026-11 accepted": 1, "2026-11 rejected": 1, "2026-11 issued": 1,
            ])
        #expect(try months(["--by", "issue"]) == months(["--by", "request"]))
    }

    static let november = ["--by", "decision", "--from", "2026-11-01", "--to", "2026-11-30"]

    @Test("--from --to keep the quotes decided in November (Amsterdam time), inclusive")
    func novemberOnly() async throws {
        let store = try await MonthEndStore.make()
        let result = try CommandLineTests.run(["export", "--db", store.path] + Self.november)
        #expect(result.status == 0, "\(result.err)")
        #expect(Set(Self.records(result.out).map { $0["quote"]! }) == [store.november.number])
        let december = try CommandLineTests.run([
            "export", "--db", store.path, "--from", "2026-12-01", "--to", "2026-12-01", "--summary",
        ])
        #expect(Set(Self.records(december.out).map { $0["state"]! }) == ["rejected"])
        let path = WorkbookTests.workbookPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let book = try CommandLineTests.run(["export", "--db", store.path, "--xlsx", path] + Self.november)
        #expect(book.status == 0, "\(book.err)")
        let charges = try #require(try OpenedWorkbook.open(path).sheets["Charges"])
        #expect(Set(charges.values.dropFirst().map { $0[0] }) == [store.november.number])
    }

    @Test("reprice --db --from --to: only the quotes booked in the range are repriced")
    func repriceRange() async throws {
        let store = try await MonthEndStore.make()
        let result = try CommandLineTests.run(
            ["reprice", "--db", store.path, "--on", "2026-11-28"] + Self.november)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("\(store.november.number): consumer"))
        #expect(!result.out.contains(store.december.number) && !result.out.contains(store.pending))
        #expect(!result.out.contains("line "))
    }

    @Test("check --db --from --to: only November's decided quote is checked; by request all three")
    func checkRange() async throws {
        let store = try await MonthEndStore.make()
        let november = try CommandLineTests.run(["check", "--db", store.path] + Self.november)
        #expect(november.status == 0, "\(november.out)\(november.err)")
        #expect(november.out.contains("summary: 1 quote read, 1 matched"), "\(november.out)")
        let requested = try CommandLineTests.run([
            "check", "--db", store.path, "--by", "request", "--from", "2026-11-28", "--to", "2026-11-28",
        ])
        #expect(requested.out.contains("summary: 3 quotes read, 3 matched"), "\(requested.out)")
    }

    @Test("usage: --by decision or --all-states on a file, a bad date or range: exit 2 naming the option")
    func refused() throws {
        let file = try PricesCommandTests.generated(2)
        for (arguments, message) in [
            (["export", file, "--by", "decision"], "--by decision"),
            (["export", file, "--all-states"], "--all-states"),
            (["export", file, "--from", "2026-13-01"], "--from"),
            (["export", file, "--from", "2026-12-01", "--to", "2026-11-30"], "--to"),
            (["reprice", file, "--on", "2026-03-02", "--by", "decision"], "--by decision"),
        ] {
            let result = try CommandLineTests.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.err.contains(message), "\(result.err)")
            #expect(result.out.isEmpty)
        }
    }
}
