import QuoteCore

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
/// one has); arrays element by element, so a missing or extra charge line is one difference at
/// `lines[N]`; a value whose type differs is one difference at its path. Key order is not compared.
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
        case (.array(let s), .array(let r)):
            for index in 0..<max(s.count, r.count) {
                let inner = "\(path)[\(index)]"
                if index < s.count, index < r.count {
                    compare(s[index], r[index], path: inner, into: &out)
                } else {
                    out.append(
                        JSONDifference(
                            path: inner, stored: index < s.count ? s[index] : nil,
                            recomputed: index < r.count ? r[index] : nil))
                }
            }
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
}
