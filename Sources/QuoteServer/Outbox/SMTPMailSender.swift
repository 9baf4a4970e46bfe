import Foundation
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteRendering

/// Sends outbox e-mails through `QuoteMailer` over SMTP: the quote's text and HTML documents with
/// the customer's Accept/Reject link. Mail errors are split as the outbox expects: transient ones
/// (connection, timeout, 4xx) are retried, permanent ones (auth, 5xx, bad address) are not.
public struct SMTPMailSender: MailSending {
    let configuration: SMTPConfiguration
    let sender: MailAddress
    let documents: TemplateDocumentRenderer
    let engine: any QuoteComputing

    public init(
        configuration: SMTPConfiguration, sender: MailAddress, documents: TemplateDocumentRenderer,
        engine: any QuoteComputing
    ) {
        self.configuration = configuration
        self.sender = sender
        self.documents = documents
        self.engine = engine
    }

    public func send(_ email: OutboundEmail) async throws {
        let message = try message(for: email)
        let configuration = configuration
        let result: Result<Void, MailError> = await withCheckedContinuation { continuation in
            // libcurl blocks: keep it off Swift's cooperative threads.
            Thread.detachNewThread {
                continuation.resume(
                    returning: Result { () throws(MailError) in
                        try SMTPTransport(configuration: configuration).send(message)
                    })
            }
        }
        if case .failure(let error) = result {
            throw error.isTransient
                ? MailSendingError.transient("\(error)") : MailSendingError.permanent("\(error)")
        }
    }

    /// The market's time zone (its price lists' `settings.timeZone`).
    public func timeZone(of market: MarketCode) -> TimeZone? { documents.timeZone(of: market) }

    /// The MIME message of an outbox row: the stored quote recomputed with its price-list version
    /// (G-7: the same amounts), rendered in the customer's language. A `.quote` e-mail has the
    /// customer link on top ("Accept or reject this quote: …", from the labels); a `.reminder` is
    /// the same with the reminder's sentence above the link and a subject naming the last valid
    /// day; a `.confirmation` carries the decided documents under a subject that confirms the decision.
    func message(for email: OutboundEmail) throws -> MailMessage {
        do {
            guard case .object(let stored) = try JSONParser.parse(email.quoteJSON),
                case .string(let version)? = stored["priceListVersion"]
            else {
                throw MailSendingError.permanent("the stored quote has no priceListVersion")
            }
            let issuedOn: CivilDate? =
                if case .string(let issued)? = stored["issueDate"] { CivilDate(issued) } else { nil }
            let (quote, serviceCase) = try StoredQuoteRecompute.recompute(
                caseJSON: email.caseJSON, version: version, issuedOn: issuedOn, number: email.quoteNumber,
                engine: engine)
            let subject: String
            let link = email.decision == nil ? email.customerLink : nil
            switch email.kind {
            case .quote:
                subject = try documents.subject(quote: quote, case: serviceCase, language: email.language)
            case .reminder:
                guard email.decision == nil else {
                    throw MailSendingError.permanent(
                        "\(email.quoteNumber) was decided before its reminder went out")
                }
                subject = try documents.reminderSubject(
                    quote: quote, case: serviceCase, language: email.language)
            case .confirmation:
                guard let decision = email.decision else {
                    throw MailSendingError.permanent(
                        "the confirmation of \(email.quoteNumber) has no decision")
                }
                subject = try documents.confirmationSubject(
                    quote: quote, case: serviceCase, decision: decision, language: email.language)
            }
            func body(_ format: DocumentFormat) throws -> String {
                try documents.render(
                    quote: quote, case: serviceCase, format: format, language: email.language,
                    decision: email.decision, customerLink: link, reminder: email.kind == .reminder)
            }
            let attachment = try documents.pdfAttachment(
                quote: quote, case: serviceCase, decision: email.decision)
            return try MailMessage(
                from: sender, to: [MailAddress(email.recipient)], subject: subject, textBody: try body(.text),
                htmlBody: try body(.html), messageID: email.messageID,
                attachments: attachment.map { [$0] } ?? [])
        } catch let error as MailSendingError {
            throw error
        } catch {
            throw MailSendingError.permanent("cannot build the e-mail of \(email.quoteNumber): \(error)")
        }
    }
}
