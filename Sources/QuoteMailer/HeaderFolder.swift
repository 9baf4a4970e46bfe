import Foundation

/// Builds one header field and folds it (RFC 5322 §2.2.3) at the spaces between tokens.
///
/// Folding only inserts CRLF before an existing space, so unfolding restores the value
/// exactly. Lines stay within ``lineLimit`` characters unless a single token is longer.
struct HeaderFolder {
    /// RFC 5322's recommended line length (RFC 2047 allows 76 where encoded words appear).
    static let lineLimit = 76

    /// `Name: token token…` folded into lines of at most ``lineLimit`` characters, ending in CRLF.
    static func field(_ name: String, tokens: [String]) -> String {
        var output = name + ":"
        var lineLength = output.count
        for token in tokens {
            if lineLength + 1 + token.count > lineLimit, lineLength > name.count + 1 {
                output += "\r\n"
                lineLength = 0
            }
            output += " " + token
            lineLength += 1 + token.count
        }
        return output + "\r\n"
    }

    /// Tokens for an unstructured value such as Subject: words of plain ASCII, or encoded words.
    static func unstructuredTokens(_ value: String) -> [String] {
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let foldable =
            EncodedWord.isPlainASCII(value) && !value.isEmpty
            && words.allSatisfy { !$0.isEmpty && $0.count <= lineLimit - 10 }
        return foldable ? words.map(String.init) : EncodedWord.encode(value)
    }

    /// Tokens for one mailbox: `"Name" <addr>` or `=?UTF-8?B?…?= <addr>` or `addr`.
    static func mailboxTokens(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.displayName, !name.isEmpty else { return [mailbox.address] }
        let angle = "<" + mailbox.address + ">"
        guard EncodedWord.isPlainASCII(name) else { return EncodedWord.encode(name) + [angle] }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return ["\"" + escaped + "\"", angle]
    }

    /// Tokens for a comma-separated address list.
    static func mailboxListTokens(_ mailboxes: [MailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxTokens = mailboxTokens(mailbox)
            if index < mailboxes.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        return tokens
    }
}
