import CCurl
import Foundation
import Testing

@testable import QuoteMailer

@Suite("Input validation")
struct MailValidationTests {
    private func error(_ build: () throws(MailError) -> MailMessage) -> MailError? {
        do {
            _ = try build()
            return nil
        } catch {
            return error
        }
    }

    @Test("a line break in the subject is refused and named")
    func subjectInjection() {
        let failure = error { () throws(MailError) in
            try Fixtures.message(subject: "Quote\r\nBcc: victim@example.com")
        }
        #expect(failure == .invalidHeader(field: "subject", reason: "contains a line break"))
        #expect(failure?.exitCode == 2)
    }

    @Test("a line break in a display name is refused and named")
    func displayNameInjection() {
        let failure = error { () throws(MailError) in
            try Fixtures.message(to: [MailAddress("a@example.com", name: "Eve\nBcc: x@example.com")])
        }
        #expect(failure == .invalidHeader(field: "to[0].displayName", reason: "contains a line break"))
    }

    @Test("CR, LF or NUL in an address is refused before anything is rendered")
    func addressInjection() {
        let cases: [(MailAddress, String)] = [
            (MailAddress("victim@example.com>\r\nRCPT TO:<other@example.com"), "contains a line break"),
            (MailAddress("victim@example.com\n"), "contains a line break"),
            (MailAddress("victim@example.com\0"), "contains a NUL character"),
        ]
        for (address, reason) in cases {
            let failure = error { () throws(MailError) in try Fixtures.message(bcc: [address]) }
            #expect(failure == .invalidAddress(field: "bcc[0]", reason: reason))
        }
    }

    @Test("a NUL in the subject is refused")
    func subjectNUL() {
        let failure = error { () throws(MailError) in try Fixtures.message(subject: "a\0b") }
        #expect(failure == .invalidHeader(field: "subject", reason: "contains a NUL character"))
    }

    @Test(
        "addresses that are not a strict local@domain are refused",
        arguments: [
            "no-at-sign", "a@@example.com", "a b@example.com", "ü@example.de", ".a@example.com",
            "a..b@example.com", "a@-example.com", "a@example..com", "<a@example.com>", "a@exa_mple.com",
            String(repeating: "a", count: 65) + "@example.com",
            "a@" + String(repeating: "b", count: 60) + "." + String(repeating: "c", count: 60) + "."
                + String(repeating: "d", count: 60) + "." + String(repeating: "e", count: 70) + ".com",
        ])
    func badAddresses(address: String) {
        let failure = error { () throws(MailError) in try Fixtures.message(to: [MailAddress(address)]) }
        guard case .invalidAddress(let field, _)? = failure else {
            Issue.record("\(address) was accepted: \(String(describing: failure))")
            return
        }
        #expect(field == "to[0]")
    }

    @Test(
        "plain addresses are accepted",
        arguments: [
            "a@example.com", "first.last+quote@repair-shop.example.co.uk", "root@localhost", "o'neil@x.io",
        ])
    func goodAddresses(address: String) throws {
        let message = try Fixtures.message(to: [MailAddress(address)])
        #expect(message.envelopeRecipients == [address])
    }

    @Test("limits: subject bytes, recipients, total size, at least one recipient")
    func limits() {
        let longSubject = String(repeating: "報", count: 333)  // 999 bytes
        #expect(
            error { () throws(MailError) in try Fixtures.message(subject: longSubject) }
                == .limitExceeded(field: "subject", limit: 998, actual: 999))
        let many = (0..<101).map { MailAddress("r\($0)@example.com") }
        #expect(
            error { () throws(MailError) in try Fixtures.message(to: many) }
                == .limitExceeded(field: "recipients", limit: 100, actual: 101))
        var small = MailLimits()
        small.messageBytes = 2_000
        guard
            case .limitExceeded("message", 2_000, _)? = error({ () throws(MailError) in
                try Fixtures.message(text: String(repeating: "x", count: 3_000), limits: small)
            })
        else {
            Issue.record("an oversized message was accepted")
            return
        }
        #expect(
            error { () throws(MailError) in try Fixtures.message(to: []) }
                == .invalidAddress(field: "to", reason: "at least one recipient is required"))
    }

    @Test("a malformed Message-ID is refused")
    func messageID() {
        let failure = error { () throws(MailError) in
            try MailMessage(
                from: Fixtures.from, to: [Fixtures.customer], subject: "x", textBody: "y",
                messageID: "no-brackets")
        }
        #expect(
            failure
                == .invalidHeader(
                    field: "messageID", reason: "must look like <unique@domain> in printable ASCII"))
    }
}

@Suite("Transport configuration and error classes")
struct SMTPConfigurationTests {
    private func configurationError(_ configuration: SMTPConfiguration) -> MailError? {
        do {
            _ = try SMTPTransport(configuration: configuration)
            return nil
        } catch {
            return error
        }
    }

    @Test("unusable settings are refused before connecting")
    func invalidConfigurations() {
        #expect(
            configurationError(SMTPConfiguration(url: "http://127.0.0.1:25"))
                == .invalidConfiguration(field: "url", reason: "must start with smtp:// or smtps://"))
        let injected = SMTPConfiguration.Credentials(username: "quotes", password: "pw\r\nQUIT")
        #expect(
            configurationError(SMTPConfiguration(url: "smtp://127.0.0.1:25", credentials: injected))
                == .invalidConfiguration(field: "password", reason: "contains a line break"))
        let clear = SMTPConfiguration.Credentials(username: "quotes", password: "pw")
        #expect(
            configurationError(
                SMTPConfiguration(url: "smtp://127.0.0.1:25", credentials: clear, allowPlaintext: true))
                == .invalidConfiguration(
                    field: "allowPlaintext", reason: "refusing to send credentials without TLS"))
    }

    @Test("exit codes: 2 bad input, 3 transient, 4 permanent")
    func exitCodes() {
        #expect(MailError.invalidHeader(field: "subject", reason: "x").exitCode == 2)
        #expect(MailError.connectionFailed(reason: "refused").exitCode == 3)
        #expect(MailError.timedOut(reason: "slow").exitCode == 3)
        #expect(MailError.rejected(smtpCode: 451, reason: "try later").exitCode == 3)
        #expect(MailError.rejected(smtpCode: 550, reason: "no such user").exitCode == 4)
        #expect(MailError.authenticationFailed(smtpCode: 535, reason: "denied").exitCode == 4)
        #expect(MailError.authenticationFailed(smtpCode: 454, reason: "later").exitCode == 3)
        #expect(MailError.tlsNotOffered(reason: "no STARTTLS").exitCode == 4)
    }

    @Test("libcurl failures are classified by what failed, then by the SMTP reply code")
    func classification() {
        #expect(
            SMTPFailure.classify(CURLE_USE_SSL_FAILED, smtpCode: 0, detail: "d")
                == .tlsNotOffered(reason: "d"))
        #expect(
            SMTPFailure.classify(CURLE_SEND_ERROR, smtpCode: 452, detail: "d")
                == .rejected(smtpCode: 452, reason: "d"))
        #expect(
            SMTPFailure.classify(CURLE_SEND_ERROR, smtpCode: 0, detail: "d") == .connectionLost(reason: "d"))
        #expect(
            SMTPFailure.classify(CURLE_OPERATION_TIMEDOUT, smtpCode: 0, detail: "d") == .timedOut(reason: "d")
        )
        #expect(
            SMTPFailure.classify(CURLE_PEER_FAILED_VERIFICATION, smtpCode: 0, detail: "d")
                == .tlsFailed(reason: "d"))
    }

    @Test("durations become whole milliseconds, at least 1")
    func milliseconds() {
        #expect(SMTPConfiguration.milliseconds(.seconds(10)) == 10_000)
        #expect(SMTPConfiguration.milliseconds(.milliseconds(1500)) == 1_500)
        #expect(SMTPConfiguration.milliseconds(.nanoseconds(1)) == 1)
    }
}
