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

/// A view-model object: its fields by Mustache name; nil for a name it does not have (the lookup
/// then continues in the enclosing objects, as Mustache specifies).
protocol ViewNode {
    func value(_ name: String) -> ViewValue?
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
        guard let value = node.value(name) else {
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
