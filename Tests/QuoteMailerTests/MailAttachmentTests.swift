import Foundation
import Testing

@testable import QuoteMailer

@Suite("attachments: multipart/mixed around the alternatives")
struct MailAttachmentTests {
    static let pdf: [UInt8] = Array("%PDF-1.5\n".utf8) + (0..<300).map { UInt8($0 % 256) }

    static func message(_ attachments: [MailAttachment]) throws -> String {
        let message = try MailMessage(
            from: Fixtures.from, to: [Fixtures.customer], subject: "Quote", textBody: "text",
            htmlBody: "<p>html</p>",
            date: Fixtures.date, messageID: Fixtures.messageID, attachments: attachments)
        return String(decoding: message.render(), as: UTF8.self)
    }

    @Test("a PDF goes in a base64 part after the text and HTML alternatives, and decodes to its bytes")
    func layout() throws {
        let attachment = try MailAttachment(
            fileName: "NL-2026-000123.pdf", contentType: "application/pdf", bytes: Self.pdf)
        let text = try Self.message([attachment])
        let mixed = try #require(text.range(of: "Content-Type: multipart/mixed;"))
        let alternative = try #require(text.range(of: "Content-Type: multipart/alternative;"))
        let part = try #require(
            text.range(of: "Content-Type: application/pdf; name=\"NL-2026-000123.pdf\"\r\n"))
        #expect(mixed.lowerBound < alternative.lowerBound && alternative.lowerBound < part.lowerBound)
        #expect(text.contains("Content-Disposition: attachment; filename=\"NL-2026-000123.pdf\"\r\n"))
        let outer = "=_RepairQuoteMixed_quote-XMI-2026-0042repair.example"
        let inner = "=_RepairQuote_quote-XMI-2026-0042repair.example"
        #expect(text.contains("boundary=\"\(outer)\""))
        #expect(text.hasSuffix("--\(outer)--\r\n"))
        #expect(
            !outer.hasPrefix(inner) && !inner.hasPrefix(outer), "neither boundary is a prefix of the other")
        let blank = try #require(text.range(of: "\r\n\r\n", range: part.upperBound..<text.endIndex))
        let base64 = text[blank.upperBound...].components(separatedBy: "\r\n--")[0]
        #expect(base64.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
        let decoded = try #require(Data(base64Encoded: base64.replacingOccurrences(of: "\r\n", with: "")))
        #expect(Array(decoded) == Self.pdf)
    }

    @Test("without attachments the message is multipart/alternative as before")
    func none() throws {
        let text = try Self.message([])
        #expect(!text.contains("multipart/mixed"))
        #expect(text.contains("Content-Type: multipart/alternative;"))
    }

    @Test("a file name that would need quoting or encoding is refused, naming the field")
    func badName() throws {
        #expect(
            throws: MailError.invalidHeader(
                field: "attachment.fileName", reason: "use 1 to 100 of A-Z a-z 0-9 . - _")
        ) {
            _ = try MailAttachment(
                fileName: "quote\".pdf\r\nX-Evil: 1", contentType: "application/pdf", bytes: [])
        }
    }
}
