import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore
import Testing

/// `export --db`: the service's store as the finance input.
@Suite("export --db reads the service's store")
struct StoreExportTests {
    /// A new store file, its repository and the calculator with the shipped price lists.
    static func store() throws -> (String, SQLiteQuoteRepository, QuoteCalculator) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "export-\(UUID().uuidString).sqlite"
        ).path
        let calculator = QuoteCalculator(
            catalog: try PriceListLoader.loadCatalog(
                directory: CommandLineTests.root.appendingPathComponent("PriceLists").path))
        return (path, try SQLiteQuoteRepository(path: path), calculator)
    }

    @Test(
        "with --all-states, quotes issued into a store export as one CSV row per charge line; usage errors exit 2"
    )
    func exportFromStore() async throws {
        let (path, repository, calculator) = try Self.store()
        var lineCount = 0
        for name in ["nl-out-of-warranty", "pk-free-labor", "us-remorse-refund"] {
            let text = try String(
                contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"),
                encoding: .utf8)
            let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
            let result = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "test", idempotencyKey: nil, requestHash: name),
                engine: calculator)
            lineCount += try calculator.quote(serviceCase).lines.count
            #expect(result.issued.record.number.hasSuffix("-000001"))
        }
        let csv = try CommandLineTests.run(["export", "--db", path, "--csv", "--all-states"])
        #expect(csv.status == 0, "\(csv.err)")
        let rows = csv.out.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.count == lineCount + 1)
        #expect(rows[0].hasSuffix(",state,reference,issuer,model,issueDate,decidedAt,decision,channel"))
        #expect(rows.dropFirst().allSatisfy { $0.contains(",expired,,test,") })
        let decidedOnly = try CommandLineTests.run(["export", "--db", path, "--csv"])
        #expect(decidedOnly.out.split(separator: "\r\n").count == 1)  // none decided: the header alone
        #expect(rows.contains { $0.hasPrefix("PK-2026-000001,PK,2026-03-02,out-of-warranty,repair,") })
        let both = try CommandLineTests.run(["export", "some.jsonl", "--db", path])
        #expect(both.status == 2)
        #expect(both.err.contains("give either FILE or --db FILE"))
    }

    @Test(
        "export totals are the decided charges of a mix of accepted, rejected, pending, expired and void quotes"
    )
    func decidedTotals() async throws {
        let (path, repository, calculator) = try Self.store()
        let today = CivilDate.today(in: TimeZone(identifier: "UTC")!)
        let example = try String(
            contentsOf: CommandLineTests.root.appendingPathComponent("Examples/nl-out-of-warranty.json"),
            encoding: .utf8)
        func issue(requestDate: CivilDate) async throws -> (String, Quote) {
            let text = example.replacingOccurrences(of: "2026-03-02", with: requestDate.description)
            let serviceCase = try CaseDecoder.decode(text, today: { _ in today })
            let quote = try calculator.quote(serviceCase)
            let result = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "R-100", idempotencyKey: nil, requestHash: "\(UUID())"),
                engine: calculator)
            return (result.issued.record.number, quote)
        }
        func decide(_ number: String, _ quote: Quote, _ decision: Decision) async throws {
            guard case .object(let json) = QuoteEncoder.json(quote) else { return }
            let charges = JSONWriter.write(
                .object(DecidedCharges.select(from: json, decision: decision)), pretty: false)
            _ = try await repository.decide(
                DecisionRequest(
                    number: number, decision: decision, decidedBy: "shop", finalJSON: charges,
                    role: "retailer",
                    channel: "phone", today: today))
        }
        let (accepted, acceptedQuote) = try await issue(requestDate: today)
        try await decide(accepted, acceptedQuote, .accepted)
        let (rejected, rejectedQuote) = try await issue(requestDate: today)
        try await decide(rejected, rejectedQuote, .rejected)
        _ = try await issue(requestDate: today)  // pending
        _ = try await issue(requestDate: today.adding(days: -29))  // valid 14 days: expired
        let (voided, _) = try await issue(requestDate: today)
        _ = try await repository.void(
            VoidRequest(number: voided, reason: "customer withdrew", voidedBy: "shop", today: today))
        let rejectedLines = try #require(rejectedQuote.ifRejected?.lines)
        #expect(
            !rejectedLines.isEmpty
                && rejectedQuote.totals.consumer.gross != rejectedQuote.ifRejected?.totals.consumer.gross)

        let csv = try CommandLineTests.run(["export", "--db", path, "--csv"])
        #expect(csv.status == 0, "\(csv.err)")
        let rows = csv.out.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == acceptedQuote.lines.count + rejectedLines.count)
        #expect(Set(rows.map { String($0[0]) }) == [accepted, rejected])
        // The last columns: state, reference, issuer, model, issueDate, decidedAt, decision, channel
        // (counted from the end: a description may hold a comma).
        #expect(
            rows.allSatisfy {
                ["accepted", "rejected"].contains($0[$0.count - 8]) && $0[$0.count - 6] == "R-100"
                    && $0[$0.count - 8] == $0[$0.count - 2] && $0[$0.count - 1] == "phone"
            })
        #expect(rows.allSatisfy { !$0[$0.count - 5].isEmpty && $0[$0.count - 4] == today.description })

        let summary = try CommandLineTests.run(["export", "--db", path, "--summary"])
        #expect(summary.status == 0, "\(summary.err)")
        var gross: [String: Int64] = [:]
        var quotes: [String: Int] = [:]
        for record in summary.out.split(separator: "\r\n").dropFirst() {
            let fields = record.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            gross[fields[3], default: 0] += try Decimals.parse(fields[9], scale: 2)
            if fields[4].isEmpty || fields[4] == "consumer" {
                quotes[fields[3], default: 0] += Int(fields[5])!
            }
        }
        func sum(_ lines: [ChargeLine]) -> Int64 { lines.reduce(0) { $0 + $1.gross.minorUnits } }
        #expect(gross["accepted"] == sum(acceptedQuote.lines))
        #expect(gross["rejected"] == sum(rejectedLines))
        #expect(gross["issued"] == 0 && gross["expired"] == 0 && gross["void"] == 0)
        #expect(quotes["issued"] == 1 && quotes["expired"] == 1 && quotes["void"] == 1)

        // The check recomputes every quote of the store and each decision's charges: all match; a
        // decision whose stored charges are not the decided ones is reported.
        var lines = ""
        try repository.writeJSONLines(today: today) { lines += $0 }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let check = try CommandLineTests.run(["check", file.path])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        let acceptedLine = try #require(
            lines.split(separator: "\n").first { $0.contains(#""decision":{"decision":"accepted""#) })
        let tampered = acceptedLine.replacingOccurrences(
            of: #""decision":{"decision":"accepted""#, with: #""decision":{"decision":"rejected""#)
        try (tampered + "\n").write(to: file, atomically: true, encoding: .utf8)
        let differs = try CommandLineTests.run(["check", file.path])
        #expect(differs.status == 1 && differs.out.contains("record.decision.charges"), "\(differs.out)")
    }

    @Test("reprice --db: the store's quotes repriced on their own request date change by nothing")
    func repriceFromStore() async throws {
        let (path, _) = try await StoreFixture.store(["nl-out-of-warranty", "pk-free-labor", "hk-doa-swap"])
        let result = try CommandLineTests.run([
            "reprice", "--db", path, "--on", "2026-03-02", "--summary", "--csv",
        ])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(
            rows.dropFirst().map { "\($0[0]) \($0[2]) \($0[3]) \($0[8])" } == [
                "HK 1 0 0.00", "NL 1 0 0.00", "PK 1 0 0.00",
            ])
        let text = try CommandLineTests.run(["reprice", "--db", path, "--on", "2026-03-02"])
        #expect(text.out.contains("NL-2026-000001: consumer "))
        #expect(text.out.contains("(+0.00) [2026.1 → 2026.1]"))
    }
}
