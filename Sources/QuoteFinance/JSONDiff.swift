import QuoteCore
import QuoteJSON

/// One difference between a stored and a recomputed JSON document, at a path such as
/// `lines[2].gross` or `totals.consumer.vat`. A value absent on one side is nil.
public struct JSONDifference: Hashable, Sendable {
    public var path: String
    public var stored: JSONValue?
    public var recomputed: JSONValue?

    public init(path: String, stored: JSONValue?, recomputed: JSONValue?) {
        self.path = path
        self.stored = stored
        self.recomputed = recomputed
    }
}

/// Walks two JSON trees side by side and lists where they differ, leaf by leaf.
///
/// Objects are compared key by key (the recomputed document's keys first, then keys only the stored
/// one has); arrays of equal length element by element. Arrays of different lengths are aligned
/// first (by each element's `kind`, `reference` and `description` where it has them), so a charge
/// line missing from the middle is one difference at its `lines[N]`, not a shift of all the lines
/// after it. A value whose type differs is one difference at its path. Key order is not compared.
public enum JSONDiff {
    /// The differences, ignoring the top-level keys in `ignoring`.
    public static func differences(
        stored: JSONValue, recomputed: JSONValue, ignoring: Set<String> = []
    ) -> [JSONDifference] {
        var out: [JSONDifference] = []
        if case .object(let s) = stored, case .object(let r) = recomputed {
            compareObjects(s, r, path: "", ignoring: ignoring, into: &out)
        } else {
            compare(stored, recomputed, path: "", into: &out)
        }
        return out
    }

    static func compare(
        _ stored: JSONValue, _ recomputed: JSONValue, path: String, into out: inout [JSONDifference]
    ) {
        switch (stored, recomputed) {
        case (.object(let s), .object(let r)):
            compareObjects(s, r, path: path, ignoring: [], into: &out)
        case (.array(let s), .array(let r)) where s.count == r.count:
            for index in s.indices { compare(s[index], r[index], path: "\(path)[\(index)]", into: &out) }
        case (.array(let s), .array(let r)):
            compareAligned(s, r, path: path, into: &out)
        default:
            if stored != recomputed {
                out.append(JSONDifference(path: path, stored: stored, recomputed: recomputed))
            }
        }
    }

    static func compareObjects(
        _ stored: JSONObject, _ recomputed: JSONObject, path: String, ignoring: Set<String>,
        into out: inout [JSONDifference]
    ) {
        let storedKeys = Set(stored.keys)
        for (key, value) in recomputed.entries where !ignoring.contains(key) {
            let inner = path.isEmpty ? key : "\(path).\(key)"
            if let other = stored[key] {
                compare(other, value, path: inner, into: &out)
            } else {
                out.append(JSONDifference(path: inner, stored: nil, recomputed: value))
            }
        }
        let recomputedKeys = Set(recomputed.keys)
        for (key, value) in stored.entries
        where !ignoring.contains(key) && !recomputedKeys.contains(key) && storedKeys.contains(key) {
            let inner = path.isEmpty ? key : "\(path).\(key)"
            out.append(JSONDifference(path: inner, stored: value, recomputed: nil))
        }
    }

    /// Pairs the elements of two arrays by a longest common subsequence of their identities, then
    /// compares the pairs and reports the unpaired ones (paths use the recomputed index, or the
    /// stored index for an element only the stored side has).
    static func compareAligned(
        _ s: [JSONValue], _ r: [JSONValue], path: String, into out: inout [JSONDifference]
    ) {
        let a = s.map(identity)
        let b = r.map(identity)
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                compare(s[i], r[j], path: "\(path)[\(j)]", into: &out)
                i += 1
                j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                out.append(JSONDifference(path: "\(path)[\(j)]", stored: nil, recomputed: r[j]))
                j += 1
            } else {
                out.append(JSONDifference(path: "\(path)[\(i)]", stored: s[i], recomputed: nil))
                i += 1
            }
        }
    }

    /// What identifies an array element for alignment: a charge line's kind, reference and
    /// description, or the whole value for anything else.
    static func identity(_ value: JSONValue) -> JSONValue {
        guard case .object(let o) = value, o["kind"] != nil else { return value }
        var key = JSONObject()
        for name in ["kind", "reference", "description"] { key.append(name, o[name]) }
        return .object(key)
    }
}
