import Foundation
import QuoteMailer

/// Shared inputs: a fixed date and Message-ID make rendered messages reproducible.
enum Fixtures {
    /// 2026-11-21 09:30:00 UTC, a Saturday.
    static let date = Date(timeIntervalSince1970: 1_795_253_400)
    static let messageID = "<quote-XMI-2026-0042@repair.example>"
    static let from = MailAddress("quotes@repair.example", name: "Repair Desk")
    static let customer = MailAddress("customer@example.com", name: "Mei Chen")
    static let chineseSubject = "報價單 維修 XMI-2026"
    static let text = "Dear customer,\nthe repair costs 149.00 EUR.\n.\n.hidden line\nRegards\n"
    static let html = "<p>Dear customer,</p>\n<p>the repair costs <b>149.00&nbsp;EUR</b>.</p>\n"

    /// A two-part quote mail; any argument can be changed for the case at hand.
    static func message(
        to: [MailAddress] = [customer], cc: [MailAddress] = [], bcc: [MailAddress] = [],
        replyTo: MailAddress? = nil, subject: String = chineseSubject, text: String = text,
        html: String? = html, encoding: BodyEncoding = .base64, limits: MailLimits = MailLimits()
    ) throws(MailError) -> MailMessage {
        try MailMessage(
            from: from, to: to, cc: cc, bcc: bcc, replyTo: replyTo, subject: subject, textBody: text,
            htmlBody: html, bodyEncoding: encoding, date: date, messageID: messageID, limits: limits)
    }

    /// The body as it travels: line breaks made CRLF.
    static func crlf(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: "\r\n")
    }
}
