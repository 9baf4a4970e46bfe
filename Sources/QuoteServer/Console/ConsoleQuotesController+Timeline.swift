import Foundation
import QuoteCore
import QuoteStore

extension ConsoleQuotesController {
    /// The quote's history as the page's timeline, oldest first: what happened (in the user's
    /// language), when (the market's time zone), who, and the one detail that matters per kind.
    func timelineView(_ record: QuoteRecord, _ signedIn: ConsoleAccess.SignedIn) async throws -> [[String:
        Any]]
    {
        let language = signedIn.language
        return try await desk.history(record.number, by: signedIn.principal).map { event in
            var view: [String: Any] = [
                "sequence": event.sequence, "kind": event.kind.rawValue,
                "label": console.pages.label("event." + event.kind.rawValue, language),
                "at": moment(event.at, market: record.market, language: language),
                "actor": event.actor.name + (event.actor.role.map { " (\($0))" } ?? ""),
            ]
            view.set("detail", detail(event, language))
            view.set(
                "client",
                event.client.map { [$0.ip, $0.userAgent].compactMap { $0 }.joined(separator: " · ") })
            return view
        }
    }

    /// The detail shown beside an event: the e-mail's state, the answer, how the link was opened,
    /// the revision, the reason.
    func detail(_ event: QuoteEvent, _ language: String) -> String? {
        let details = try? JSONBody.parse(event.details)
        func value(_ key: String) -> String? { details?[key]?.text }
        switch event.kind {
        case .emailed: return value("state").map { console.pages.label("event.email." + $0, language) }
        case .decided: return value("decision").map { console.pages.label("state." + $0, language) }
        case .viewed: return value("via")
        case .superseded: return value("by")
        case .issued: return value("revises")
        case .voided: return value("reason")
        case .reminded: return value("validUntil")
        case .linkMade, .expired: return nil
        }
    }

    /// The customer's acceptance evidence on the decision card, or the statement that a staff
    /// recorded answer carries no customer signature.
    func evidenceView(_ decision: DecisionRecord, market: MarketCode, language: String) -> [String: Any] {
        guard let evidence = decision.evidence else { return ["none": true] }
        return [
            "name": evidence.name, "consent": "\(evidence.consentVersion) (\(evidence.consentLanguage))",
            "at": moment(decision.decidedAt, market: market, language: language), "ip": evidence.ip ?? "-",
            "userAgent": evidence.userAgent ?? "-", "document": evidence.documentSHA256,
        ]
    }
}
