import Foundation

/// A validated e-mail: headers, envelope and a text body with an optional HTML alternative.
///
/// Every header value, display name and address is checked when the message is built (no CR,
/// LF or NUL; strict addr-specs; ``MailLimits``), so a `MailMessage` that exists is safe to
/// render and send. `Bcc` recipients are in the envelope only, never in the headers.
public struct MailMessage: Sendable {
    /// The author (`From`) and envelope sender (`MAIL FROM`).
    public let from: MailAddress
    /// Visible primary recipients.
    public let to: [MailAddress]
    /// Visible copy recipients.
    public let cc: [MailAddress]
    /// Hidden recipients: envelope only.
    public let bcc: [MailAddress]
    /// Where replies go, when not to `from`.
    public let replyTo: MailAddress?
    /// The subject, any Unicode; encoded as RFC 2047 words when not plain ASCII.
    public let subject: String
    /// The plain-text body (the first alternative).
    public let textBody: String
    /// The HTML body (the second, preferred alternative); nil sends text only.
    public let htmlBody: String?
    /// How the bodies are encoded.
    public let bodyEncoding: BodyEncoding
    /// The `Date` header.
    public let date: Date
    /// The `Message-ID` header, angle brackets included, e.g. `<3F2A…@repair.example>`.
    public let messageID: String
    /// Files sent with the bodies (`multipart/mixed`), e.g. the quote's PDF.
    public let attachments: [MailAttachment]
    /// The complete message as sent (CRLF line endings), built once.
    private var rendered: [UInt8]

    /// Builds and validates a message; `date` and `messageID` default to now and a fresh UUID
    /// at the sender's domain and can be fixed for reproducible output.
    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [],
        replyTo: MailAddress? = nil, subject: String, textBody: String, htmlBody: String? = nil,
        bodyEncoding: BodyEncoding = .base64, date: Date = Date(), messageID: String? = nil,
        attachments: [MailAttachment] = [], limits: MailLimits = MailLimits()
    ) throws(MailError) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.bodyEncoding = bodyEncoding
        self.date = date
        self.messageID = messageID ?? "<\(UUID().uuidString)@\(from.domain)>"
        self.attachments = attachments
        self.rendered = []
        try validate(limits: limits)
        self.rendered = Array(MessageRenderer(message: self).render().utf8)
        if rendered.count > limits.messageBytes {
            throw .limitExceeded(field: "message", limit: limits.messageBytes, actual: rendered.count)
        }
    }

    /// The exact bytes handed to the SMTP server (also what a `--dry-run` would show).
    public func render() -> [UInt8] { rendered }

    /// `MAIL FROM` address.
    public var envelopeSender: String { from.address }

    /// `RCPT TO` addresses: To, Cc and Bcc, each once, in that order.
    public var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }
}

extension MailMessage {
    private func validate(limits: MailLimits) throws(MailError) {
        try from.validate(field: "from", limits: limits)
        try replyTo?.validate(field: "replyTo", limits: limits)
        for (name, list) in [("to", to), ("cc", cc), ("bcc", bcc)] {
            for (index, mailbox) in list.enumerated() {
                try mailbox.validate(field: "\(name)[\(index)]", limits: limits)
            }
        }
        let recipients = to.count + cc.count + bcc.count
        if recipients == 0 {
            throw .invalidAddress(field: "to", reason: "at least one recipient is required")
        }
        if recipients > limits.recipients {
            throw .limitExceeded(field: "recipients", limit: limits.recipients, actual: recipients)
        }
        try HeaderSafety.check(subject) { reason in .invalidHeader(field: "subject", reason: reason) }
        if subject.utf8.count > limits.subjectBytes {
            throw .limitExceeded(field: "subject", limit: limits.subjectBytes, actual: subject.utf8.count)
        }
        try validateMessageID()
    }

    private func validateMessageID() throws(MailError) {
        try HeaderSafety.check(messageID) { reason in .invalidHeader(field: "messageID", reason: reason) }
        let inner = messageID.dropFirst().dropLast()
        let wellFormed =
            messageID.hasPrefix("<") && messageID.hasSuffix(">") && inner.contains("@")
            && inner.utf8.allSatisfy {
                $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
            }
            && messageID.utf8.count <= 250
        if !wellFormed {
            throw .invalidHeader(
                field: "messageID", reason: "must look like <unique@domain> in printable ASCII")
        }
    }
}
