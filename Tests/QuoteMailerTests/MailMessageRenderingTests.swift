import Foundation
import Testing

@testable import QuoteMailer

@Suite("MIME rendering")
struct MailMessageRenderingTests {
    private func rendered(_ message: MailMessage) -> String {
        String(decoding: message.render(), as: UTF8.self)
    }

    private func header(_ name: String, in text: String) -> String? {
        MIMEDecoding.headers(text).first { $0.name == name }?.value
    }

    @Test("Date is RFC 5322 in UTC with English names; Message-ID and MIME-Version are present")
    func standardHeaders() throws {
        let text = rendered(try Fixtures.message())
        #expect(text.hasPrefix("Date: Sat, 21 Nov 2026 09:30:00 +0000\r\n"))
        #expect(header("Message-ID", in: text) == "<quote-XMI-2026-0042@repair.example>")
        #expect(header("MIME-Version", in: text) == "1.0")
        #expect(header("From", in: text) == "\"Repair Desk\" <quotes@repair.example>")
        #expect(header("To", in: text) == "\"Mei Chen\" <customer@example.com>")
    }

    @Test("every line ends in CRLF: no bare CR or LF anywhere")
    func crlfOnly() throws {
        let bytes = try Fixtures.message(text: "a\nb\rc\r\nd", encoding: .quotedPrintable).render()
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A) }
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }

    @Test("multipart/alternative: the plain-text part first, the HTML part second")
    func partOrder() throws {
        let text = rendered(try Fixtures.message())
        let contentType = try #require(header("Content-Type", in: text))
        #expect(
            contentType
                == "multipart/alternative; boundary=\"=_RepairQuote_quote-XMI-2026-0042repair.example\"")
        let plain = try #require(text.range(of: "Content-Type: text/plain; charset=UTF-8"))
        let html = try #require(text.range(of: "Content-Type: text/html; charset=UTF-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(text.hasSuffix("--=_RepairQuote_quote-XMI-2026-0042repair.example--\r\n"))
    }

    @Test("base64 bodies: lines of at most 76 characters that decode to the exact text and HTML")
    func base64Bodies() throws {
        let longText = String(repeating: "Écran OLED remplacé, garantie 90 jours. ", count: 40)
        let text = rendered(try Fixtures.message(text: longText))
        let bodies = MIMEDecoding.partBodies(
            text, boundary: "=_RepairQuote_quote-XMI-2026-0042repair.example")
        try #require(bodies.count == 2)
        let lines = bodies[0].components(separatedBy: "\r\n")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        let decoded = bodies.map { Data(base64Encoded: $0.replacingOccurrences(of: "\r\n", with: "")) }
        #expect(decoded[0].map { String(decoding: $0, as: UTF8.self) } == longText)
        #expect(decoded[1].map { String(decoding: $0, as: UTF8.self) } == Fixtures.crlf(Fixtures.html))
    }

    @Test("quoted-printable: lines ≤ 76, '=' and non-ASCII escaped, trailing space kept, decodes back")
    func quotedPrintableBodies() throws {
        let body = "Total = 149,00 € TTC \n" + String(repeating: "réparation ", count: 20) + "\n.\nfin"
        let text = rendered(try Fixtures.message(text: body, encoding: .quotedPrintable))
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        let bodies = MIMEDecoding.partBodies(
            text, boundary: "=_RepairQuote_quote-XMI-2026-0042repair.example")
        try #require(bodies.count == 2)
        #expect(bodies[0].components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(bodies[0].hasPrefix("Total =3D 149,00 =E2=82=AC TTC=20\r\n"))
        #expect(MIMEDecoding.quotedPrintable(bodies[0]) == Fixtures.crlf(body))
        #expect(MIMEDecoding.quotedPrintable(bodies[1]) == Fixtures.crlf(Fixtures.html))
    }

    @Test("a body that ends in a line break keeps it (quoted-printable)")
    func trailingLineBreak() throws {
        let text = rendered(try Fixtures.message(text: "one\n", html: nil, encoding: .quotedPrintable))
        #expect(text.hasSuffix("\r\n\r\none\r\n\r\n"))
        #expect(header("Content-Type", in: text) == "text/plain; charset=UTF-8")
    }
}

@Suite("Header encoding")
struct HeaderEncodingTests {
    private func header(_ name: String, in message: MailMessage) -> String? {
        MIMEDecoding.headers(String(decoding: message.render(), as: UTF8.self)).first { $0.name == name }?
            .value
    }

    @Test("the Chinese subject 報價單 維修 XMI-2026 is one encoded word that decodes back")
    func chineseSubject() throws {
        let subject = try #require(header("Subject", in: try Fixtures.message()))
        #expect(subject == "=?UTF-8?B?5aCx5YO55ZauIOe2reS/riBYTUktMjAyNg==?=")
        #expect(MIMEDecoding.encodedWords(subject) == Fixtures.chineseSubject)
    }

    @Test("a long non-ASCII subject: words ≤ 75 chars, each whole UTF-8, lines ≤ 76, round-trips")
    func longSubjectSplitsOnCharacters() throws {
        let subject = String(repeating: "報價單 維修 🔧 Écran ", count: 12)
        let message = try Fixtures.message(subject: subject)
        let text = String(decoding: message.render(), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        let value = try #require(header("Subject", in: message))
        let words = value.split(separator: " ")
        #expect(words.count > 5)
        for word in words {
            #expect(word.count <= 75)
            #expect(MIMEDecoding.encodedWords(String(word)) != nil, "\(word) is not valid UTF-8 by itself")
        }
        #expect(MIMEDecoding.encodedWords(value) == subject)
    }

    @Test("a long ASCII subject is folded at spaces and unfolds to the original")
    func asciiSubjectFolds() throws {
        let subject =
            "Quote XMI-2026-0042 for the repair of your phone: display, battery and back cover replacement"
        let text = String(decoding: try Fixtures.message(subject: subject).render(), as: UTF8.self)
        #expect(
            text.contains(
                "Subject: Quote XMI-2026-0042 for the repair of your phone: display, battery\r\n and"))
        #expect(header("Subject", in: try Fixtures.message(subject: subject)) == subject)
    }

    @Test("ASCII subjects that look like encoded words are encoded, not sent raw")
    func fakeEncodedWord() throws {
        let subject = "=?UTF-8?B?ZmFrZQ==?="
        let value = try #require(header("Subject", in: try Fixtures.message(subject: subject)))
        #expect(value != subject)
        #expect(MIMEDecoding.encodedWords(value) == subject)
    }

    @Test("display names: ASCII is quoted and escaped, non-ASCII becomes encoded words")
    func displayNames() throws {
        let message = try Fixtures.message(
            to: [
                MailAddress("a@example.com", name: "O\"Brien \\ Co"),
                MailAddress("b@example.com", name: "陳美"),
            ],
            replyTo: MailAddress("desk@repair.example", name: "Atelier Réparation"))
        #expect(
            header("To", in: message)
                == "\"O\\\"Brien \\\\ Co\" <a@example.com>, =?UTF-8?B?6Zmz576O?= <b@example.com>")
        #expect(
            header("Reply-To", in: message)
                == "=?UTF-8?B?QXRlbGllciBSw6lwYXJhdGlvbg==?= <desk@repair.example>")
    }

    @Test("Bcc is never a header; the envelope lists To, Cc and Bcc once each")
    func bccOnlyInEnvelope() throws {
        let message = try Fixtures.message(
            cc: [MailAddress("shop@repair.example")],
            bcc: [MailAddress("archive@repair.example"), MailAddress("CUSTOMER@example.com")])
        let text = String(decoding: message.render(), as: UTF8.self)
        #expect(!text.contains("archive@repair.example"))
        #expect(!text.lowercased().contains("bcc"))
        #expect(header("Cc", in: message) == "shop@repair.example")
        #expect(
            message.envelopeRecipients == [
                "customer@example.com", "shop@repair.example", "archive@repair.example",
            ])
        #expect(message.envelopeSender == "quotes@repair.example")
    }

    @Test("same inputs, same bytes: date and Message-ID are injectable")
    func deterministic() throws {
        #expect(try Fixtures.message().render() == (try Fixtures.message().render()))
        let fresh = try MailMessage(
            from: Fixtures.from, to: [Fixtures.customer], subject: "Hi", textBody: "x")
        #expect(fresh.messageID.hasSuffix("@repair.example>"))
        #expect(
            fresh.messageID
                != (try MailMessage(
                    from: Fixtures.from, to: [Fixtures.customer], subject: "Hi", textBody: "x")).messageID)
    }
}
