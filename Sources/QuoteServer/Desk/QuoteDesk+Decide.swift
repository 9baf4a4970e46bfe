import QuoteCore
import QuoteJSON
import QuoteStore

extension QuoteDesk {
    /// Checks and records an answer given to staff (`decision` "accepted" or "rejected", a staff
    /// `channel`, an optional `note`) on a quote `principal` may read. Final once recorded: the
    /// same answer again changes nothing, another one is a conflict; so is any answer on a
    /// replaced or void quote.
    func decideForCustomer(
        _ number: String, decision text: String?, channel: String?, note: String?, by principal: Principal
    ) async throws {
        try principal.authorize(.decide)
        guard let text, let decision = Self.decision(text) else {
            throw DeskError.invalid(field: "decision", "expected \"accepted\" or \"rejected\"")
        }
        let staffChannels = DecisionChannel.staff.map(\.rawValue)
        guard let channel, staffChannels.contains(channel) else {
            throw DeskError.invalid(
                field: "channel", "expected one of \(staffChannels.joined(separator: ", "))")
        }
        if let note { try QuoteLifecycle.checkText(note, field: "note", required: false) }
        let record = try await readable(number, by: principal)
        _ = try await decide(
            record, decision, by: principal.name, role: principal.role.rawValue, channel: channel, note: note,
            actor: principal.actor)
    }

    /// Records the customer's own answer through the link (the customer may answer the quote its
    /// link opens; nothing else to check).
    /// An acceptance carries its evidence (typed name, consent, client, document hash); a
    /// rejection's optional reason is kept as its note.
    func decideByCustomer(
        _ record: QuoteRecord, _ answer: CustomerAnswer, evidence: AcceptanceEvidence?, client: EventClient
    ) async throws -> DecisionRecord {
        try await decide(
            record, answer.decision, by: "customer", role: "customer",
            channel: DecisionChannel.customerLink.rawValue, note: answer.reason.isEmpty ? nil : answer.reason,
            actor: EventActor(kind: .customer, name: evidence?.name ?? "customer", role: "customer"),
            evidence: evidence, client: client)
    }

    /// Records a decision with the charges it fixes (``QuoteCore/DecidedCharges``) and, when the
    /// case has an e-mail address, queues the customer's confirmation with it.
    private func decide(
        _ record: QuoteRecord, _ decision: Decision, by: String, role: String, channel: String, note: String?,
        actor: EventActor, evidence: AcceptanceEvidence? = nil, client: EventClient? = nil
    ) async throws -> DecisionRecord {
        let final = try RecordJSON.finalCharges(quoteJSON: record.quoteJSON, decision: decision)
        let customer = try? CaseDecoder.decode(record.caseJSON, today: services.today).customer
        var request = DecisionRequest(
            number: record.number, decision: decision, decidedBy: by, finalJSON: final, role: role,
            channel: channel, note: note, today: services.today(record.market),
            confirmTo: customer?.email, language: customer?.language)
        request.actor = actor
        request.evidence = evidence
        request.client = client
        switch try await store({ try await repo.decide(request) }) {
        case .recorded(let stored):
            logger.info(
                "quote decided",
                metadata: [
                    "number": "\(record.number)", "decision": "\(decision)", "channel": "\(channel)",
                    "by": "\(role)",
                ])
            return stored
        case .unchanged(let stored): return stored
        }
    }

    /// Counts an opening of the customer link (the first is a `viewed` event). A store that
    /// cannot count it now is logged, and the customer still sees the quote.
    func viewed(_ record: QuoteRecord, via: String, client: EventClient) async {
        do {
            _ = try await repo.recordView(number: record.number, via: via, at: services.now(), client: client)
        } catch {
            logger.warning(
                "view not recorded", metadata: ["number": "\(record.number)", "error": "\(error)"])
        }
    }

    /// "accepted"/"accept" and "rejected"/"reject"; nil for anything else.
    static func decision(_ text: String) -> Decision? {
        switch text {
        case "accepted", "accept": .accepted
        case "rejected", "reject": .rejected
        default: nil
        }
    }
}
