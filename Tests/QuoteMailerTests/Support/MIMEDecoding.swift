import Foundation

/// Minimal decoders used to check our encoders from the outside in pure unit tests (the
/// loopback tests use Python's `email` package instead).
enum MIMEDecoding {
    /// The header section, unfolded, as (name, value) pairs.
    static func headers(_ message: String) -> [(name: String, value: String)] {
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
        return unfolded.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (
                String(line[..<colon]),
                String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
    }

    /// Decodes a value made only of `=?UTF-8?B?…?=` words separated by spaces.
    static func encodedWords(_ value: String) -> String? {
        var bytes: [UInt8] = []
        for word in value.split(separator: " ") {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
            else { return nil }
            bytes += data
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Decodes quoted-printable text (soft breaks and =XX escapes).
    static func quotedPrintable(_ encoded: String) -> String? {
        let joined = Array(encoded.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count,
                let value = UInt8(String(decoding: joined[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The bodies of a multipart message's parts (text after each part's blank line).
    static func partBodies(_ message: String, boundary: String) -> [String] {
        let sections = message.components(separatedBy: "\r\n--\(boundary)")
        return sections.dropFirst().filter { !$0.hasPrefix("--") }.map { section in
            let parts = section.components(separatedBy: "\r\n\r\n")
            return parts.dropFirst().joined(separator: "\r\n\r\n")
        }
    }
}
