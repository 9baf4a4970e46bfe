import Mustache

/// A value a template can show or enter: what `{{name}}` and `{{#name}}` find.
enum ViewValue {
    case text(String)
    case flag(Bool)
    case list(ViewList)
    case strings([String])
    case node(ViewObject)
    /// A known field without a value: renders as "", skips `{{#…}}`, enters `{{^…}}`.
    case absent

    static func optional(_ text: String?) -> ViewValue { text.map(ViewValue.text) ?? .absent }
    static func optional(_ charges: ChargesView?) -> ViewValue {
        charges.map { .node(.charges($0)) } ?? .absent
    }
    static func optional(_ object: ViewObject?) -> ViewValue { object.map(ViewValue.node) ?? .absent }
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

/// A view-model object as the compiled renderer holds it: one case per view-model type, each a
/// single reference, so entering a section or looking a name up neither boxes nor copies a
/// struct. `other` takes any `ViewNode` (tests render hand-made roots), boxed so that every case
/// is one class reference: copying a `ViewObject` is then a single retain.
enum ViewObject {
    case document(QuoteDocument)
    case ui(UILabels)
    case fact(Fact)
    case rule(RuleView)
    case charges(ChargesView)
    case group(PayerGroupView)
    case line(LineView)
    case total(TotalRow)
    case page(CustomerPageView)
    case form(DecisionFormView)
    case message(MessageView)
    case serviceCenter(ServiceCenterView)
    case other(AnyViewNode)

    func value(_ field: Field) -> ViewValue? {
        switch self {
        case .document(let document): document.value(field)
        case .ui: nil
        case .fact(let fact): fact.value(field)
        case .rule(let rule): rule.value(field)
        case .charges(let charges): charges.value(field)
        case .group(let group): group.value(field)
        case .line(let line): line.value(field)
        case .total(let total): total.value(field)
        case .page(let page): page.value(field)
        case .form(let form): form.value(field)
        case .message(let message): message.value(field)
        case .serviceCenter(let center): center.value(field)
        case .other(let box): box.node.value(field)
        }
    }

    /// The `ui` label numbered `index` (see `UILabels`), named `key`.
    func label(at index: Int, key: String) -> ViewValue? {
        switch self {
        case .ui(let ui): ui.label(at: index, key: key)
        case .other(let box): box.node.label(key)
        default: nil
        }
    }

    /// The object as swift-mustache's view of it wraps it.
    var node: any ViewNode {
        switch self {
        case .document(let document): document
        case .ui(let ui): ui
        case .fact(let fact): fact
        case .rule(let rule): rule
        case .charges(let charges): charges
        case .group(let group): group
        case .line(let line): line
        case .total(let total): total
        case .page(let page): page
        case .form(let form): form
        case .message(let message): message
        case .serviceCenter(let center): center
        case .other(let box): box.node
        }
    }
}

/// Any `ViewNode` as a class reference, for `ViewObject.other`.
final class AnyViewNode {
    let node: any ViewNode

    init(_ node: any ViewNode) { self.node = node }
}

/// A list of view-model objects, kept as the typed array it is (no array of existentials).
enum ViewList {
    case facts([Fact])
    case rules([RuleView])
    case groups([PayerGroupView])
    case lines([LineView])
    case totals([TotalRow])

    var count: Int {
        switch self {
        case .facts(let facts): facts.count
        case .rules(let rules): rules.count
        case .groups(let groups): groups.count
        case .lines(let lines): lines.count
        case .totals(let totals): totals.count
        }
    }

    subscript(index: Int) -> ViewObject {
        switch self {
        case .facts(let facts): .fact(facts[index])
        case .rules(let rules): .rule(rules[index])
        case .groups(let groups): .group(groups[index])
        case .lines(let lines): .line(lines[index])
        case .totals(let totals): .total(totals[index])
        }
    }
}

/// Every view-model field name a template may use (`docs/rendering.md`). Templates are checked
/// against it when they load, so a misspelt name is an error before any quote is rendered.
enum Field: String, CaseIterable, Sendable {
    // QuoteDocument
    case lang, ui, number, isDraft, facts, parties, sampleNotice, status, statusCode, summary, rules
    case advice, windows, notes, charges, ifRejected, decided, customerLink, reminder, serviceCenter
    // ServiceCenterView
    case name, address, contacts, registration
    // CustomerPageView, DecisionFormView, MessageView
    case title, document, form, message, intro, accept, reject, code, paragraphs, back, pdfLink
    case nameLabel, nameValue, nameError, consentText, consentVersion, consentLanguage, consentError
    case reasonLabel, reasonValue, reasonError, acceptOnlyNote, hasErrors
    // Fact, RuleView
    case label, value, id, sentence
    // ChargesView
    case groups, header, totals, due, refund, hasLines, showVat
    // PayerGroupView
    case payer, payerCode, heading, lines, subtotal
    // LineView, TotalRow
    case kind, kindCode, description, more, quantity, unitPrice, net, vatRate, vat, gross, rule
    case isNegative, descriptionLang
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
        case .list(let list): (0..<list.count).map { MustacheNode(node: list[$0].node) }
        case .strings(let strings): strings
        case .node(let object): MustacheNode(node: object.node)
        case .absent: Absent()
        }
    }
}
