import Foundation
import Logging
import QuoteCore
import QuoteRendering
import QuoteStore
import ServiceLifecycle

/// An e-mail of a quote, ready for the mailer (the mailer module builds the MIME message).
public struct OutboundEmail: Sendable, Equatable {
    /// Fixed per outbox row: a resend after a crash carries the same Message-ID.
    public var messageID: String
    public var recipient: String
    public var language: String?
    public var quoteNumber: String
    /// The customer's Accept/Reject link, when known.
    public var customerLink: String?
    public var quoteJSON: String
    public var caseJSON: String
    /// The quote itself (with the customer link), or the confirmation of its decision.
    public var kind: OutboxMessage.Kind = .quote
    /// The quote's decision, when decided: the documents then show it, and a `.confirmation`
    /// confirms it (it is required for one).
    public var decision: DocumentDecision? = nil
}

/// Sends one e-mail. Throw ``MailSendingError/permanent(_:)`` for a message that can never be
/// delivered; any other error is treated as transient and retried.
public protocol MailSending: Sendable {
    func send(_ email: OutboundEmail) async throws
    /// The market's time zone, whose calendar day an e-mailed decision is shown on (nil: UTC).
    func timeZone(of market: MarketCode) -> TimeZone?
}

extension MailSending {
    public func timeZone(of market: MarketCode) -> TimeZone? { nil }
}

public enum MailSendingError: Error, Equatable, Sendable {
    case transient(String)
    case permanent(String)
}

/// Drains the outbox: claims due rows (a lease, so a crashed sender's rows come back), sends,
/// marks sent after success; transient failures retry with exponential backoff.
public struct OutboxSender<Repository: QuoteRepository>: Service {
    let repo: Repository
    let mailer: any MailSending
    let publicBaseURL: String
    let logger: Logger
    public var pollInterval: Duration = .seconds(2)
    public var lease: TimeInterval = 120
    public var baseDelay: TimeInterval = 5
    public var maxAttempts = 8

    public init(repo: Repository, mailer: any MailSending, publicBaseURL: String, logger: Logger) {
        self.repo = repo
        self.mailer = mailer
        self.publicBaseURL = publicBaseURL
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await drainOnce()
            } catch {
                logger.error("outbox drain failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: pollInterval)
        }
    }

    /// Sends what is due at `now`; returns how many were sent.
    public func drainOnce(now: Date = Date()) async throws -> Int {
        var sent = 0
        for message in try await repo.claimOutbox(limit: 20, now: now, lease: lease) {
            guard let record = try await repo.quote(number: message.quoteNumber) else { continue }
            let email = OutboundEmail(
                messageID: message.messageID, recipient: message.recipient, language: message.language,
                quoteNumber: message.quoteNumber,
                customerLink: message.customerToken.map { publicBaseURL + "/q/" + $0 },
                quoteJSON: record.quoteJSON, caseJSON: record.caseJSON,
                kind: message.kind, decision: decision(of: record))
            do {
                try await mailer.send(email)
                try await repo.markSent(outboxID: message.id, at: Date())
                sent += 1
            } catch {
                let retryAt = retryTime(error, attempts: message.attempts, now: now)
                try await repo.markFailed(outboxID: message.id, error: Self.reason(error), retryAt: retryAt)
                if retryAt == nil {
                    logger.error(
                        "e-mail given up",
                        metadata: [
                            "outboxId": "\(message.id)", "number": "\(message.quoteNumber)",
                            "to": "\(Masking.email(message.recipient))", "reason": "\(Self.reason(error))",
                        ])
                }
            }
        }
        return sent
    }

    /// The quote's decision on the market's calendar day, nil while undecided.
    func decision(of record: QuoteRecord) -> DocumentDecision? {
        let zone = mailer.timeZone(of: record.market) ?? TimeZone(identifier: "UTC")!
        return record.decision.flatMap { DocumentDecision($0, timeZone: zone) }
    }

    /// The mailer's words for a failure (`550 no such user`), stored with the message.
    static func reason(_ error: any Error) -> String {
        switch error {
        case MailSendingError.permanent(let reason), MailSendingError.transient(let reason): reason
        default: "\(error)"
        }
    }

    /// `baseDelay · 2^(attempts-1)` after `now`; nil (give up) for permanent errors or too many attempts.
    func retryTime(_ error: any Error, attempts: Int, now: Date) -> Date? {
        if case MailSendingError.permanent = error { return nil }
        guard attempts < maxAttempts else { return nil }
        return now.addingTimeInterval(baseDelay * pow(2, Double(max(0, attempts - 1))))
    }
}
