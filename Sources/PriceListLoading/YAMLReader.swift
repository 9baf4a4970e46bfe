import QuoteCore
import Yams

/// Reads typed values from a YAML mapping, naming file, line and field path in every error.
struct YAMLReader {
    let node: Node
    let file: String
    let path: String

    init(_ node: Node, file: String, path: String = "") {
        (self.node, self.file, self.path) = (node, file, path)
    }

    /// Parses a whole file's text.
    static func document(_ text: String, file: String) throws(PriceListError) -> YAMLReader {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PriceListError(
                file: file, line: Self.line(of: error), field: "",
                "not valid YAML: \(Self.summary(of: error))")
        } catch {
            throw PriceListError(file: file, line: nil, field: "", "not valid YAML: \(error)")
        }
        guard let root, root.mapping != nil else {
            throw PriceListError(file: file, line: 1, field: "", "expected a mapping of settings")
        }
        return YAMLReader(root, file: file)
    }

    /// The problem of a YAML error on one line (its description quotes the text around it over
    /// several lines; the line number is given apart).
    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key given twice: " + duplicates.sorted().joined(separator: ", ")
        default:
            return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func fail(_ message: String, key: String? = nil, at node: Node? = nil) -> PriceListError {
        PriceListError(
            file: file, line: (node ?? self.node).mark?.line, field: key.map(field) ?? path, message)
    }

    var mapping: Node.Mapping { node.mapping ?? Node.Mapping([]) }

    func rejectUnknownKeys(_ known: Set<String>) throws(PriceListError) {
        guard let mapping = node.mapping else { throw fail("expected a mapping") }
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !known.contains(name) {
                throw fail(
                    "unknown field (expected one of: \(known.sorted().joined(separator: ", ")))", key: name,
                    at: key)
            }
        }
    }

    func value(_ key: String) -> Node? {
        guard let value = node.mapping?[key] else { return nil }
        if case .scalar(let s) = value, s.style == .plain, ["", "~", "null"].contains(s.string) {
            return nil
        }
        return value
    }

    func child(_ key: String) throws(PriceListError) -> YAMLReader? {
        guard let value = value(key) else { return nil }
        guard value.mapping != nil else { throw fail("expected a mapping", key: key, at: value) }
        return YAMLReader(value, file: file, path: field(key))
    }

    func requiredChild(_ key: String) throws(PriceListError) -> YAMLReader {
        guard let child = try child(key) else { throw fail("is required", key: key) }
        return child
    }

    func string(_ key: String) throws(PriceListError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            throw fail("expected a single value", key: key, at: value)
        }
        return scalar.string
    }

    func requiredString(_ key: String) throws(PriceListError) -> String {
        guard let text = try string(key), !text.isEmpty else { throw fail("is required", key: key) }
        return text
    }

    func bool(_ key: String, default defaultValue: Bool? = nil) throws(PriceListError) -> Bool {
        guard let text = try string(key) else {
            guard let defaultValue else { throw fail("is required (true or false)", key: key) }
            return defaultValue
        }
        switch text {
        case "true": return true
        case "false": return false
        default: throw fail("\"\(text)\" is not true or false", key: key, at: value(key))
        }
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(PriceListError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw fail(
                "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)", key: key,
                at: value(key))
        }
        return n
    }

    func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(PriceListError) -> Int {
        guard let n = try int(key, in: range) else { throw fail("is required", key: key) }
        return n
    }

    func date(_ key: String) throws(PriceListError) -> CivilDate? {
        guard let text = try string(key) else { return nil }
        guard let date = CivilDate(text) else {
            throw fail("\"\(text)\" is not a date YYYY-MM-DD", key: key, at: value(key))
        }
        return date
    }

    func requiredDate(_ key: String) throws(PriceListError) -> CivilDate {
        guard let date = try date(key) else { throw fail("is required (YYYY-MM-DD)", key: key) }
        return date
    }

    /// An amount parsed exactly from its text, quoted or not (`9.50` and `"9.50"` alike).
    func money(_ key: String, currency: Currency) throws(PriceListError) -> Money {
        let text = try requiredString(key)
        do {
            let money = try Money.parse(text, currency: currency)
            guard !money.isNegative else { throw fail("must not be negative", key: key, at: value(key)) }
            return money
        } catch let error as Decimals.ParseError {
            throw fail("\(error)\(DecimalCommaHint.text(for: text))", key: key, at: value(key))
        } catch let error as PriceListError {
            throw error
        } catch {
            throw fail("\(error)", key: key, at: value(key))
        }
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(PriceListError)
        -> E?
    where E.RawValue == String {
        guard let text = try string(key) else { return nil }
        return try parseEnum(text, type, key: key, at: value(key))
    }

    func requiredEnum<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type)
        throws(PriceListError) -> E
    where E.RawValue == String {
        guard let value = try enumValue(key, type) else { throw fail("is required", key: key) }
        return value
    }

    func parseEnum<E: RawRepresentable & CaseIterable>(_ text: String, _: E.Type, key: String, at node: Node?)
        throws(PriceListError) -> E
    where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            throw fail(
                "unknown value \"\(text)\"\(NearestName.hint(for: text, among: E.allCases.map(\.rawValue))) (expected one of: \(E.allCases.map(\.rawValue).joined(separator: ", ")))",
                key: key, at: node)
        }
        return value
    }

    /// A list of scalars; a single scalar counts as a one-element list.
    func strings(_ key: String) throws(PriceListError) -> [String] {
        guard let value = value(key) else { return [] }
        if case .scalar(let s) = value { return [s.string] }
        guard let sequence = value.sequence else { throw fail("expected a list", key: key, at: value) }
        var result: [String] = []
        for element in sequence {
            guard case .scalar(let s) = element else {
                throw fail("expected a list of values", key: key, at: element)
            }
            result.append(s.string)
        }
        return result
    }

    /// A set of enum values, or nil for `"*"` / absent (matches anything).
    func enumSet<E: RawRepresentable & CaseIterable & Hashable>(_ key: String, _ type: E.Type)
        throws(PriceListError) -> Set<E>?
    where E.RawValue == String {
        let texts = try strings(key)
        if texts.isEmpty || texts == ["*"] { return nil }
        var result = Set<E>()
        for text in texts { result.insert(try parseEnum(text, type, key: key, at: value(key))) }
        return result
    }

    /// Mappings of a list: `- { … }` items.
    func list(_ key: String) throws(PriceListError) -> [YAMLReader] {
        guard let value = value(key) else { return [] }
        guard let sequence = value.sequence else { throw fail("expected a list", key: key, at: value) }
        var result: [YAMLReader] = []
        for (index, element) in sequence.enumerated() {
            guard element.mapping != nil else {
                throw fail("expected a mapping", key: "\(key)[\(index)]", at: element)
            }
            result.append(YAMLReader(element, file: file, path: "\(field(key))[\(index)]"))
        }
        return result
    }

    /// The keys of a mapping with their readers for scalar/list values.
    var keys: [String] { mapping.compactMap { $0.key.string } }
}

extension YAMLReader {
    func rule(_ key: String) throws(PriceListError) -> RuleID? { try string(key).map { RuleID($0) } }

    func requiredRule(_ key: String = "rule") throws(PriceListError) -> RuleID {
        RuleID(try requiredString(key))
    }

    func rules(_ key: String) throws(PriceListError) -> [RuleID] { try strings(key).map { RuleID($0) } }

    /// The child mapping at `key` made into a value, or nil when absent.
    func section<T>(_ key: String, _ make: (YAMLReader) throws(PriceListError) -> T) throws(PriceListError)
        -> T?
    {
        guard let child = try child(key) else { return nil }
        return try make(child)
    }
}
