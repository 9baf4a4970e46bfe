import Mustache

/// HTML escaping as Mustache's own `HTML` content type does it (`< > & " '`), but over UTF-8
/// bytes and without copying a string that needs none. HTML templates select it with
/// `{{%CONTENT_TYPE: HTML5}}`; one that forgets still gets Mustache's default HTML escaping.
struct FastHTMLContentType: MustacheContentType {
    static let name = "HTML5"

    /// Registers the content type once per process, before any template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        var output = ""
        Self.append(text, to: &output)
        return output
    }

    /// Appends `text` HTML-escaped; a text that needs no escaping is appended as it is.
    static func append(_ text: String, to output: inout String) {
        guard text.utf8.contains(where: needsEscape) else { return output.append(text) }
        var run = text.utf8.startIndex
        let utf8 = text.utf8
        for index in utf8.indices {
            let replacement: String
            switch utf8[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            output.append(contentsOf: text[run..<index])
            output.append(replacement)
            run = utf8.index(after: index)
        }
        output.append(contentsOf: text[run...])
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
