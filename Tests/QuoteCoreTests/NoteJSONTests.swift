import Foundation
import QuoteCore
import QuoteJSON
import Testing

/// The quote JSON keeps `coverage.notes` (the English sentences, as before) and gains
/// `coverage.noteCodes`: each note's code and parameters, in the same order.
@Suite("Quote JSON: notes and their codes")
struct NoteJSONTests {
    static func coverage(_ example: String) throws -> [String: Any] {
        let quote = try Fixtures.calculator.quote(try Fixtures.example(example))
        let object = try JSONSerialization.jsonObject(with: Data(QuoteEncoder.encode(quote).utf8))
        return try #require((object as? [String: Any])?["coverage"] as? [String: Any])
    }

    @Test("HK end of service: the English sentence, and its code with model and date")
    func endOfService() throws {
        let coverage = try Self.coverage("hk-end-of-service")
        #expect(
            coverage["notes"] as? [String]
                == ["Service for Mi 11 ended after 2025-08-29: inspection, adjustment and cleaning only."])
        let codes = try #require(coverage["noteCodes"] as? [[String: String]])
        #expect(codes == [["code": "end-of-service", "model": "Mi 11", "after": "2025-08-29"]])
    }

    @Test("NL DOA claimed late: the failed condition is an object of its own")
    func nestedReason() throws {
        let coverage = try Self.coverage("nl-doa-rejected-late")
        let notes = try #require(coverage["notes"] as? [String])
        let codes = try #require(coverage["noteCodes"] as? [[String: Any]])
        #expect(notes.count == codes.count && !codes.isEmpty)
        #expect(notes.first?.hasPrefix("The doa claim is not accepted (the window ended on ") == true)
        #expect(codes.first?["code"] as? String == "claim-quoted-as-repair")
        #expect(codes.first?["kind"] as? String == "doa")
        let reason = try #require(codes.first?["reason"] as? [String: String])
        #expect(reason["code"] == "window-ended")
        #expect(reason["ends"].flatMap(CivilDate.init) != nil)
        #expect(notes.first?.contains(reason["ends"] ?? "?") == true)
    }

    @Test("a quote without notes has no noteCodes")
    func withoutNotes() throws {
        let coverage = try Self.coverage("nl-out-of-warranty")
        #expect(coverage["notes"] as? [String] == [])
        #expect(coverage["noteCodes"] == nil)
    }

    @Test("every note's JSON sentence is its code's English pattern filled with the parameters")
    func englishSentence() {
        let note = Note.benefitUsedOnQuote(rule: "PK-3", quote: "PK-2026-000004")
        #expect(
            note.code.english
                == "The one-time benefit {rule} was already used for this device on quote {quote}.")
        #expect(
            note.text == "The one-time benefit PK-3 was already used for this device on quote PK-2026-000004."
        )
        #expect(
            Note.claimQuotedAsRepair(kind: .doa, reason: .channel(allowed: [.miCom, .miStore])).text
                == "The doa claim is not accepted (only purchases through mi.com, mi-store qualify): the case is quoted as a repair."
        )
    }
}
