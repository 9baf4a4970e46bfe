import Foundation
import QuoteCore
import Testing

@testable import QuoteFinance

@Suite("booking dates and the lines of an input")
struct BookingAndLinesTests {
    static func rows(request: String, issue: String?, decided: String?) -> QuoteRows {
        QuoteRows(
            rows: [], market: "NL", requestDate: CivilDate(request)!, currency: Currency.known["EUR"]!,
            state: decided == nil ? "issued" : "accepted", issueDate: issue.flatMap(CivilDate.init),
            decisionDate: decided.flatMap(CivilDate.init))
    }

    @Test("requested 28 November, decided 3 December: November by request, out of November by decision")
    func basis() {
        let quote = Self.rows(request: "2026-11-28", issue: "2026-11-29", decided: "2026-12-03")
        let november = (CivilDate("2026-11-01")!, CivilDate("2026-11-30")!)
        for (basis, expected) in [
            (BookingBasis.request, "2026-11-28"), (.issue, "2026-11-29"), (.decision, "2026-12-03"),
        ] {
            let filter = BookingFilter(basis: basis, from: november.0, to: november.1)
            #expect(filter.date(of: quote) == CivilDate(expected))
            #expect(filter.keeps(filter.date(of: quote)) == (basis != .decision))
        }
        let undecided = Self.rows(request: "2026-11-28", issue: "2026-11-28", decided: nil)
        #expect(!BookingFilter(basis: .decision, from: november.0, to: november.1).keeps(nil))
        #expect(BookingFilter(basis: .decision).keeps(BookingFilter(basis: .decision).date(of: undecided)))
        // inclusive
        #expect(BookingFilter(basis: .request, from: november.1, to: november.1).keeps(november.1))
    }

    @Test("the summary books a quote in the month of its booking date, an undecided one in no month")
    func summaryMonth() {
        var summary = ExportSummary()
        summary.add(quote: Self.rows(request: "2026-11-28", issue: nil, decided: nil), bookedOn: nil)
        summary.add(
            quote: Self.rows(request: "2026-11-28", issue: nil, decided: nil),
            bookedOn: CivilDate("2026-12-03"))
        #expect(summary.groups.keys.map(\.month).sorted() == ["", "2026-12"])
        #expect(summary.cells.map { $0[1] } == [.empty, .month(CivilDate("2026-12-01")!)])
        #expect(summary.records.map { $0[1] } == ["", "2026-12"])
    }

    static func reader(_ bytes: [UInt8], chunkSize: Int = 4096) throws -> LineReader {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID()).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        return LineReader(fileDescriptor: fd, chunkSize: chunkSize)
    }

    @Test("a byte-order mark is dropped; a last line without a line break is marked unterminated")
    func bomAndUnterminated() throws {
        let reader = try Self.reader([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"b\":".utf8), chunkSize: 2)
        let batch = try #require(reader.next(maxLines: 10))
        let texts = batch.lines.map { String(decoding: batch.buffer[$0.range], as: UTF8.self) }
        #expect(texts == ["{\"a\":1}", "{\"b\":"])
        #expect(batch.lines.map(\.unterminated) == [false, true])
        let (_, invalid) = batch.forEachRecord { (_, bytes) throws(ValidationError) in
            if bytes.last != UInt8(ascii: "}") {
                throw ValidationError(field: "", "malformed JSON: end of input")
            }
        }
        #expect(
            invalid == [
                "line 2: invalid: truncated (the input ends inside this line): malformed JSON: end of input"
            ])
        #expect(InvalidLine.parts(invalid[0])?.line == 2)
        #expect(InvalidLine.parts(invalid[0])?.reason.hasPrefix("truncated (") == true)
    }

    @Test("check's summary counts quotes or lines, singular for one")
    func plurals() {
        var summary = CheckSummary()
        summary.count(.differs([JSONDifference(path: "x", stored: nil, recomputed: nil)]))
        #expect(
            summary.line(counting: "quote")
                == "summary: 1 quote read, 0 matched, 1 differing (1 difference), 0 invalid")
        summary.count(.match)
        #expect(
            summary.line(counting: "line")
                == "summary: 2 lines read, 1 matched, 1 differing (1 difference), 0 invalid")
    }
}
