import Foundation
import PriceListLoading
import QuoteBench
import QuoteCore
import QuoteFinance
import QuoteJSON

/// Shared test data: the shipped price lists and helpers to run the finance commands' library code.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let catalog: PriceListCatalog = {
        try! PriceListLoader.loadCatalog(directory: packageRoot.appendingPathComponent("PriceLists").path)
    }()

    static func generated(_ count: Int, seed: UInt64 = 11, corruptPerMillion: Int = 0) -> [String] {
        let generator = BenchGenerator(catalog: catalog, seed: seed, corruptPerMillion: corruptPerMillion)
        return (0..<count).map(generator.line)
    }

    /// Runs `check` over `text` as the CLI does, returning the report (with the summary line).
    static func check(_ text: String, jobs: Int = 2, batchLines: Int = 2) throws -> (String, CheckSummary) {
        let reader = try reader(for: text)
        var report = ""
        let summary = QuoteChecker(catalog: catalog).run(
            reader, jobs: jobs, batchLines: batchLines, output: { report += $0 })
        return (report + summary.line + "\n", summary)
    }

    /// A `LineReader` over a temporary file holding `text`.
    static func reader(for text: String) throws -> LineReader {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "finance-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        let fd = open(url.path, O_RDONLY)
        try? FileManager.default.removeItem(at: url)
        return LineReader(fileDescriptor: fd, chunkSize: 4096)
    }

    static func json(_ line: String) -> JSONValue { try! JSONParser.parse(line) }

    /// The quote of a shipped example case.
    static func quote(_ example: String) throws -> Quote {
        let text = try String(
            contentsOf: packageRoot.appendingPathComponent("Examples/\(example).json"), encoding: .utf8)
        return try QuoteCalculator(catalog: catalog).quote(
            try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! }))
    }

    static func text(_ value: JSONValue) -> String { JSONWriter.write(value, pretty: false) }

    /// `value` with the member at `path` changed; integers index arrays, strings name keys.
    static func edit(_ value: JSONValue, _ path: [Any], _ change: (JSONValue?) -> JSONValue?) -> JSONValue {
        guard let head = path.first else { return change(value) ?? .null }
        let rest = Array(path.dropFirst())
        switch (value, head) {
        case (.object(let o), let key as String):
            var entries: [(key: String, value: JSONValue)] = []
            for entry in o.entries {
                if entry.key == key {
                    if let changed = rest.isEmpty ? change(entry.value) : edit(entry.value, rest, change) {
                        entries.append((key, changed))
                    }
                } else {
                    entries.append(entry)
                }
            }
            return .object(JSONObject(entries))
        case (.array(var a), let index as Int):
            if rest.isEmpty, let changed = change(a[index]) {
                a[index] = changed
            } else if rest.isEmpty {
                a.remove(at: index)
            } else {
                a[index] = edit(a[index], rest, change)
            }
            return .array(a)
        default: return value
        }
    }

    static func string(_ value: JSONValue?, _ path: [Any]) -> String {
        var current = value
        for step in path {
            switch (current, step) {
            case (.object(let o)?, let key as String): current = o[key]
            case (.array(let a)?, let index as Int): current = a[index]
            default: current = nil
            }
        }
        guard case .string(let s)? = current else { return "" }
        return s
    }
}
