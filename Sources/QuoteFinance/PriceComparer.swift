import QuoteCore
import QuoteJSON

/// One stored quote priced with two price-list versions of its market, each on the case's own
/// request date, so that only the prices differ: the charges it counts per payer with OLD and
/// with NEW, or why one of them cannot price it.
public struct PriceComparison: Sendable {
    public var line: Int
    public var quoteNumber: String
    public var market: String
    public var currency: Currency
    /// The lifecycle state in the service's store; empty for a file.
    public var state: String
    public var oldVersion: String
    public var newVersion: String
    public var priced: Result<Pair, ValidationError>

    /// What one version charges: the coverage status, the payers and the gross per payer.
    public struct Priced: Hashable, Sendable {
        public var status: String
        public var payers: [String]
        public var amounts: PayerAmounts
    }

    public struct Pair: Hashable, Sendable {
        public var old: Priced
        public var new: Priced
    }

    public var statusChanged: Bool { (try? priced.get()).map { $0.old.status != $0.new.status } ?? false }
    public var payersChanged: Bool { (try? priced.get()).map { $0.old.payers != $0.new.payers } ?? false }
}

/// `reprice --compare OLD NEW`: prices each stored quote of OLD's market with OLD and with NEW (two
/// version folders of one market), each on the case's own request date (else the quote's issue
/// date). A quote counts what was charged: from the service's store the accepted quote's lines, the
/// rejected quote's `ifRejected` lines (``QuoteCore/DecisionCharges``), nothing for the undecided
/// (unless `allStates`, then their own lines); from a file, the quote's lines.
public struct PriceComparer: Sendable {
    public let old: PriceList
    public let new: PriceList
    public let allStates: Bool
    /// Only quotes booked in its range (`--by`, `--from`, `--to`) are compared.
    public var booking = BookingFilter()
    let calculator: QuoteCalculator

    /// What comparing one line gave.
    public enum Outcome: Sendable {
        case compared(PriceComparison)
        /// From the store, a quote nobody has answered (nor voided into a charge): nothing charged.
        case uncharged(market: String, currency: Currency)
        /// A quote of another market than the two versions'.
        case otherMarket
        /// A quote outside the booking range.
        case notBooked
    }

    public init(old: PriceList, new: PriceList, catalog: PriceListCatalog, allStates: Bool) {
        self.old = old
        self.new = new
        self.allStates = allStates
        self.calculator = QuoteCalculator(catalog: catalog)
    }

    /// Compares one line; throws when the line itself (case or stored quote) cannot be read.
    public func compare(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ValidationError) -> Outcome {
        let root = try StoredLine.root(bytes)
        let quote = try root.requiredObject("quote")
        let market = try quote.requiredString("market")
        guard market == old.settings.market.rawValue else { return .otherMarket }
        let currency = old.settings.currency
        let state = try root.object("record")?.requiredString("state") ?? ""
        let issueDate = try quote.requiredDate("issueDate")
        let serviceCase: ServiceCase
        do {
            serviceCase = try CaseDecoder.decode(try root.require("case"), today: { _ in issueDate })
        } catch {
            throw ValidationError(field: QuoteChecker.prefixed("case", error.field), error.message)
        }
        guard try booking.keeps(root, requested: serviceCase.requestDate, issued: issueDate) else {
            return .notBooked
        }
        guard let decision = Self.decision(state: state, fromStore: root.value("record") != nil, allStates)
        else { return .uncharged(market: market, currency: currency) }
        return .compared(
            PriceComparison(
                line: line, quoteNumber: try quote.string("number") ?? "", market: market, currency: currency,
                state: state, oldVersion: old.settings.version, newVersion: new.settings.version,
                priced: Result { () throws(ValidationError) in
                    PriceComparison.Pair(
                        old: try price(serviceCase, old, decision), new: try price(serviceCase, new, decision)
                    )
                }))
    }

    /// The decision whose charges a quote counts, or nil when it counts none.
    static func decision(state: String, fromStore: Bool, _ allStates: Bool) -> Decision? {
        guard fromStore else { return .pending }
        switch state {
        case "accepted": return .accepted
        case "rejected": return .rejected
        default: return allStates ? .pending : nil
        }
    }

    /// The charges `decision` fixes when the case is priced with `list`, or why it cannot be.
    func price(_ serviceCase: ServiceCase, _ list: PriceList, _ decision: Decision) throws(ValidationError)
        -> PriceComparison.Priced
    {
        let quote: Quote
        do {
            quote = try calculator.quote(serviceCase, with: list)
        } catch {
            throw ValidationError(field: error.field, "with \(list.settings.version): \(error.message)")
        }
        let lines = quote.charges(for: decision).lines
        return PriceComparison.Priced(
            status: quote.coverage.status.rawValue, payers: Repricer.payers(lines.map(\.payer.rawValue)),
            amounts: PayerAmounts(gross: lines))
    }
}

extension BookingFilter {
    /// Whether a stored line lies in the range by its request date, its issue date, or the day
    /// of its `record.decision.decidedAt` (already in the market's time zone); always without a range.
    func keeps(_ root: FieldReader, requested: CivilDate?, issued: CivilDate) throws(ValidationError) -> Bool
    {
        guard from != nil || to != nil else { return true }
        switch basis {
        case .request: return keeps(requested ?? issued)
        case .issue: return keeps(issued)
        case .decision:
            let decided = try root.object("record")?.object("decision")?.string("decidedAt")
            return keeps(decided.flatMap { CivilDate(String($0.prefix(10))) })
        }
    }
}
