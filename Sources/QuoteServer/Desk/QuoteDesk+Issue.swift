import QuoteCore
import QuoteJSON
import QuoteStore

extension QuoteDesk {
    /// The quote a case would get now, with the device's ledger; nothing is stored.
    func preview(_ decoded: ServiceCase, by principal: Principal) async throws -> Quote {
        try principal.authorize(.issue)
        let serviceCase = try await store {
            try await repo.withLedger(decoded, checksBenefits: services.engine.usesOneTimeBenefits(decoded))
        }
        return try services.engine.quote(serviceCase)
    }

    /// The open quote `principal` asks to revise (it must read it; the store checks it is still
    /// open, in the same transaction as the revision).
    func revisable(_ number: String, by principal: Principal) async throws -> QuoteRecord {
        try principal.authorize(.revise)
        return try await readable(number, by: principal)
    }

    /// Issues a decoded case (`body` its bytes, hashed for idempotency) for `issuer` (the caller's
    /// own by default), dated today in its market; as a revision of `supersedes` when given. A
    /// revision keeps the issuer of the quote it replaces (``revisable(_:by:)``), so a retailer
    /// still sees the revision the service center made of its quote. Logged and counted the first
    /// time; a retry with the same key and body replays the first answer.
    func issue(
        _ serviceCase: ServiceCase, body: [UInt8], idempotencyKey: String?, by principal: Principal,
        issuer: String? = nil, supersedes: String?
    ) async throws -> IssueResult {
        try principal.authorize(supersedes == nil ? .issue : .revise)
        let issuer = issuer ?? principal.issuer
        let today = services.today(serviceCase.market)
        try QuoteLifecycle.checkRequestDate(serviceCase.requestDate, today: today)
        let hash = Digest.sha256Hex(
            Array(issuer.utf8) + [0] + Array((supersedes ?? "").utf8) + [0] + body)
        var request = IssueRequest(
            serviceCase: serviceCase, issuer: issuer,
            idempotencyKey: idempotencyKey.map { "\(principal.issuer)\u{1F}\($0)" }, requestHash: hash,
            checksBenefits: services.engine.usesOneTimeBenefits(serviceCase), supersedes: supersedes,
            issuedOn: today)
        request.actor = principal.actor
        let result = try await store { try await repo.issue(request, engine: services.engine) }
        if case .issued = result { logIssued(result.issued.record, serviceCase, supersedes: supersedes) }
        return result
    }

    private func logIssued(_ record: QuoteRecord, _ serviceCase: ServiceCase, supersedes: String?) {
        services.metrics.recordIssued(market: record.market.rawValue, status: record.coverageStatus.rawValue)
        logger.info(
            supersedes == nil ? "quote issued" : "quote revised",
            metadata: [
                "number": "\(record.number)", "coverage": "\(record.coverageStatus.rawValue)",
                "imei": "\(serviceCase.device.imei.map(Masking.imei) ?? "-")",
                "supersedes": "\(supersedes ?? "-")",
            ])
    }
}
