import Yams

/// A policy file as a flat table of values, for comparing two versions: each scalar under its
/// path (`warranty.periods[2].months` → `24`); a list of scalars is one value (`[BX-3, BX-4]`).
enum PolicyValues {
    static func flatten(_ file: String) throws(PriceListError) -> [String: String] {
        let reader = try YAMLReader.document(try PriceListLoader.read(file), file: file)
        var values: [String: String] = [:]
        add(reader.node, path: "", to: &values)
        return values
    }

    static func add(_ node: Node, path: String, to values: inout [String: String]) {
        switch node {
        case .scalar(let scalar):
            values[path] = scalar.string
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? ""
                add(value, path: path.isEmpty ? name : "\(path).\(name)", to: &values)
            }
        case .sequence(let sequence):
            if sequence.allSatisfy({ $0.scalar != nil }) {
                values[path] = "[" + sequence.compactMap(\.scalar?.string).joined(separator: ", ") + "]"
            } else {
                for (index, item) in sequence.enumerated() {
                    add(item, path: "\(path)[\(index)]", to: &values)
                }
            }
        default:
            break
        }
    }
}
