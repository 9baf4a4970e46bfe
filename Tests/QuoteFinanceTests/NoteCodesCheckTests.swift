import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// `check` and the note codes added to the quote JSON (`coverage.noteCodes`): a quote stored before
/// them still matches, while a stored code or sentence that differs is reported.
@Suite("check: quotes stored before note codes")
struct NoteCodesCheckTests {
    /// The HK end-of-service example as a stored line, its quote JSON changed by `edit`.
    static func line(_ edit: (JSONValue) -> JSONValue) throws -> String {
        var quote = try Fixtures.quote("hk-end-of-service")
        quote.number = "HK-2026-000001"
        let caseText = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Examples/hk-end-of-service.json"),
            encoding: .utf8)
        let quoteJSON = edit(Fixtures.json(QuoteEncoder.encode(quote, pretty: false)))
        return "{\"case\":\(Fixtures.text(Fixtures.json(caseText))),\"quote\":\(Fixtures.text(quoteJSON))}\n"
    }

    @Test("a stored quote without coverage.noteCodes matches; its notes are still compared")
    func storedWithoutCodes() throws {
        let (_, same) = try Fixtures.check(try Self.line { $0 })
        #expect(same.matched == 1)
        let (report, old) = try Fixtures.check(
            try Self.line { Fixtures.edit($0, ["coverage", "noteCodes"]) { _ in nil } })
        #expect(old.matched == 1, "\(report)")
        let (_, changedSentence) = try Fixtures.check(
            try Self.line {
                Fixtures.edit($0, ["coverage", "notes", 0]) { _ in .string("Service for Mi 11 ended.") }
            })
        #expect(changedSentence.differing == 1)
    }

    @Test("a stored note code that differs is a difference")
    func changedCode() throws {
        let (report, summary) = try Fixtures.check(
            try Self.line {
                Fixtures.edit($0, ["coverage", "noteCodes", 0, "after"]) { _ in .string("2025-08-30") }
            })
        #expect(summary.differing == 1)
        #expect(report.contains("coverage.noteCodes"), "\(report)")
    }
}
