import Foundation
import QuoteBench
import QuoteMailer
import Testing

/// Delivery to a real SMTP server (aiosmtpd) on loopback; the server's own `email` parser
/// decodes what arrived.
@Suite("SMTP delivery over loopback")
struct SMTPTransportTests {
    private func plainTransport(_ server: TestSMTPServer) throws -> SMTPTransport {
        try SMTPTransport(configuration: SMTPConfiguration(url: server.url(), allowPlaintext: true))
    }

    private func tlsConfiguration(
        _ server: TestSMTPServer, scheme: String = "smtp", password: String = TestSMTPServer.password
    ) -> SMTPConfiguration {
        SMTPConfiguration(
            url: server.url(scheme: scheme),
            credentials: .init(username: TestSMTPServer.user, password: password),
            caFile: server.certificatePath, connectTimeout: .seconds(5), totalTimeout: .seconds(20))
    }

    private func failure(_ body: () throws(MailError) -> Void) -> MailError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("plain relay: one message arrives byte for byte, both parts decode to the exact text and HTML")
    func plainSend() throws {
        let server = try TestSMTPServer(mode: .plain)
        let message = try Fixtures.message()
        try plainTransport(server).send(message)
        let received = try server.messages()
        try #require(received.count == 1)
        #expect(received[0].raw == message.render())
        #expect(received[0].mailFrom == "quotes@repair.example")
        #expect(received[0].rcptTos == ["customer@example.com"])
        #expect(received[0].contentTypes == ["multipart/alternative", "text/plain", "text/html"])
        #expect(received[0].text == Fixtures.crlf(Fixtures.text))
        #expect(received[0].html == Fixtures.crlf(Fixtures.html))
        for name in ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type"] {
            #expect(received[0].headerNames.contains(name), "missing header \(name)")
        }
    }

    @Test("the Chinese subject 報價單 維修 XMI-2026 decodes back at the server")
    func chineseSubjectRoundTrip() throws {
        let server = try TestSMTPServer(mode: .plain)
        try plainTransport(server).send(try Fixtures.message(subject: Fixtures.chineseSubject))
        #expect(try server.messages().first?.subject == Fixtures.chineseSubject)
    }

    @Test("lines starting with '.' arrive intact (libcurl dot-stuffs, the server unstuffs)")
    func dotStuffing() throws {
        let server = try TestSMTPServer(mode: .plain)
        let text = ".\n.hidden line\n..two dots\nend\n"
        let message = try Fixtures.message(text: text, encoding: .quotedPrintable)
        try plainTransport(server).send(message)
        let received = try #require(try server.messages().first)
        #expect(received.raw == message.render())
        #expect(
            String(decoding: received.raw, as: UTF8.self).contains("\r\n.\r\n.hidden line\r\n..two dots\r\n"))
        #expect(received.text == Fixtures.crlf(text))
    }

    @Test("Bcc recipients are in the envelope RCPTs but in no header")
    func bccInEnvelopeOnly() throws {
        let server = try TestSMTPServer(mode: .plain)
        let message = try Fixtures.message(
            cc: [MailAddress("shop@repair.example")], bcc: [MailAddress("archive@repair.example")])
        try plainTransport(server).send(message)
        let received = try #require(try server.messages().first)
        #expect(
            received.rcptTos == ["customer@example.com", "shop@repair.example", "archive@repair.example"])
        #expect(!received.headerNames.contains("Bcc"))
        #expect(!String(decoding: received.raw, as: UTF8.self).contains("archive@"))
    }

    @Test("STARTTLS + AUTH with the self-signed certificate as CA file")
    func startTLSWithAuth() throws {
        let server = try TestSMTPServer(mode: .starttls)
        try SMTPTransport(configuration: tlsConfiguration(server)).send(try Fixtures.message())
        #expect(try server.messages().map(\.subject) == [Fixtures.chineseSubject])
    }

    @Test("smtps:// (TLS from the first byte) + AUTH")
    func implicitTLS() throws {
        let server = try TestSMTPServer(mode: .smtps)
        try SMTPTransport(configuration: tlsConfiguration(server, scheme: "smtps")).send(
            try Fixtures.message())
        #expect(try server.messages().count == 1)
    }

    @Test("a batch of 5 goes over ONE connection (one TLS handshake, one AUTH)")
    func batchReusesConnection() throws {
        let server = try TestSMTPServer(mode: .starttls)
        let transport = try SMTPTransport(configuration: tlsConfiguration(server))
        let batch = try (1...5).map { number throws(MailError) in
            try Fixtures.message(subject: "Quote \(number)")
        }
        try transport.send(batch)
        let received = try server.messages()
        #expect(received.map(\.subject) == (1...5).map { "Quote \($0)" })
        #expect(Set(received.map(\.session)) == [1])
        #expect(server.connectionCount() == 1)
        #expect(transport.connectionsOpened == 1)
        #expect(transport.messagesSent == 5)
    }

    @Test("injection attempts are refused and nothing reaches the server")
    func injectionNeverConnects() throws {
        let server = try TestSMTPServer(mode: .plain)
        let transport = try plainTransport(server)
        let errors = [
            failure { () throws(MailError) in
                try transport.send(try Fixtures.message(subject: "Hi\r\nBcc: victim@example.com"))
            },
            failure { () throws(MailError) in
                try transport.send(
                    try Fixtures.message(to: [MailAddress("a@example.com", name: "x\r\nBcc: v@example.com")]))
            },
            failure { () throws(MailError) in
                try transport.send(
                    try Fixtures.message(to: [MailAddress("a@example.com>\r\nRCPT TO:<v@example.com")]))
            },
        ]
        for error in errors {
            #expect(error?.exitCode == 2, "accepted or misclassified: \(String(describing: error))")
        }
        let badLogin = SMTPConfiguration.Credentials(
            username: "quotes\r\nMAIL FROM:<x@example.com>", password: "pw")
        let error = failure { () throws(MailError) in
            _ = try SMTPTransport(
                configuration: SMTPConfiguration(url: server.url(scheme: "smtps"), credentials: badLogin))
        }
        #expect(error == .invalidConfiguration(field: "username", reason: "contains a line break"))
        #expect(server.connectionCount() == 0)
        #expect(try server.messages().isEmpty)
    }

    @Test("server down: connection failure, transient, exit code 3")
    func serverDown() throws {
        let server = try TestSMTPServer(mode: .plain)
        let url = server.url()
        server.stop()
        let transport = try SMTPTransport(configuration: SMTPConfiguration(url: url, allowPlaintext: true))
        let error = failure { () throws(MailError) in try transport.send(try Fixtures.message()) }
        guard case .connectionFailed? = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(error?.isTransient == true)
        #expect(error?.exitCode == 3)
    }

    @Test("wrong password: authentication failed (535), permanent, exit code 4")
    func wrongPassword() throws {
        let server = try TestSMTPServer(mode: .starttls)
        let transport = try SMTPTransport(configuration: tlsConfiguration(server, password: "wrong"))
        let error = failure { () throws(MailError) in try transport.send(try Fixtures.message()) }
        guard case .authenticationFailed(let code, _)? = error else {
            Issue.record("expected authenticationFailed, got \(String(describing: error))")
            return
        }
        #expect(code == 535)
        #expect(error?.exitCode == 4)
        #expect(try server.messages().isEmpty)
    }

    @Test("TLS required but the server offers no STARTTLS: its own error, exit code 4, nothing sent")
    func tlsNotOffered() throws {
        let server = try TestSMTPServer(mode: .plain)
        let transport = try SMTPTransport(configuration: SMTPConfiguration(url: server.url()))
        let error = failure { () throws(MailError) in try transport.send(try Fixtures.message()) }
        guard case .tlsNotOffered? = error else {
            Issue.record("expected tlsNotOffered, got \(String(describing: error))")
            return
        }
        #expect(error?.exitCode == 4)
        #expect(try server.messages().isEmpty)
    }

    @Test("an untrusted certificate (no CA file) fails TLS verification, exit code 4")
    func untrustedCertificate() throws {
        let server = try TestSMTPServer(mode: .starttls)
        var configuration = tlsConfiguration(server)
        configuration.caFile = nil
        let error = failure { () throws(MailError) in
            try SMTPTransport(configuration: configuration).send(try Fixtures.message())
        }
        guard case .tlsFailed? = error else {
            Issue.record("expected tlsFailed, got \(String(describing: error))")
            return
        }
        #expect(error?.exitCode == 4)
    }

    @Test("the benchmark API sends N messages over one connection and reports the time")
    func benchmark() throws {
        let server = try TestSMTPServer(mode: .plain)
        let result = try SMTPBenchmark.run(url: server.url(), count: 20, allowPlaintext: true)
        #expect(result.messages == 20)
        #expect(result.connections == 1)
        #expect(result.seconds > 0)
        #expect(try server.messages().count == 20)
    }
}
