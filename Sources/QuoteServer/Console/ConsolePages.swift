import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The console's Mustache pages (`Templates/console/*.mustache`, partials beside them), their
/// labels (`labels/en.json`, `labels/nl.json`, `labels/zh-Hant.json`) and static files (`static/`, and `document.css`:
/// the quote document's own stylesheet, given by its renderer), loaded once.
struct ConsolePages: Sendable {
    static let languages = ["en", "nl", "zh-Hant"]
    let library: MustacheLibrary
    let labels: [String: [String: String]]
    let staticFiles: [String: (body: String, contentType: String)]

    init(directory: URL, documentStylesheet: String) throws {
        var templates: [String: MustacheTemplate] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch {
                throw ConsoleSetupError(description: "console/\(file): \(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
        var labels: [String: [String: String]] = [:]
        for language in Self.languages {
            let url = directory.appendingPathComponent("labels/\(language).json")
            guard let data = try? Data(contentsOf: url),
                let table = try? JSONDecoder().decode([String: String].self, from: data)
            else {
                throw ConsoleSetupError(
                    description: "console/labels/\(language).json: missing or not a table")
            }
            labels[language] = table
        }
        for language in Self.languages.dropFirst() {
            if let missing = labels["en"]!.keys.sorted().first(where: { labels[language]![$0] == nil }) {
                throw ConsoleSetupError(description: "console/labels/\(language).json: \(missing): missing")
            }
        }
        self.labels = labels
        var staticFiles: [String: (String, String)] = [
            "document.css": (documentStylesheet, "text/css; charset=utf-8")
        ]
        for (name, type) in [
            ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8"),
        ] {
            let url = directory.appendingPathComponent("static/\(name)")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ConsoleSetupError(description: "console/static/\(name): missing")
            }
            staticFiles[name] = (text, type)
        }
        self.staticFiles = staticFiles
    }

    /// A page as HTML; `view` gets the language's labels as `t` and the language as `lang`.
    func render(_ name: String, language: String, view: [String: Any]) -> String {
        var view = view
        view["t"] = labels[language] ?? labels["en"]!
        view["lang"] = language
        view["languages"] = Self.languages.map { ["code": $0, "current": $0 == language] as [String: Any] }
        return library.render(view, withTemplate: name)
            ?? "<!doctype html><title>Error</title><p>Page \(name) is missing.</p>"
    }

    /// A label in a language.
    func label(_ key: String, _ language: String) -> String {
        labels[language]?[key] ?? labels["en"]?[key] ?? key
    }

    /// The language of a request: `?lang=`, else the `console_lang` cookie, else the most wanted of
    /// `Accept-Language` (``AcceptLanguage``, the customer pages' parser) that the console has.
    static func language(of request: Request) -> String {
        if let asked = request.uri.queryParameters["lang"].map(String.init), languages.contains(asked) {
            return asked
        }
        if let cookie = request.cookies["console_lang"]?.value, languages.contains(String(cookie)) {
            return String(cookie)
        }
        for tag in AcceptLanguage.preferred(request.headers[.acceptLanguage]) {
            if let language = consoleLanguage(tag) { return language }
        }
        return "en"
    }

    /// The console language of a language tag: `nl-BE` → `nl`; Chinese written in traditional
    /// characters (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) → `zh-Hant`; nil for any other.
    static func consoleLanguage(_ tag: String) -> String? {
        let subtags = tag.lowercased().split(separator: "-").map(String.init)
        guard let base = subtags.first else { return nil }
        if base == "zh" {
            return subtags.dropFirst().contains { ["hant", "tw", "hk", "mo"].contains($0) } ? "zh-Hant" : nil
        }
        return languages.contains(base) ? base : nil
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Sets a template value, or leaves the key out when nil (a section then does not show).
    mutating func set(_ key: String, _ value: Any?) {
        if let value { self[key] = value } else { removeValue(forKey: key) }
    }
}

/// The console's files cannot be used.
public struct ConsoleSetupError: Error, CustomStringConvertible {
    public let description: String
}
