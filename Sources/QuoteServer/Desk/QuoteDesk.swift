import Logging
import QuoteCore
import QuoteJSON
import QuoteStore

/// The service's use cases, one place for each: preview, issue, revise, decide (staff and the
/// customer), void, e-mail, a new customer link, and reading and listing in the caller's reach.
/// The API's and the console's controllers decode a request, call one of these and encode or
/// render the answer; they never call the store or each other.
///
/// A desk works over any ``QuoteStore/QuoteRepository`` and the services' clock
/// (``ServerServices/today``); it throws ``DeskError`` (a store's refusal is turned into one
/// here) or QuoteCore's `ValidationError` for a case that breaks the engine's rules.
struct QuoteDesk<Repository: QuoteRepository>: Sendable {
    let repo: Repository
    let services: ServerServices

    var logger: Logger { services.logger }

    /// Runs store calls, turning a store's refusal into the desk's.
    func store<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as StoreError { throw DeskError(error) }
    }

    /// The quote, when `principal` may read it. Another retailer's quote is answered like a
    /// number that does not exist (``DeskError/notFound``), so numbers cannot be probed.
    func readable(_ number: String, by principal: Principal) async throws -> QuoteRecord {
        try principal.authorize(.read)
        guard let record = try await store({ try await repo.quote(number: number) }),
            principal.may(.read, on: record.issuer)
        else { throw DeskError.notFound }
        return record
    }

    /// A stored quote whoever asks (after a change the caller was allowed to make).
    func quote(_ number: String) async throws -> QuoteRecord {
        guard let record = try await store({ try await repo.quote(number: number) }) else {
            throw DeskError.notFound
        }
        return record
    }

    /// A page of the quotes `principal` reaches (a retailer: its own), with states as of today
    /// in the query's market.
    func list(_ query: QuoteQuery, by principal: Principal) async throws -> QuotePage {
        try principal.authorize(.read)
        var query = query
        query.issuer = principal.listIssuer
        query.today = services.today(MarketCode(query.market ?? ""))
        return try await store { try await repo.list(query) }
    }

    /// The history of a quote `principal` may read, oldest first (same reach as the quote).
    func history(_ number: String, by principal: Principal) async throws -> [QuoteEvent] {
        try principal.authorize(.readHistory)
        let record = try await readable(number, by: principal)
        return try await store { try await repo.events(number: record.number) }
    }

    /// The e-mails of a quote, oldest first.
    func emails(of record: QuoteRecord) async throws -> [OutboxMessage] {
        try await store { try await repo.outbox(quoteNumber: record.number) }
    }

    /// What a customer link opens: its quote, or why it no longer shows it.
    enum Linked {
        case open(QuoteRecord)
        case unknown
        case superseded(QuoteRecord)
        case void(QuoteRecord)
        case expired(QuoteRecord, on: CivilDate)
    }

    /// The quote of a customer link's token, as of today in its market: replaced and void quotes,
    /// and undecided ones after `validUntil`, are no longer shown.
    func linked(token: String) async throws -> Linked {
        guard let record = try await store({ try await repo.quote(customerToken: token) }) else {
            return .unknown
        }
        switch services.state(of: record) {
        case .superseded: return .superseded(record)
        case .void: return .void(record)
        case .expired: return .expired(record, on: record.validUntil)
        case .issued, .accepted, .rejected: return .open(record)
        }
    }

    /// The number of the quote a customer link's token opens, whatever its state (nil: unknown).
    func number(ofToken token: String) async throws -> String? {
        try await store { try await repo.quote(customerToken: token)?.number }
    }
}
