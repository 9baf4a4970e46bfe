/// One parameter of a ``Note`` or ``ReturnFailure``: the placeholder it fills and its typed value.
public struct NoteParameter: Hashable, Sendable {
    public let name: String
    public let value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    public enum Value: Hashable, Sendable {
        /// Written as given: a model name, a quote number.
        case text(String)
        case date(CivilDate)
        case rule(RuleID)
        case market(MarketCode)
        /// A vocabulary value, named in the document's language.
        case term(NoteTerm)
        /// Several, joined as the language joins "a, b" (`and`) or "a or b" (`or`).
        case terms([NoteTerm], NoteJoiner)
        /// A clause of its own (a return's failed condition).
        case reason(ReturnFailure)
    }
}

/// A vocabulary value in a note; each kind has its label group (`finding.liquid-damage`).
public enum NoteTerm: Hashable, Sendable {
    case category(DeviceCategory)
    case item(Item)
    case channel(Channel)
    case raisedVia(RaisedVia)
    case finding(Finding)
    case returnKind(ReturnKind)

    /// The label group of the kind: `category`, `item`, `purchaseChannel`, `raisedVia`, `finding`,
    /// `returnKind`.
    public var group: String {
        switch self {
        case .category: "category"
        case .item: "item"
        case .channel: "purchaseChannel"
        case .raisedVia: "raisedVia"
        case .finding: "finding"
        case .returnKind: "returnKind"
        }
    }

    /// The JSON spelling: "liquid-damage".
    public var rawValue: String {
        switch self {
        case .category(let value): value.rawValue
        case .item(let value): value.rawValue
        case .channel(let value): value.rawValue
        case .raisedVia(let value): value.rawValue
        case .finding(let value): value.rawValue
        case .returnKind(let value): value.rawValue
        }
    }

    /// Every label key a document may need, for the label files' completeness check.
    public static var labelKeys: [String] {
        var terms: [NoteTerm] =
            DeviceCategory.allCases.map(NoteTerm.category) + Item.allCases.map(NoteTerm.item)
        terms += Channel.allCases.map(NoteTerm.channel) + RaisedVia.allCases.map(NoteTerm.raisedVia)
        terms += Finding.allCases.map(NoteTerm.finding) + ReturnKind.allCases.map(NoteTerm.returnKind)
        return terms.map { "\($0.group).\($0.rawValue)" }
    }
}

/// How a list of terms is joined: "mi.com, retailer" or "point-of-sale or call-center".
public enum NoteJoiner: String, Sendable, CaseIterable {
    case and, or

    /// The English joiner of the JSON sentence.
    var english: String { self == .and ? ", " : " or " }
}

/// Fills the `{name}` placeholders of the English sentences of the JSON (documents fill their
/// language's labels in QuoteRendering, formatting each value there).
enum NotePattern {
    /// `pattern` with each placeholder replaced by `value(name)`; unknown names stay as written.
    static func fill(_ pattern: String, _ value: (String) -> String?) -> String {
        var result = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += value(name) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The English text: dates as `YYYY-MM-DD`, terms in their JSON spelling.
    static func fill(_ pattern: String, _ parameters: [NoteParameter]) -> String {
        fill(pattern) { name in parameters.first { $0.name == name }.map { english($0.value) } }
    }

    static func english(_ value: NoteParameter.Value) -> String {
        switch value {
        case .text(let text): text
        case .date(let date): date.description
        case .rule(let rule): rule.rawValue
        case .market(let market): market.rawValue
        case .term(let term): term.rawValue
        case .terms(let terms, let joiner): terms.map(\.rawValue).joined(separator: joiner.english)
        case .reason(let reason): reason.text
        }
    }
}
