import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteStore

extension QuoteDesk {
    /// Checks the reason (1–500 characters) and voids a quote `principal` may read: its one-time
    /// benefits are released and its queued e-mails cancelled. A conflict once decided or replaced.
    func void(_ number: String, reason: String?, by principal: Principal) async throws -> QuoteRecord {
        try principal.authorize(.void)
        guard let reason else {
            throw DeskError.invalid(field: "reason", "is required (1 to 500 characters)")
        }
        try QuoteLifecycle.checkText(reason, field: "reason", required: true)
        let record = try await readable(number, by: principal)
        var request = VoidRequest(
            number: number, reason: reason, voidedBy: principal.name,
            today: services.today(record.market))
        request.actor = principal.actor
        let voided = try await store { try await repo.void(request) }
        logger.info("quote voided", metadata: ["number": "\(number)", "by": "\(principal.role.rawValue)"])
        return voided
    }

    /// Queues the quote's e-mail to `to`, else the case's customer. An address the mailer could
    /// never send to (a list, control characters, over RFC 5321's limits) is refused here, not
    /// lost later; so is a replaced or void quote (its link would only say so).
    func email(_ number: String, to: String?, by principal: Principal) async throws -> OutboxMessage {
        try principal.authorize(.email)
        let record = try await readable(number, by: principal)
        try services.requireReachable(record)
        let serviceCase = try CaseDecoder.decode(record.caseJSON, today: services.today)
        guard let recipient = to ?? serviceCase.customer.email else {
            throw DeskError.invalid(field: "to", "no e-mail address for this quote")
        }
        if let problem = MailAddress.problem(recipient) {
            throw DeskError.invalid(field: "to", "cannot be sent to: \(problem)")
        }
        var request = EmailRequest(
            number: number, recipient: recipient, language: serviceCase.customer.language)
        request.actor = principal.actor
        let message = try await store { try await repo.enqueueEmail(request) }
        logger.info("e-mail queued", metadata: ["number": "\(number)", "to": "\(Masking.email(recipient))"])
        return message
    }

    /// A new customer-link token of a quote `principal` may read. The store keeps only a hash of
    /// each link, so a lost link is replaced, never shown again; earlier links keep working.
    func newLink(_ number: String, by principal: Principal) async throws -> String {
        try principal.authorize(.link)
        let record = try await readable(number, by: principal)
        try services.requireReachable(record)
        let token = try await store { try await repo.addCustomerToken(number: number, by: principal.actor) }
        logger.info(
            "customer link made", metadata: ["number": "\(number)", "by": "\(principal.role.rawValue)"])
        return token
    }
}
