import Mustache

/// A value a template can show or enter: what `{{name}}` and `{{#name}}` find.
enum ViewValue {
    case text(String)
    case flag(Bool)
    case list([any ViewNode])
    case strings([String])
    case node(any ViewNode)
    /// A known field without a value: renders as "", skips `{{#…}}`, enters `{{^…}}`.
    case absent

    static func optional(_ text: String?) -> ViewValue { text.map(ViewValue.text) ?? .absent }
    static func optional(_ node: (any ViewNode)?) -> ViewValue { node.map(ViewValue.node) ?? .absent }
    static func nodes(_ nodes: [some ViewNode]) -> ViewValue { .list(nodes.map { $0 as any ViewNode }) }
}

/// A view-model object: its fields; nil for a field it does not have (the lookup then continues
/// in the enclosing objects, as Mustache specifies).
protocol ViewNode {
    func value(_ field: Field) -> ViewValue?
    /// A label by key, for the `ui` object: `{{ui.issueDate}}`.
    func label(_ key: String) -> ViewValue?
}

extension ViewNode {
    func label(_ key: String) -> ViewValue? { nil }
}

/// Every view-model field name a template may use (`docs/rendering.md`). Templates are checked
/// against it when they load, so a misspelt name is an error before any quote is rendered.
enum Field: String, CaseIterable, Sendable {
    // QuoteDocument
    case lang, ui, number, isDraft, facts, parties, sampleNotice, status, statusCode, summary, rules
    case advice, windows, notes, charges, ifRejected
    // Fact, RuleView
    case label, value, id, sentence
    // ChargesView
    case groups, header, totals, due, refund, hasLines, showVat
    // PayerGroupView
    case payer, payerCode, heading, lines, subtotal
    // LineView, TotalRow
    case kind, kindCode, description, more, quantity, unitPrice, net, vatRate, vat, gross, rule
    case isNegative
}

// MARK: - The same view model for swift-mustache, the reference renderer

/// Records names a template asked for that no view-model object has. One per render.
final class MissLog {
    private(set) var names: [String] = []
    func record(_ name: String) { names.append(name) }
}

/// `ViewValue.absent` for swift-mustache.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// A view node as swift-mustache sees it. The root records the names nobody has.
struct MustacheNode: MustacheParent {
    let node: any ViewNode
    var log: MissLog?

    func child(named name: String) -> Any? {
        guard let value = Field(rawValue: name).flatMap(node.value) ?? node.label(name) else {
            log?.record(name)
            return nil
        }
        return value.mustache
    }
}

extension ViewValue {
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .list(let nodes): nodes.map { MustacheNode(node: $0) }
        case .strings(let strings): strings
        case .node(let node): MustacheNode(node: node)
        case .absent: Absent()
        }
    }
}
