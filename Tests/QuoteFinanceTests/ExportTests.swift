import Foundation
import QuoteCore
import QuoteFinance
import QuoteTestSupport
import Testing

@Suite("export: CSV rows and totals")
struct ExportTests {
    static let file = Fixtures.generated(400, seed: 21).joined(separator: "\n") + "\n"

    static func export(summary: Bool) throws -> (String, ExportSummary) {
        let reader = try Fixtures.reader(for: file)
        var csv = CSV.record(summary ? ExportSummary.header : ChargeRow.header)
        var totals = ExportSummary()
        OrderedPipeline.run(
            jobs: 2, next: { reader.next(maxLines: 3) },
            process: { QuoteExporter.export($0, summaryOnly: summary) },
            emit: { result in
                csv += result.csv
                totals.merge(result.summary)
            })
        if summary { csv += totals.records.map(CSV.record).joined() }
        return (csv, totals)
    }

    @Test("fields with commas, quotes and line breaks are quoted and round-trip")
    func quoting() throws {
        let fields = ["plain", "a,b", "say \"hi\"", "two\r\nlines", " padded ", "Sofía 紅米", ""]
        #expect(
            CSV.record(fields)
                == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded \",Sofía 紅米,\r\n")
        #expect(try StrictCSV.parse(CSV.record(fields)) == [fields])
    }

    @Test("every charge line of the file is one CSV row that reads back to the quote's values")
    func rowsRoundTrip() throws {
        let (csv, _) = try Self.export(summary: false)
        let records = try StrictCSV.parse(csv)
        #expect(records.first == ChargeRow.header)
        var expected: [[String]] = []
        for line in Self.file.split(separator: "\n") {
            expected += try ChargeRow.rows(Fixtures.json(String(line))).rows.map(\.fields)
        }
        #expect(Array(records.dropFirst()) == expected)
        #expect(expected.count > 400)
        let first = Fixtures.json(String(Self.file.split(separator: "\n")[0]))
        #expect(records[1][0] == Fixtures.string(first, ["quote", "number"]))
        #expect(records[1][10] == Fixtures.string(first, ["quote", "lines", 0, "net"]))
    }

    @Test("summary totals equal the sums of the rows, exactly, per market × month × currency × state × payer")
    func summaryEqualsRows() throws {
        let rows = try StrictCSV.parse(try Self.export(summary: false).0).dropFirst()
        var sums: [[String]: [Int64]] = [:]
        for row in rows {
            let key = [row[1], String(row[2].prefix(7)), row[9], row[13], row[8]]
            let amounts = try [row[10], row[11], row[12]].map { try Decimals.parse($0, scale: 2) }
            let old = sums[key] ?? [0, 0, 0, 0]
            sums[key] = [old[0] + 1, old[1] + amounts[0], old[2] + amounts[1], old[3] + amounts[2]]
        }
        let summary = try StrictCSV.parse(try Self.export(summary: true).0)
        #expect(summary.first == ExportSummary.header)
        #expect(summary.count - 1 == sums.count)
        for record in summary.dropFirst() {
            let s = sums[Array(record[0..<5])]
            let got =
                try [Int64(record[6])!]
                + [record[7], record[8], record[9]].map { try Decimals.parse($0, scale: 2) }
            #expect(got == s, "\(record)")
        }
    }

    @Test("an invalid line is reported with its line number and field, and the rest is exported")
    func invalidLine() throws {
        let good = Fixtures.generated(1, seed: 3)[0]
        let bad = Fixtures.text(
            Fixtures.edit(Fixtures.json(good), ["quote", "lines", 0, "net"]) { _ in .string("1,50") })
        let reader = try Fixtures.reader(for: good + "\n" + bad + "\n")
        let result = QuoteExporter.export(reader.next(maxLines: 10)!, summaryOnly: false)
        #expect(result.invalid.count == 1)
        #expect(result.invalid.first?.hasPrefix("line 2: invalid: quote.lines[0].net: ") == true)
        #expect(result.lines == 2)
    }
}
