import Foundation

/// RFC 2047 encoded words (`=?UTF-8?B?…?=`) for non-ASCII subjects and display names.
///
/// Each word is at most ``maxLength`` characters and holds whole Unicode scalars, so no UTF-8
/// sequence is split between words. Worked example: `報價單 維修 XMI-2026` is 25 UTF-8 bytes
/// (3 bytes per Han character) and fits one word:
/// `=?UTF-8?B?5aCx5YO55ZauIOe2reS/riBYTUktMjAyNg==?=` (48 characters).
enum EncodedWord {
    /// RFC 2047's limit on one encoded word.
    static let maxLength = 75
    /// Prefix and suffix around the base64 text.
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="
    /// Bytes one word carries: 39 bytes → 52 base64 characters → a 64-character word, so even
    /// the first line (`Reply-To: ` + word = 74) stays within RFC 2047's 76-character lines.
    static let maxPayloadBytes = 39

    /// Splits `text` into encoded words, each ≤ ``maxLength`` characters.
    static func encode(_ text: String, maxPayload: Int = maxPayloadBytes) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxPayload, !chunk.isEmpty {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Data(bytes).base64EncodedString() + suffix
    }

    /// Whether `text` can appear as-is in a header: printable ASCII (or space) and not
    /// something a decoder would mistake for an encoded word.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }
}
