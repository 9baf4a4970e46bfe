import QuoteCore

extension QuoteEncoder {
    /// `coverage.noteCodes`: beside each English sentence of `notes`, in the same order, its code
    /// and parameters, so that a reader can say it in another language:
    /// `{"code": "end-of-service", "model": "Mi 11", "after": "2025-08-29"}`. Dates are
    /// `YYYY-MM-DD`, vocabulary values their JSON spelling, lists arrays, and a return's failed
    /// condition an object of its own (`"reason": {"code": "window-ended", "ends": "2026-01-15"}`).
    static func noteCodes(_ notes: [Note], into w: inout JSONStreamWriter) {
        w.field("noteCodes")
        w.beginArray()
        for note in notes { coded(note.code.rawValue, note.parameters, into: &w) }
        w.endArray()
    }

    private static func coded(_ code: String, _ parameters: [NoteParameter], into w: inout JSONStreamWriter) {
        w.beginObject()
        w.field("code", code)
        for parameter in parameters {
            w.key(parameter.name)
            switch parameter.value {
            case .text(let text): w.string(text)
            case .date(let date): w.string(date.description)
            case .rule(let rule): w.string(rule.rawValue)
            case .market(let market): w.string(market.rawValue)
            case .term(let term): w.string(term.rawValue)
            case .terms(let terms, _):
                w.beginArray()
                for term in terms { w.string(term.rawValue) }
                w.endArray()
            case .reason(let reason): coded(reason.code.rawValue, reason.parameters, into: &w)
            }
        }
        w.endObject()
    }
}
