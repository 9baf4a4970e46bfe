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
        var output: [UInt8] = []
        Self.append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` HTML-escaped as UTF-8; a text that needs no escaping is copied as it is.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output += UnsafeBufferPointer(rebasing: bytes[run..<index])
                output += UnsafeBufferPointer(
                    start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
                run = index + 1
            }
            output += UnsafeBufferPointer(rebasing: bytes[run...])
        }
    }
}
