import Foundation

/// Every language of `Templates/labels/`, checked to be complete: each file has every structural
/// key, every key the templates use, and every key of the reference language, English (so a rule
/// sentence added in English must be translated before the templates load).
public struct LabelCatalog: Sendable {
    /// The language whose keys every other label file must have.
    public static let referenceLanguage = "en"

    private let sets: [String: LabelSet]

    /// The language codes, sorted: ["en", "es", "fr", "nl", "zh-Hant"].
    public var languages: [String] { sets.keys.sorted() }

    /// Checks the given label sets for completeness against `requiredKeys`.
    public init(_ labelSets: [LabelSet], requiredKeys: Set<String>, directory: String) throws(RenderError) {
        guard !labelSets.isEmpty else { throw .noLanguages(directory: directory) }
        let sorted = labelSets.sorted { $0.language < $1.language }
        let reference = sorted.first { $0.language == Self.referenceLanguage } ?? sorted[0]
        let required = requiredKeys.union(LabelSet.structuralKeys).union(reference.entries.keys)
        for set in sorted {
            if let missing = required.subtracting(set.entries.keys).sorted().first {
                throw .missingLabel(key: missing, language: set.language)
            }
        }
        sets = Dictionary(uniqueKeysWithValues: labelSets.map { ($0.language, $0) })
    }

    /// Loads every `*.json` file of `directory`; the file name is the language code.
    public static func load(directory: URL, requiredKeys: Set<String>) throws(RenderError) -> LabelCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .missingTemplate(name: "labels", path: directory.path)
        }
        var sets: [LabelSet] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw .unreadable(path: file.path)
            }
            let language = String(name.dropLast(".json".count))
            sets.append(
                try LabelSet(language: language, json: String(decoding: data, as: UTF8.self), file: file.path)
            )
        }
        return try LabelCatalog(sets, requiredKeys: requiredKeys, directory: directory.path)
    }

    /// The labels of a language code, matched case-insensitively, then by its primary subtag
    /// ("nl-BE" → "nl", "zh-HK" → "zh-Hant"); nil when none matches.
    public func labels(for code: String) -> LabelSet? {
        let wanted = code.lowercased()
        if let exact = sets.first(where: { $0.key.lowercased() == wanted }) { return exact.value }
        let primary = wanted.split(separator: "-").first.map(String.init) ?? wanted
        let candidates = languages.filter {
            $0.lowercased().split(separator: "-").first.map(String.init) == primary
        }
        return candidates.count == 1 ? sets[candidates[0]] : nil
    }

    /// `labels(for:)`, or `unknownLanguage` listing the available ones.
    public func require(_ code: String) throws(RenderError) -> LabelSet {
        guard let set = labels(for: code) else { throw .unknownLanguage(code, available: languages) }
        return set
    }
}
