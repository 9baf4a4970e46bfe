import Foundation

/// A file attached to a message (`multipart/mixed` around the text and HTML alternatives): the
/// name the recipient sees, its media type and its bytes, sent base64.
public struct MailAttachment: Sendable, Equatable {
    /// "NL-2026-000123.pdf": letters, digits, `.`, `-`, `_` only (no quoting, no encoded words).
    public let fileName: String
    /// "application/pdf".
    public let contentType: String
    public let bytes: [UInt8]

    public init(fileName: String, contentType: String, bytes: [UInt8]) throws(MailError) {
        let allowed = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || ".-_".utf8.contains(byte)
        }
        guard !fileName.isEmpty, fileName.utf8.count <= 100, fileName.utf8.allSatisfy(allowed) else {
            throw .invalidHeader(field: "attachment.fileName", reason: "use 1 to 100 of A-Z a-z 0-9 . - _")
        }
        guard
            contentType.utf8.allSatisfy({ allowed($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "+") })
        else {
            throw .invalidHeader(field: "attachment.contentType", reason: "not a media type")
        }
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The attachment's MIME part: headers, a blank line and base64 in lines of 76.
    var part: String {
        "Content-Type: \(contentType); name=\"\(fileName)\"\r\n"
            + "Content-Disposition: attachment; filename=\"\(fileName)\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n"
            + Data(bytes).base64EncodedString(options: [
                .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
            ])
            + "\r\n"
    }
}
