/// Turns a validated ``MailMessage`` into RFC 5322 / MIME text with CRLF line endings.
///
/// Layout: headers, then either a single `text/plain` part or `multipart/alternative` with
/// the plain-text part first and the HTML part second (clients show the last one they can).
/// With attachments, that body is the first part of a `multipart/mixed`, each file a part after it.
struct MessageRenderer {
    let message: MailMessage

    /// The whole message.
    func render() -> String {
        guard !message.attachments.isEmpty else { return headers() + body(boundary: boundary()) }
        // Neither boundary is a prefix of the other (RFC 2046 §5.1.1).
        let mixed = boundary(prefix: "=_RepairQuoteMixed_")
        var output = headers()
        output += HeaderFolder.field("Content-Type", tokens: ["multipart/mixed;", "boundary=\"\(mixed)\""])
        output += "\r\n"
        output += "This is a multi-part message in MIME format.\r\n"
        output += "--\(mixed)\r\n" + body(boundary: boundary())
        for attachment in message.attachments {
            output += "--\(mixed)\r\n" + attachment.part
        }
        output += "--\(mixed)--\r\n"
        return output
    }

    /// The text, or the text and HTML alternatives: the Content-Type header on, then the body.
    private func body(boundary: String) -> String {
        var output = ""
        guard let html = message.htmlBody else {
            output += partHeaders(contentType: "text/plain") + "\r\n"
            output += message.bodyEncoding.encode(message.textBody)
            return output
        }
        output += HeaderFolder.field(
            "Content-Type", tokens: ["multipart/alternative;", "boundary=\"\(boundary)\""])
        output += "\r\n"
        output += "This is a multi-part message in MIME format.\r\n"
        for (contentType, body) in [("text/plain", message.textBody), ("text/html", html)] {
            output += "--\(boundary)\r\n"
            output += partHeaders(contentType: contentType) + "\r\n"
            output += message.bodyEncoding.encode(body)
        }
        output += "--\(boundary)--\r\n"
        return output
    }

    private func headers() -> String {
        var output = HeaderFolder.field("Date", tokens: [RFC5322Date.format(message.date)])
        output += HeaderFolder.field("From", tokens: HeaderFolder.mailboxTokens(message.from))
        if !message.to.isEmpty {
            output += HeaderFolder.field("To", tokens: HeaderFolder.mailboxListTokens(message.to))
        }
        if !message.cc.isEmpty {
            output += HeaderFolder.field("Cc", tokens: HeaderFolder.mailboxListTokens(message.cc))
        }
        if let replyTo = message.replyTo {
            output += HeaderFolder.field("Reply-To", tokens: HeaderFolder.mailboxTokens(replyTo))
        }
        output += HeaderFolder.field("Subject", tokens: HeaderFolder.unstructuredTokens(message.subject))
        output += HeaderFolder.field("Message-ID", tokens: [message.messageID])
        output += "MIME-Version: 1.0\r\n"
        return output
    }

    private func partHeaders(contentType: String) -> String {
        "Content-Type: \(contentType); charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: \(message.bodyEncoding.headerValue)\r\n"
    }

    /// Derived from the Message-ID, so output is reproducible. It starts with `=_`, which can
    /// occur neither in base64 nor in quoted-printable text (`=` is always encoded there).
    private func boundary(prefix: String = "=_RepairQuote_") -> String {
        let unique = message.messageID.unicodeScalars.filter {
            $0.isASCII
                && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                    || "-.".unicodeScalars.contains($0))
        }
        return prefix + String(String.UnicodeScalarView(unique.prefix(50)))
    }
}
