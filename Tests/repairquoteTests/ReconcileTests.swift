import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

/// `reconcile LEDGER.csv (FILE | --db DB)`: the ledger's booked amounts against the charges.
@Suite("reconcile: a ledger against the decided charges, per quote and payer")
struct ReconcileTests {
    /// Three quotes (NL in warranty, NL and BE out of warranty) and a ledger booking each payer's
    /// gross, as an ERP would.
    static func quotesAndLedger() throws -> (file: String, rows: [[String]], quotes: [Quote]) {
        var lines: [String] = []
        var quotes: [Quote] = []
        for (example, number) in [
            ("nl-in-warranty", "NL-2026-000001"), ("nl-out-of-warranty", "NL-2026-000002"),
            ("be-out-of-warranty", "BE-2026-000001"),
        ] {
            let (line, quote) = try FinanceFixture.line(example, number: number)
            lines.append(line)
            quotes.append(quote)
        }
        var rows: [[String]] = []
        for quote in quotes {
            for payer in Payer.allCases where quote.totals[payer].gross.minorUnits != 0 {
                rows.append([
                    quote.number!, payer.rawValue, "x",
                    Decimals.format(quote.totals[payer].gross.minorUnits, scale: 2),
                ])
            }
        }
        return (try FinanceFixture.file(lines), rows, quotes)
    }

    static func ledger(
        _ rows: [[String]], header: [String] = ["quote", "payer", "text", "gross"], delimiter: String = ","
    )
        throws -> String
    {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ledger-\(UUID().uuidString).csv"
        ).path
        try ([header] + rows).map { $0.joined(separator: delimiter) + "\r\n" }.joined()
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a ledger booking every charge exactly: exit 0, only the summary")
    func allMatch() throws {
        let (file, rows, _) = try Self.quotesAndLedger()
        let result = try CommandLineTests.run(["reconcile", try Self.ledger(rows), file])
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("summary: ") })
        #expect(
            lines.contains {
                $0.hasPrefix("summary: NL EUR manufacturer: 1 charges ")
                    && $0.hasSuffix(
                        ": 1 matched, 0 differing, 0 without a ledger row, 0 ledger rows without a charge")
            })
        #expect(lines.last == "summary: \(rows.count) ledger rows read")
    }

    @Test("one amount off, one row missing, an unknown quote, a payer not charged: each reported, exit 1")
    func differences() throws {
        let (file, rows, quotes) = try Self.quotesAndLedger()
        var changed = rows
        let consumer = quotes[1].totals.consumer.gross.minorUnits
        let index = changed.firstIndex { $0[0] == "NL-2026-000002" && $0[1] == "consumer" }!
        changed[index][3] = Decimals.format(consumer + 100, scale: 2)
        let dropped = changed.firstIndex { $0[0] == "BE-2026-000001" }!
        let missing = changed.remove(at: dropped)
        changed.append(["NL-2026-000099", "consumer", "x", "10.00"])
        changed.append(["NL-2026-000001", "retailer", "x", "5.00"])
        let ledger = try Self.ledger(changed)
        let result = try CommandLineTests.run(["reconcile", ledger, file])
        #expect(result.status == 1, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let amount = Decimals.format(consumer, scale: 2)
        #expect(
            Array(lines.prefix(4)) == [
                "ledger line \(changed.count): NL-2026-000099 consumer 10.00: no such quote",
                "ledger line \(changed.count + 1): NL-2026-000001 retailer 5.00: the quote charges the retailer nothing",
                "\(missing[0]) \(missing[1]): charged \(missing[3]), no ledger row",
                "NL-2026-000002 consumer (ledger line \(index + 2)): charged \(amount), ledger "
                    + "\(Decimals.format(consumer + 100, scale: 2)), ledger − charged +1.00",
            ])
        #expect(
            lines.contains {
                $0.hasPrefix("summary: NL EUR consumer: ") && $0.contains("(+1.00): 0 matched, 1 differing")
            })
        #expect(lines.last == "summary: \(changed.count) ledger rows read, 1 of quotes not in the input")

        let csv = try StrictCSV.parse(try CommandLineTests.run(["reconcile", ledger, file, "--csv"]).out)
        #expect(
            csv[0] == [
                "finding", "ledgerLine", "quote", "market", "currency", "payer", "charged", "ledger",
                "difference",
            ])
        #expect(
            csv.dropFirst().map { $0[0] } == ["no-quote", "no-charge", "no-ledger-row", "amount-differs"])
        #expect(
            csv[4] == [
                "amount-differs", String(index + 2), "NL-2026-000002", "NL", "EUR", "consumer", amount,
                Decimals.format(consumer + 100, scale: 2), "1.00",
            ])
    }

    @Test("named columns, ';' and decimal commas (--locale nl-NL) match as well")
    func localeAndColumns() throws {
        let (file, rows, _) = try Self.quotesAndLedger()
        let commas = rows.map { [$0[3].replacingOccurrences(of: ".", with: ","), $0[0], $0[1]] }
        let ledger = try Self.ledger(commas, header: ["Bedrag", "Offerte", "Betaler"], delimiter: ";")
        let result = try CommandLineTests.run([
            "reconcile", ledger, file, "--locale", "nl-NL", "--quote-column", "Offerte", "--payer-column",
            "Betaler",
            "--amount-column", "Bedrag",
        ])
        #expect(result.status == 0, "\(result.out) \(result.err)")
    }

    @Test("bad input names the ledger's line and column: exit 2, nothing on stdout")
    func badInput() throws {
        let (file, rows, _) = try Self.quotesAndLedger()
        for (edit, message) in [
            (
                { (r: inout [[String]]) in r[1][3] = "12.345" },
                ":3: gross: \"12.345\" has more than 2 decimals"
            ),
            ({ (r: inout [[String]]) in r[1][3] = "\"1,234.50\"" }, ":3: gross: \"1,234.50\": expected '.'"),
            ({ (r: inout [[String]]) in r[0][3] = "" }, ":2: gross: \"\" is not an amount"),
            ({ (r: inout [[String]]) in r[2][1] = "customer" }, ":4: payer: \"customer\" is not a payer"),
            ({ (r: inout [[String]]) in r[0] = ["NL-2026-000001", "consumer"] }, ":2: gross: missing"),
        ] {
            var changed = rows
            edit(&changed)
            let result = try CommandLineTests.run(["reconcile", try Self.ledger(changed), file])
            #expect(result.status == 2 && result.out.isEmpty, "\(result)")
            #expect(result.err.contains(message), "\(result.err)")
        }
        let noColumn = try CommandLineTests.run([
            "reconcile", try Self.ledger(rows), file, "--amount-column", "bedrag",
        ])
        #expect(
            noColumn.status == 2 && noColumn.err.contains(":1: bedrag: no such column"), "\(noColumn.err)")
    }

    @Test(
        "from the store: the accepted repair and the rejected quote's ifRejected charges are what must be booked"
    )
    func store() async throws {
        let (store, issued) = try await FinanceFixture.store(
            "nl-out-of-warranty", decisions: [.accepted, .rejected, nil])
        let accepted = issued[0].1.totals.consumer.gross.minorUnits
        let rejected = try #require(issued[1].1.ifRejected).totals.consumer.gross.minorUnits
        #expect(accepted != rejected)
        let charged = [
            (issued[0].0, issued[0].1.totals), (issued[1].0, try #require(issued[1].1.ifRejected).totals),
        ]
        let ledger = try Self.ledger(
            charged.flatMap { number, totals in
                Payer.allCases.filter { totals[$0].gross.minorUnits != 0 }.map {
                    [number, $0.rawValue, "x", Decimals.format(totals[$0].gross.minorUnits, scale: 2)]
                }
            })
        let result = try CommandLineTests.run(["reconcile", ledger, "--db", store])
        #expect(result.status == 0, "\(result.out) \(result.err)")
        let pending = try Self.ledger([[issued[2].0, "consumer", "x", "1.00"]])
        let undecided = try CommandLineTests.run(["reconcile", pending, "--db", store])
        #expect(undecided.status == 1)
        #expect(
            undecided.out.contains(
                "ledger line 2: \(issued[2].0) consumer 1.00: the quote charges the consumer nothing"))
    }
}
