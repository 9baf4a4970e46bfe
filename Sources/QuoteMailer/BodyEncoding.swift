import Foundation

/// How a body part is made 7-bit safe for transport.
public enum BodyEncoding: String, Sendable, CaseIterable {
    /// Base64 in lines of 76 characters: compact for non-Latin scripts, opaque to the eye.
    case base64
    /// Quoted-printable (RFC 2045 §6.7): readable for mostly-ASCII text, lines ≤ 76 characters.
    case quotedPrintable = "quoted-printable"

    /// The `Content-Transfer-Encoding` header value.
    var headerValue: String { rawValue }

    /// `text` with its line breaks made CRLF (canonical form, RFC 2046 §4.1.1), then encoded;
    /// every output line ends in CRLF.
    func encode(_ text: String) -> String {
        let canonical = Self.canonicalLineBreaks(text)
        switch self {
        case .base64: return Self.base64Lines(Array(canonical.utf8))
        case .quotedPrintable: return QuotedPrintable.encode(canonical)
        }
    }

    /// Turns CRLF, lone CR and lone LF into CRLF.
    static func canonicalLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    private static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var output = ""
        output.reserveCapacity(encoded.count + encoded.count / 76 * 2 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            output += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return output
    }
}

/// Quoted-printable encoding of CRLF-canonical text.
enum QuotedPrintable {
    /// Longest encoded line, soft-break `=` included.
    static let lineLimit = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes each CRLF-separated line, keeping hard line breaks as CRLF; the output ends in
    /// one more CRLF, which belongs to the following MIME boundary.
    static func encode(_ canonical: String) -> String {
        var output: [UInt8] = []
        for line in canonical.components(separatedBy: "\r\n") {
            encodeLine(Array(line.utf8), into: &output)
            output += [0x0D, 0x0A]
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func encodeLine(_ bytes: [UInt8], into output: inout [UInt8]) {
        var lineLength = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = isLiteral(byte) || ((byte == 0x20 || byte == 0x09) && !isLast)
            let token: [UInt8] =
                literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            // Keep room for the soft break "=" unless this token ends the line.
            let room = isLast ? lineLimit : lineLimit - 1
            if lineLength + token.count > room {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            output += token
            lineLength += token.count
        }
    }

    /// Printable ASCII other than `=` passes through unchanged.
    private static func isLiteral(_ byte: UInt8) -> Bool {
        byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "=")
    }
}
