import Foundation
import QuoteMailer

/// Measures delivery throughput: N copies of one message over one reused connection.
public enum SMTPBenchmark {
    /// What one run measured.
    public struct Result: Sendable, Equatable {
        /// Messages the server accepted.
        public var messages: Int
        /// Wall-clock time for all of them, connection setup included.
        public var seconds: Double
        /// Connections opened (1 when the connection was reused throughout).
        public var connections: Int

        /// Throughput, e.g. 1000 messages in 2.5 s → 400 messages/s.
        public var messagesPerSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }
    }

    /// Sends `count` copies of `message` (a small two-part quote mail by default) to `url`.
    public static func run(
        url: String, count: Int, allowPlaintext: Bool = false, message: MailMessage? = nil
    ) throws(MailError) -> Result {
        let configuration = SMTPConfiguration(url: url, allowPlaintext: allowPlaintext)
        return try run(configuration: configuration, count: count, message: message)
    }

    /// Sends `count` copies of `message` with a full configuration (TLS, AUTH, CA file…).
    public static func run(
        configuration: SMTPConfiguration, count: Int, message: MailMessage? = nil
    ) throws(MailError) -> Result {
        let payload: MailMessage
        if let message { payload = message } else { payload = try sampleMessage() }
        let transport = try SMTPTransport(configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        try transport.send(Array(repeating: payload, count: count))
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(
            messages: transport.messagesSent, seconds: seconds, connections: transport.connectionsOpened)
    }

    /// A representative quote e-mail: short text and HTML parts, a non-ASCII subject.
    public static func sampleMessage() throws(MailError) -> MailMessage {
        try MailMessage(
            from: MailAddress("quotes@repair.example", name: "Repair Desk"),
            to: [MailAddress("customer@example.com", name: "Customer")],
            subject: "Devis de réparation XMI-2026",
            textBody: "Bonjour,\nvotre devis: 149,00 EUR TTC.\n",
            htmlBody: "<p>Bonjour,</p><p>votre devis: <b>149,00 EUR TTC</b>.</p>")
    }
}
