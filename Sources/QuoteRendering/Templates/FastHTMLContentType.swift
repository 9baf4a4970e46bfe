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
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsEscape) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
                case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
                case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
                case UInt8(ascii: "\""): escaped += Array("&quot;".utf8)
                case UInt8(ascii: "'"): escaped += Array("&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
