import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore
import QuoteTestSupport
import Testing

/// The store of docs/finance.md's "Month-end close": shipped examples issued in November 2026 and
/// answered at known instants, some in November, one just after midnight on 1 December in
/// Amsterdam, one never. `REPAIRQUOTE_DEMO_STORE=/tmp/nov.sqlite swift test --skip-build --filter
/// MonthEndDemo` leaves it at that path to run the documented commands on.
@Suite("month-end close: export, price change and reconciliation of November")
struct MonthEndDemo {
    /// Example, request day in November, answer (nil: none) and when (UTC).
    static let quotes: [(String, Int, Decision?, String)] = [
        ("nl-out-of-warranty", 3, .accepted, "2026-11-04T09:12:00Z"),
        ("nl-in-warranty", 5, .accepted, "2026-11-05T14:40:00Z"),
        ("be-out-of-warranty", 9, .accepted, "2026-11-10T08:05:00Z"),
        ("nl-out-of-warranty", 12, .rejected, "2026-11-13T16:30:00Z"),
        ("lu-in-warranty", 17, .accepted, "2026-11-18T10:00:00Z"),
        ("be-out-of-warranty", 24, .rejected, "2026-11-25T11:45:00Z"),
        ("nl-out-of-warranty", 28, .accepted, "2026-11-30T22:30:00Z"),  // 23:30 in Amsterdam: November
        ("nl-out-of-warranty", 28, .accepted, "2026-11-30T23:30:00Z"),  // 00:30 on 1 December
        ("nl-in-warranty", 30, nil, ""),
    ]

    static func make(at path: String) async throws {
        try? FileManager.default.removeItem(atPath: path)
        let repository = try SQLiteQuoteRepository(path: path)
        let calculator = FinanceFixture.calculator
        for (example, day, decision, at) in quotes {
            let requested = CivilDate("2026-11-\(day < 10 ? "0" : "")\(day)")!
            let text = try String(
                contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(example).json"),
                encoding: .utf8
            ).replacingOccurrences(
                of: "\"requestDate\": \"2026-03-02\"", with: "\"requestDate\": \"\(requested)\"")
            let serviceCase = try CaseDecoder.decode(text, today: { _ in requested })
            let result = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "R-100", idempotencyKey: nil,
                    requestHash: "\(example)-\(day)-\(at)",
                    issuedOn: requested),
                engine: calculator)
            guard let decision, case .object(let json) = QuoteEncoder.json(try calculator.quote(serviceCase))
            else {
                continue
            }
            let date = ISO8601DateFormatter().date(from: at)!
            _ = try await repository.decide(
                DecisionRequest(
                    number: result.issued.record.number, decision: decision, decidedBy: "desk",
                    finalJSON: JSONWriter.write(
                        .object(DecidedCharges.select(from: json, decision: decision)), pretty: false),
                    role: "retailer", channel: "phone", at: date,
                    today: CivilDate(String(at.prefix(10)))!))
        }
    }

    @Test(
        "November's ledger, made from November's export with one amount changed, has exactly that difference")
    func reconcileNovember() async throws {
        let path =
            ProcessInfo.processInfo.environment["REPAIRQUOTE_DEMO_STORE"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "nov-\(UUID().uuidString).sqlite"
            ).path
        try await Self.make(at: path)
        let month = ["--by", "decision", "--from", "2026-11-01", "--to", "2026-11-30"]
        let export = try CommandLineTests.run(["export", "--db", path] + month)
        #expect(export.status == 0, "\(export.err)")
        let rows = try StrictCSV.parse(export.out)
        let column = { (name: String) in rows[0].firstIndex(of: name)! }
        // One ledger row per quote and payer, as an ERP books them.
        var booked: [String: Int64] = [:]
        for row in rows.dropFirst() {
            booked[row[column("quote")] + "," + row[column("payer")], default: 0] +=
                try Decimals.parse(row[column("gross")], scale: 2)
        }
        #expect(Set(rows.dropFirst().map { $0[column("quote")] }).count == 7)
        var ledger = booked.keys.sorted().map { "\($0),\(Decimals.format(booked[$0]!, scale: 2))" }
        let matched = try CommandLineTests.run(
            ["reconcile", try FinanceFixture.file(["quote,payer,gross"] + ledger), "--db", path] + month)
        #expect(matched.status == 0, "\(matched.out)\(matched.err)")
        let key = booked.keys.sorted()[0]
        ledger[0] = "\(key),\(Decimals.format(booked[key]! + 1, scale: 2))"
        let differs = try CommandLineTests.run(
            ["reconcile", try FinanceFixture.file(["quote,payer,gross"] + ledger), "--db", path] + month)
        #expect(differs.status == 1)
        let findings = differs.out.split(separator: "\n").filter { !$0.hasPrefix("summary: ") }
        #expect(findings.count == 1 && findings[0].hasSuffix("ledger − charged +0.01"), "\(differs.out)")
    }

    @Test(
        "the price change of November's NL quotes: the two displays 10.00 dearer, per payer, December left out"
    )
    func priceChangeNovember() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "nov-\(UUID().uuidString).sqlite"
        ).path
        try await Self.make(at: path)
        let next = try FinanceFixture.nextNL(prices: [
            ("X14-DISPLAY,Display assembly Xiaomi 14,screen,Xiaomi 14,199.90", "209.90"),
            ("X12P-DISPLAY,Display assembly Xiaomi 12 Pro,screen,Xiaomi 12 Pro,189.90", "199.90"),
        ])
        let result = try CommandLineTests.run([
            "reprice", "--db", path, "--compare", "PriceLists/NL", next, "--summary",
            "--by", "decision", "--from", "2026-11-01", "--to", "2026-11-30",
        ])
        #expect(result.status == 0, "\(result.err)")
        // Two accepted out-of-warranty repairs 12.10 dearer each (10.00 + 21 % VAT), the rejected
        // one's inspection unchanged, the in-warranty display 10.00 dearer for the manufacturer.
        #expect(
            result.out.hasPrefix(
                "summary: NL EUR: 4 quotes, 0 unpriced, 0 uncharged, 0 status changed, 0 payers changed: "))
        #expect(
            result.out.contains("(+24.20, ") && result.out.contains("(+10.00, ")
                && result.out.contains("retailer 0.00 → 0.00 (0.00)"))
    }
}
