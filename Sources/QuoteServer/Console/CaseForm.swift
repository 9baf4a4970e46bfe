import Foundation
import QuoteCore
import QuoteJSON

/// The quote form's fields, each named by its JSON path in the case (`customer.name`,
/// `repair.parts.0.sku`), to and from the case JSON. The case decoder checks the values, so the
/// form and the API accept and refuse the same cases.
struct CaseForm: Sendable {
    /// Single values by path (`findings` apart).
    var values: [String: String]
    var findings: [String]

    /// Checkbox fields: present means true.
    static let booleans: Set<String> = [
        "purchase.official", "purchase.proofOfPurchase", "purchase.firstOwner", "emptyBox",
    ]
    /// Fields sent as JSON numbers when they read as one.
    static let numbers: Set<String> = ["device.screenInches", "salesTaxRate"]
    /// How many part rows the form shows.
    static let partRows = 3

    init(values: [String: String] = [:], findings: [String] = []) {
        self.values = values
        self.findings = findings
    }

    /// The posted fields (`csrf` and `action` are not case fields).
    init(fields: [(String, String)]) {
        var values: [String: String] = [:]
        var findings: [String] = []
        for (name, value) in fields where name != CSRF.field && name != "action" {
            if name == "findings" {
                if !value.isEmpty { findings.append(value) }
            } else {
                values[name] = value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        self.init(values: values, findings: findings)
    }

    /// A stored case as form values (the revise form).
    init(caseJSON: String) {
        var values: [String: String] = [:]
        var findings: [String] = []
        func flatten(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let object):
                for (key, child) in object.entries { flatten(child, path.isEmpty ? key : "\(path).\(key)") }
            case .array(let items) where path == "findings":
                findings = items.compactMap { $0.text }
            case .array(let items):
                for (index, item) in items.enumerated() { flatten(item, "\(path).\(index)") }
            case .string(let text): values[path] = text
            case .number(let text): values[path] = text
            case .bool(let flag): if flag { values[path] = "true" }
            case .null: break
            }
        }
        if let json = try? JSONParser.parse(Array(caseJSON.utf8)) { flatten(json, "") }
        self.init(values: values, findings: findings)
    }

    /// The case JSON of the form: paths become nested objects, numeric segments array items; empty
    /// fields are left out, empty part rows dropped.
    func json() -> [UInt8] {
        var root = Node.object([:], order: [])
        for (path, text) in values.sorted(by: { $0.key < $1.key }) {
            let value: JSONValue
            let segments = path.split(separator: ".").map(String.init)
            if segments.count == 4, segments[0] == "repair", segments[1] == "parts",
                values["repair.parts.\(segments[2]).sku", default: ""].isEmpty
            {
                continue
            }
            if Self.booleans.contains(path) {
                continue
            } else if text.isEmpty {
                continue
            } else if path.hasSuffix(".quantity") || Self.numbers.contains(path),
                text.allSatisfy({ $0.isNumber || $0 == "." })
            {
                value = .number(text)
            } else {
                value = .string(text)
            }
            root.set(segments, value)
        }
        for path in Self.booleans.sorted() {
            root.set(path.split(separator: ".").map(String.init), .bool(values[path] == "true"))
        }
        root.set(["findings"], .array(findings.map(JSONValue.string)))
        return JSONWriter.bytes(root.json)
    }

    /// A form path of a decoder's field name: `repair.parts[0].sku` → `repair.parts.0.sku`.
    static func path(ofField field: String) -> String {
        field.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
    }

    /// A JSON tree being built from paths.
    indirect enum Node {
        case object([String: Node], order: [String])
        case array([Int: Node])
        case leaf(JSONValue)

        mutating func set(_ path: [String], _ value: JSONValue) {
            guard let head = path.first else {
                self = .leaf(value)
                return
            }
            let rest = Array(path.dropFirst())
            if let index = Int(head), case .array(var items) = self {
                var child = items[index] ?? Self.empty(for: rest)
                child.set(rest, value)
                items[index] = child
                self = .array(items)
            } else if case .object(var children, var order) = self {
                var child = children[head] ?? Self.empty(for: rest)
                if children[head] == nil { order.append(head) }
                child.set(rest, value)
                children[head] = child
                self = .object(children, order: order)
            }
        }

        static func empty(for rest: [String]) -> Node {
            if let next = rest.first, Int(next) != nil { return .array([:]) }
            return .object([:], order: [])
        }

        var json: JSONValue {
            switch self {
            case .leaf(let value): value
            case .array(let items): .array(items.keys.sorted().compactMap { items[$0]?.json })
            case .object(let children, let order):
                .object(JSONObject(order.compactMap { key in children[key].map { (key, $0.json) } }))
            }
        }
    }
}

/// `application/x-www-form-urlencoded` fields in order, repeated names kept.
extension FormDecoding {
    static func pairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            guard let name = parts.first else { return nil }
            return (name, parts.count > 1 ? parts[1] : "")
        }
    }
}
