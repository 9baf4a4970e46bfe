extension JSONValue {
    /// The value at a path such as `totals.consumer.gross` or `lines[2].kind`; nil when absent
    /// (or when an index is not a number).
    public func at(_ path: String) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.split(separator: ".") {
            var name = Substring(component)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                guard let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)])
                else {
                    return nil
                }
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty {
                guard case .object(let o)? = current else { return nil }
                current = o[String(name)]
            }
            for index in indices {
                guard case .array(let a)? = current, index < a.count else { return nil }
                current = a[index]
            }
        }
        return current
    }
}
