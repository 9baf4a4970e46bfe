import Foundation
import QuoteCore

/// Reads a market's consent sentences: `consent.<lang>.yaml` (`version:`, `sentence:` with
/// `{number}` and `{amount}`), one per language of the market. A version folder
/// (`PriceLists/NL/2025.1`) without its own uses its market folder's.
enum ConsentSentences {
    static let prefix = "consent."

    static func load(folder: String, languages: [String]) throws(PriceListError) -> [String: ConsentSentence]
    {
        var found = try PriceListLoader.languageFiles(prefix: prefix, in: folder)
        var directory = folder
        if found.isEmpty {
            let parent = (folder as NSString).deletingLastPathComponent
            if let inParent = try? PriceListLoader.languageFiles(prefix: prefix, in: parent) {
                found = inParent
                directory = parent
            }
        }
        var sentences: [String: ConsentSentence] = [:]
        for language in found {
            let file = PriceListLoader.path(directory, "\(prefix)\(language).yaml")
            guard languages.contains(language) else {
                throw PriceListError(
                    file: file, line: nil, field: "",
                    "\(language) is not one of the market's languages (\(languages.joined(separator: ", ")))")
            }
            let reader = try YAMLReader.document(try PriceListLoader.read(file), file: file)
            try reader.rejectUnknownKeys(["version", "sentence"])
            let sentence = try reader.requiredString("sentence")
            guard sentence.contains("{amount}") else {
                throw PriceListError(
                    file: file, line: nil, field: "sentence", "must name {amount}, what the customer pays")
            }
            sentences[language] = ConsentSentence(
                language: language, version: try reader.requiredString("version"), text: sentence)
        }
        return sentences
    }
}
