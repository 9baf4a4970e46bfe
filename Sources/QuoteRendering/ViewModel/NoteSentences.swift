import QuoteCore

/// The engine's notes in the document's language: the label `note.<code>`, its placeholders
/// filled with the note's parameters formatted in that language: dates by `format.date`,
/// vocabulary by its label (`finding.liquid-damage`), lists joined by `noteList.and` or
/// `noteList.or`, and a return's failed condition by `returnReason.<code>`. Names (models, quote
/// numbers, rule IDs, markets) are written as they are.
///
/// `.endOfService(model: "Mi 11", after: 2025-08-29)` in zh-Hant:
/// "Mi 11 的服務已於2025年8月29日後終止：只提供檢查、調校及清潔。"
enum NoteSentences {
    /// Every label key a note may need: a sentence per note code and per failed condition, the
    /// vocabulary and the list joiners.
    static let labelKeys: [String] =
        Note.Code.allCases.map { "note.\($0.rawValue)" }
        + ReturnFailure.Code.allCases.map { "returnReason.\($0.rawValue)" }
        + NoteTerm.labelKeys + NoteJoiner.allCases.map { "noteList.\($0.rawValue)" }

    static func text(_ note: Note, locale: LocaleFormat) throws(RenderError) -> String {
        try sentence("note.\(note.code.rawValue)", note.parameters, locale: locale)
    }

    private static func sentence(_ key: String, _ parameters: [NoteParameter], locale: LocaleFormat)
        throws(RenderError) -> String
    {
        var values: [String: String] = [:]
        for parameter in parameters { values[parameter.name] = try text(parameter.value, locale: locale) }
        return Pattern(try locale.labels.text(key)).fill { values[$0] }
    }

    private static func text(_ value: NoteParameter.Value, locale: LocaleFormat) throws(RenderError) -> String
    {
        switch value {
        case .text(let text): return text
        case .date(let date): return locale.date(date)
        case .rule(let rule): return rule.rawValue
        case .market(let market): return market.rawValue
        case .term(let term): return try locale.labels.text("\(term.group).\(term.rawValue)")
        case .terms(let terms, let joiner):
            var names: [String] = []
            for term in terms { names.append(try locale.labels.text("\(term.group).\(term.rawValue)")) }
            return names.joined(separator: try locale.labels.text("noteList.\(joiner.rawValue)"))
        case .reason(let reason):
            return try sentence("returnReason.\(reason.code.rawValue)", reason.parameters, locale: locale)
        }
    }
}
