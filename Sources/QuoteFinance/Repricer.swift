import QuoteCore
import QuoteJSON

/// What repricing one stored quote gave: the stored consumer total, status and payers, and the
/// same recomputed as if the case were requested on the repricing date with the price list in
/// force that day, or why it cannot be priced any more.
public struct RepriceResult: Sendable {
    public var line: Int
    public var quoteNumber: String
    public var market: String
    public var currency: Currency
    public var oldVersion: String
    public var oldStatus: String
    public var oldPayers: [String]
    /// The stored `totals.consumer.gross`, in minor units.
    public var oldConsumer: Int64
    /// The recomputed quote's, or the reason it cannot be priced (a part removed, …).
    public var new: Result<Repriced, ValidationError>

    public struct Repriced: Hashable, Sendable {
        public var version: String
        public var status: String
        public var payers: [String]
        public var consumer: Int64
    }

    /// `new − old` consumer total; nil when the case cannot be priced.
    public var difference: Int64? {
        guard case .success(let n) = new else { return nil }
        return n.consumer &- oldConsumer
    }

    public var statusChanged: Bool { (try? new.get().status).map { $0 != oldStatus } ?? false }
    public var payersChanged: Bool { (try? new.get().payers).map { $0 != oldPayers } ?? false }
}

/// Recomputes stored quotes (`{"case": …, "quote": …}` lines) as if each case were requested on
/// `date`, with the price list in force that day (G-7).
public struct Repricer: Sendable {
    public let catalog: PriceListCatalog
    public let date: CivilDate
    /// `--by` with `--from`/`--to`: the quotes repriced (all, without a range).
    public var booking = BookingFilter()
    let calculator: QuoteCalculator

    public init(catalog: PriceListCatalog, date: CivilDate) {
        self.catalog = catalog
        self.date = date
        self.calculator = QuoteCalculator(catalog: catalog)
    }

    /// Reprices one line; throws when the line itself (case or stored quote) cannot be read.
    public func reprice(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ValidationError)
        -> RepriceResult
    {
        try repriceIfBooked(bytes, line: line, booking: BookingFilter())!
    }

    /// Reprices one line when its date on `booking`'s basis lies in its range; nil when not.
    public func repriceIfBooked(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, booking: BookingFilter)
        throws(ValidationError) -> RepriceResult?
    {
        let root = try StoredLine.root(bytes)
        let stored = try StoredTotals(try root.requiredObject("quote"))
        var serviceCase: ServiceCase
        do {
            serviceCase = try CaseDecoder.decode(try root.require("case"), today: { _ in stored.issueDate })
        } catch {
            throw ValidationError(field: QuoteChecker.prefixed("case", error.field), error.message)
        }
        if booking.from != nil || booking.to != nil {
            let booked: CivilDate?
            switch booking.basis {
            case .request: booked = serviceCase.requestDate
            case .issue: booked = stored.issueDate
            case .decision:
                let decidedAt = try root.object("record")?.object("decision")?.string("decidedAt") ?? ""
                booked = CivilDate(String(decidedAt.prefix(10)))
            }
            guard booking.keeps(booked) else { return nil }
        }
        serviceCase.requestDate = date
        return RepriceResult(
            line: line, quoteNumber: stored.number, market: stored.market, currency: stored.currency,
            oldVersion: stored.version, oldStatus: stored.status, oldPayers: stored.payers,
            oldConsumer: stored.consumer, new: Result { () throws(ValidationError) in try price(serviceCase) }
        )
    }

    /// The case priced with the list in force on `date`, or why it cannot be.
    func price(_ serviceCase: ServiceCase) throws(ValidationError) -> RepriceResult.Repriced {
        let list = try catalog.priceList(for: serviceCase.market, on: date)
        let quote = try calculator.quote(serviceCase, with: list)
        return RepriceResult.Repriced(
            version: quote.priceListVersion, status: quote.coverage.status.rawValue,
            payers: Self.payers(quote.lines.map(\.payer.rawValue)),
            consumer: quote.totals.consumer.gross.minorUnits)
    }

    /// The distinct payers of a quote's lines, in a fixed order.
    static func payers(_ names: [String]) -> [String] { Array(Set(names)).sorted() }
}

/// The fields of a stored quote that repricing compares.
struct StoredTotals {
    var number: String
    var market: String
    var currency: Currency
    var version: String
    var issueDate: CivilDate
    var status: String
    var payers: [String]
    var consumer: Int64

    init(_ q: FieldReader) throws(ValidationError) {
        number = try q.string("number") ?? ""
        market = try q.requiredString("market")
        let code = try q.requiredString("currency")
        guard let known = Currency.known[code] else {
            throw ValidationError(field: q.field("currency"), "unknown currency \"\(code)\"")
        }
        currency = known
        version = try q.requiredString("priceListVersion")
        issueDate = try q.requiredDate("issueDate")
        status = try q.requiredObject("coverage").requiredString("status")
        var names: [String] = []
        for (value, path) in try q.array("lines") {
            names.append(try FieldReader(value, path: path).requiredString("payer"))
        }
        payers = Repricer.payers(names)
        let consumer = try q.requiredObject("totals").requiredObject("consumer")
        let gross = try consumer.requiredString("gross")
        do {
            self.consumer = try Decimals.parse(gross, scale: known.minorUnits)
        } catch {
            throw ValidationError(field: consumer.field("gross"), "\(error)")
        }
    }
}
