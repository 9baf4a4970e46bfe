import QuoteCore
import QuoteJSON

/// The labels of one language: every UI string, vocabulary name and number/date convention, as
/// flat dotted keys (`ui.issueDate`, `status.in-warranty`, `format.months.3`). Rule sentences are
/// not labels: they come with the quote's cited rules (`Coverage.CitedRule.sentence(in:)`).
///
/// Label files are nested JSON objects of strings; arrays are flattened with 1-based indices, so
/// `"format": { "months": ["January", …] }` gives `format.months.1 = "January"`.
public struct LabelSet: Sendable {
    /// The language code, the file name without `.json`: "en", "zh-Hant".
    public let language: String
    /// Every label by its dotted key.
    public let entries: [String: String]

    public init(language: String, entries: [String: String]) {
        self.language = language
        self.entries = entries
    }

    /// Parses a label file's text; `file` names it in errors.
    public init(language: String, json text: String, file: String) throws(RenderError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .labelFileSyntax(file: file, message: error.description)
        }
        guard case .object = value else {
            throw .labelFileSyntax(file: file, message: "the top level must be an object")
        }
        var entries: [String: String] = [:]
        try Self.flatten(value, prefix: "", into: &entries, file: file)
        self.init(language: language, entries: entries)
    }

    private static func flatten(
        _ value: JSONValue, prefix: String, into entries: inout [String: String], file: String
    ) throws(RenderError) {
        func key(_ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }
        switch value {
        case .string(let text): entries[prefix] = text
        case .object(let object):
            for entry in object.entries {
                try flatten(entry.value, prefix: key(entry.key), into: &entries, file: file)
            }
        case .array(let items):
            for (offset, item) in items.enumerated() {
                try flatten(item, prefix: key(String(offset + 1)), into: &entries, file: file)
            }
        default:
            throw .labelFileSyntax(file: file, message: "\(prefix) must be a string, not \(value.typeName)")
        }
    }

    /// The label of `key`, or `missingLabel` naming the key and this language.
    public func text(_ key: String) throws(RenderError) -> String {
        guard let text = entries[key] else { throw .missingLabel(key: key, language: language) }
        return text
    }

    /// The keys a label file must have whatever the templates use: one per vocabulary value of
    /// the quote, plus the number and date conventions.
    public static let structuralKeys: [String] = {
        var keys = [
            "meta.name", "meta.htmlLang", "format.decimal", "format.group", "format.minimumGroupingDigits",
            "format.moneyPositive", "format.moneyNegative", "format.percent", "format.date",
        ]
        keys += (1...12).map { "format.months.\($0)" }
        keys += LineKind.allCases.map { "lineKind.\($0.rawValue)" }
        keys += CoverageStatus.allCases.map { "status.\($0.rawValue)" }
        keys += CoverageStatus.allCases.map { "summary.\($0.rawValue)" }
        keys += Payer.allCases.map { "payer.\($0.rawValue)" }
        keys += Payer.allCases.map { "payerHeading.\($0.rawValue)" }
        keys += Coverage.Advice.allCases.map { "advice.\($0.rawValue)" }
        keys += Coverage.WindowName.allCases.map { "window.\($0.rawValue)" }
        keys += DeviceCategory.allCases.map { "category.\($0.rawValue)" }
        keys +=
            LineDescriptions.feeKinds.map { "lineDescription.\($0.rawValue)" }
            + ["lineDescription.waiver", "lineDescription.swap-unit-unpriced"]
        keys += LineDescriptions.refundParts.map { "refundDescription.\($0)" }
        keys += ["decision.accept", "decision.reject", "decision.yourAnswer"]
        keys += decisionKeys
        keys += NoteSentences.labelKeys
        return keys
    }()
}
