import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore
import QuoteTestSupport
import Testing

/// `export --report`: the finance reports as CSV, and the same numbers as `export --summary` and
/// the charge lines, to the cent, on SQLite and PostgreSQL.
@Suite("export --report gives the numbers export --summary gives")
struct ReportCommandTests {
    enum Engine: String, CaseIterable, Sendable { case sqlite, postgres }

    static let examples = [
        "nl-out-of-warranty", "nl-in-warranty", "pk-free-labor", "us-out-of-warranty-sales-tax",
        "hk-out-of-warranty", "es-out-of-warranty", "be-out-of-warranty", "lu-out-of-warranty-rejected",
        "nl-doa-accepted", "pk-in-warranty", "us-replacement-in-warranty",
    ]
    static let issueDays = ["2026-03-02", "2026-04-10", "2026-05-20"]

    /// A store of the shipped examples issued on three days, every fourth accepted, rejected,
    /// left undecided (expired by now) or voided; returns what `--db` takes.
    static func store(_ engine: Engine) async throws -> String {
        let (db, repository): (String, any QuoteRepository)
        switch engine {
        case .sqlite:
            let (path, sqlite, _) = try StoreExportTests.store()
            (db, repository) = (path, sqlite)
        case .postgres:
            let configuration = try await PostgresTestDatabase.create()
            (db, repository) = (
                PostgresTestDatabase.url(configuration),
                try await PostgresQuoteRepository.connect(configuration)
            )
        }
        let calculator = QuoteCalculator(
            catalog: try PriceListLoader.loadCatalog(
                directory: CommandLineTests.root.appendingPathComponent("PriceLists").path))
        var index = 0
        for day in issueDays {
            for name in examples {
                index += 1
                let text = try String(
                    contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"),
                    encoding: .utf8)
                let issued = CivilDate(day)!
                let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
                let record = try await repository.issue(
                    IssueRequest(
                        serviceCase: serviceCase, issuer: index % 3 == 0 ? "R-100" : "desk-1",
                        idempotencyKey: nil, requestHash: "\(name)-\(day)", issuedOn: issued),
                    engine: calculator
                ).issued.record
                let decision: Decision? = [Decision.accepted, .rejected, nil, nil][index % 4]
                if let decision {
                    guard case .object(let json)? = try? JSONParser.parse(record.quoteJSON) else { continue }
                    let charges = JSONWriter.write(
                        .object(DecidedCharges.select(from: json, decision: decision)), pretty: false)
                    _ = try await repository.decide(
                        DecisionRequest(
                            number: record.number, decision: decision, decidedBy: "shop", finalJSON: charges,
                            role: index % 2 == 0 ? "customer" : "retailer", channel: "phone",
                            at: Date(
                                timeIntervalSince1970: Double(issued.dayNumber + index % 5) * 86400 + 43200),
                            today: issued.adding(days: index % 5)))
                } else if index % 8 == 3 {
                    _ = try await repository.void(
                        VoidRequest(number: record.number, reason: "test", voidedBy: "desk-1", today: issued))
                }
            }
        }
        if let postgres = repository as? PostgresQuoteRepository { await postgres.shutdown() }
        return db
    }

    static func csv(_ arguments: [String]) throws -> [[String]] {
        let result = try CommandLineTests.run(["export"] + arguments)
        #expect(result.status == 0, "\(arguments): \(result.err)")
        return try StrictCSV.parse(result.out)
    }

    /// Rows of a CSV with a header, as dictionaries.
    static func records(_ table: [[String]]) -> [[String: String]] {
        guard let header = table.first else { return [] }
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// Minor units of a decimal text (any number of digits after the point, compared as given).
    static func minor(_ text: String?) -> Int64 {
        Int64((text ?? "").replacingOccurrences(of: ".", with: "")) ?? 0
    }

    @Test(
        "payers, conversion and top models equal export --summary and the charge lines, to the cent",
        arguments: Engine.allCases)
    func sameNumbers(engine: Engine) async throws {
        let db = try await Self.store(engine)
        let period = ["--from-month", "2026-01", "--to-month", "2026-12"]
        let byIssue = ["--by", "issue", "--from", "2026-01-01", "--to", "2026-12-31"]
        for filter in [[], ["--currency", "EUR"], ["--issuer", "R-100"], ["--market", "PK"]] {
            // Charges by payer: the accepted and rejected rows of the summary, over markets.
            let summary = Self.records(try Self.csv(["--db", db, "--summary"] + byIssue)).filter { row in
                ["accepted", "rejected"].contains(row["state"]) && row["payer"] != ""
                    && (filter.isEmpty || filter[0] != "--currency" || row["currency"] == filter[1])
                    && (filter.isEmpty || filter[0] != "--market" || row["market"] == filter[1])
            }
            let lines = Self.records(try Self.csv(["--db", db, "--csv"] + byIssue))
            var expected: [String: [Int64]] = [:]
            if filter.first == "--issuer" {
                for row in lines where row["issuer"] == filter[1] {
                    let key = [String(row["issueDate"]!.prefix(7)), row["currency"]!, row["payer"]!]
                        .joined(separator: ",")
                    var sums = expected[key] ?? [0, 0, 0, 0]
                    sums[1] += 1
                    sums[2] += Self.minor(row["net"])
                    sums[3] += Self.minor(row["gross"])
                    expected[key] = sums
                }
            } else {
                for row in summary {
                    let key = [row["month"]!, row["currency"]!, row["payer"]!].joined(separator: ",")
                    var sums = expected[key] ?? [0, 0, 0, 0]
                    sums[1] += Int64(row["lines"]!)!
                    sums[2] += Self.minor(row["net"])
                    sums[3] += Self.minor(row["gross"])
                    expected[key] = sums
                }
            }
            let payers = Self.records(try Self.csv(["--db", db, "--report", "payers"] + period + filter))
            var reported: [String: [Int64]] = [:]
            for row in payers {
                reported[[row["month"]!, row["currency"]!, row["payer"]!].joined(separator: ",")] = [
                    0, Int64(row["lines"]!)!, Self.minor(row["net"]), Self.minor(row["gross"]),
                ]
            }
            #expect(!reported.isEmpty)
            #expect(reported == expected, "payers \(filter)")

            // Conversion: the quotes of each issue month and state, from every state's charge lines.
            let all = Self.records(try Self.csv(["--db", db, "--csv", "--all-states"] + byIssue)).filter {
                row in
                filter.isEmpty
                    || row[
                        ["--currency": "currency", "--issuer": "issuer", "--market": "market"][filter[0]]!]
                        == filter[1]
            }
            var quotes: [String: Set<String>] = [:]
            for row in all {
                quotes["\(row["issueDate"]!.prefix(7)) \(row["state"]!)", default: []].insert(row["quote"]!)
            }
            let conversion = Self.records(
                try Self.csv(["--db", db, "--report", "conversion"] + period + filter))
            var counted: [String: Int] = [:]
            for row in conversion {
                for state in ["accepted", "rejected", "expired", "void", "superseded"] where row[state] != "0"
                {
                    counted["\(row["month"]!) \(state)"] = Int(row[state]!)!
                }
                if row["open"] != "0" { counted["\(row["month"]!) issued"] = Int(row["open"]!)! }
            }
            // A decided quote without decided lines (a rejection that costs nothing) has no line to
            // list: the summary counts it in its state's row without a payer.
            if filter.first != "--issuer" {
                let summaryAll = Self.records(
                    try Self.csv(["--db", db, "--summary", "--all-states"] + byIssue))
                for row in summaryAll where row["payer"] == "" && row["state"] != "" {
                    guard
                        filter.isEmpty || row[filter[0] == "--currency" ? "currency" : "market"] == filter[1]
                    else { continue }
                    quotes["\(row["month"]!) \(row["state"]!)", default: []]
                        .formUnion((0..<Int(row["quotes"]!)!).map { "empty \(row["market"]!) \($0)" })
                }
                #expect(counted == quotes.mapValues(\.count), "conversion \(filter)")
            }
            #expect(
                conversion.allSatisfy { row in
                    Int(row["issued"]!)!
                        == ["accepted", "rejected", "expired", "void", "superseded", "open"]
                        .reduce(0) { $0 + Int(row[$1]!)! }
                })
        }
        // Top models: the manufacturer's decided charges per model and currency, ten at most each.
        let lines = Self.records(try Self.csv(["--db", db, "--csv"] + byIssue))
        var cost: [String: Int64] = [:]
        for row in lines where row["payer"] == "manufacturer" {
            cost["\(row["currency"]!)\t\(row["model"]!)", default: 0] += Self.minor(row["net"])
        }
        let top = Self.records(try Self.csv(["--db", db, "--report", "top-models"] + period))
            .filter { $0["ranks"] == "model" }
        var expectedTop: [String] = []
        for currency in Set(cost.keys.map { String($0.prefix(3)) }).sorted() {
            expectedTop += cost.filter { $0.key.hasPrefix(currency) }
                .sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
                .map { "\($0.key)\t\($0.value)" }
        }
        #expect(!top.isEmpty)
        #expect(top.map { "\($0["currency"]!)\t\($0["name"]!)\t\(Self.minor($0["net"]))" } == expectedTop)
    }

    /// Conversion cells (`2026-03 accepted`) of `export --report conversion` with `filter`.
    static func conversionCells(_ db: String, _ filter: [String]) throws -> [String: Int] {
        let period = ["--from-month", "2026-01", "--to-month", "2026-12"]
        var cells: [String: Int] = [:]
        for row in records(try csv(["--db", db, "--report", "conversion"] + period + filter)) {
            for state in ["accepted", "rejected", "expired", "void", "superseded", "open"]
            where row[state] != "0" {
                cells["\(row["month"]!) \(state)"] = Int(row[state]!)!
            }
        }
        return cells
    }

    @Test(
        "conversion under --issuer: each issuer's quotes with lines, and the quotes without lines of export --summary",
        arguments: Engine.allCases)
    func conversionPerIssuer(engine: Engine) async throws {
        let db = try await Self.store(engine)
        let byIssue = ["--by", "issue", "--from", "2026-01-01", "--to", "2026-12-31"]
        let lines = Self.records(try Self.csv(["--db", db, "--csv", "--all-states"] + byIssue))
        // The quotes that have no line to list (a rejection that costs nothing), per month and
        // state, as export --summary counts them: in their state's row without a payer.
        var withoutLines: [String: Int] = [:]
        for row in Self.records(try Self.csv(["--db", db, "--summary", "--all-states"] + byIssue))
        where row["payer"] == "" && row["state"] != "" {
            withoutLines["\(row["month"]!) \(row["state"]!)", default: 0] += Int(row["quotes"]!)!
        }
        var unlisted: [String: Int] = [:]
        var total: [String: Int] = [:]
        for issuer in ["R-100", "desk-1"] {
            var listed: [String: Set<String>] = [:]
            for row in lines where row["issuer"] == issuer {
                listed["\(row["issueDate"]!.prefix(7)) \(row["state"]!)", default: []].insert(row["quote"]!)
            }
            let reported = try Self.conversionCells(db, ["--issuer", issuer])
            #expect(!reported.isEmpty, "\(issuer)")
            for (cell, quotes) in listed {
                let state = cell.split(separator: " ")[1]
                let key = state == "issued" ? cell.replacingOccurrences(of: "issued", with: "open") : cell
                #expect((reported[key] ?? 0) >= quotes.count, "\(issuer) \(cell)")
            }
            for (cell, count) in reported {
                let listedCount = listed[cell.replacingOccurrences(of: " open", with: " issued")]?.count ?? 0
                if count > listedCount { unlisted[cell, default: 0] += count - listedCount }
                total[cell, default: 0] += count
            }
        }
        // What the issuers' reports hold beyond their listed quotes is exactly the summary's
        // quotes without lines, and together they are the whole report.
        #expect(!withoutLines.isEmpty)
        #expect(unlisted == withoutLines)
        #expect(total == (try Self.conversionCells(db, [])))
    }

    @Test("bad filters name their option and exit 2; --report needs --db")
    func badFilters() throws {
        let month = try CommandLineTests.run(
            ["export", "--db", "x.sqlite", "--report", "payers", "--from-month", "2026-13"])
        #expect(month.status != 0 && month.err.contains("--from-month: \"2026-13\" is not a month YYYY-MM"))
        let order = try CommandLineTests.run(
            [
                "export", "--db", "x.sqlite", "--report", "conversion", "--from-month", "2026-05",
                "--to-month", "2026-04",
            ])
        #expect(
            order.status != 0 && order.err.contains("--from-month: 2026-05 is after the end of the period"))
        let currency = try CommandLineTests.run([
            "export", "--db", "x.sqlite", "--report", "payers", "--currency", "EURO",
        ])
        #expect(currency.status != 0 && currency.err.contains("--currency: unknown currency \"EURO\""))
        let file = try CommandLineTests.run(["export", "some.jsonl", "--report", "payers"])
        #expect(file.status != 0 && file.err.contains("--report: only with --db"))
        let alone = try CommandLineTests.run(["export", "--db", "x.sqlite", "--market", "NL"])
        #expect(alone.status != 0 && alone.err.contains("only with --report"))
    }
}
