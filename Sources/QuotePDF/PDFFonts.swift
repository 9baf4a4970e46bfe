import CPangoCairo
import Foundation
import Yams

/// The font of each document language, from `Templates/pdf/fonts.yaml`, each checked against
/// fontconfig when loaded: a language whose font is not installed is an error naming the Debian
/// package, never a document of missing-glyph boxes.
public struct PDFFonts: Sendable {
    /// One font choice: the family Pango asks for, the file fontconfig must resolve it to, the
    /// Debian package that installs it, and whether it has a bold face.
    public struct Choice: Codable, Sendable, Equatable {
        public var family: String
        public var file: String
        public var package: String
        public var bold: Bool
    }

    struct File: Codable {
        var `default`: Choice?
        var languages: [String: Choice]?
    }

    let defaultChoice: Choice?
    let byLanguage: [String: Choice]

    /// Reads `fonts.yaml` and checks the font of every language in `languages`.
    public init(file path: String, languages: [String]) throws(PDFError) {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw .fontsFile(path: path, message: "cannot be read (missing or not a file)")
        }
        let file: File
        do {
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw .fontsFile(path: path, message: "\(error)")
        }
        defaultChoice = file.default
        byLanguage = file.languages ?? [:]
        for language in languages {
            try Self.verify(try choice(for: language), language: language)
        }
    }

    /// The font of `language` (its own entry, else the default).
    public func choice(for language: String) throws(PDFError) -> Choice {
        guard let choice = byLanguage[language] ?? defaultChoice else { throw .noFont(language: language) }
        return choice
    }

    /// Fails unless fontconfig resolves the family to the expected file.
    static func verify(_ choice: Choice, language: String) throws(PDFError) {
        let found = resolve(family: choice.family)
        guard let found, (found as NSString).lastPathComponent == choice.file else {
            throw .fontMissing(
                language: language, family: choice.family, file: choice.file, package: choice.package,
                found: found ?? "no font at all")
        }
    }

    /// The file fontconfig picks for `family` (it always picks something: a fallback when the
    /// family is not installed).
    static func resolve(family: String) -> String? {
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                FcPatternAddString(pattern, FC_FAMILY, $0)
            }
        }
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        return String(cString: file)
    }
}
