import Foundation
import QuoteCore
import QuoteFinance
import QuoteJSON
import QuoteStore

/// Fills a store with issued quotes for benchmarks (`repairquote bench store`): every market (or
/// those asked for), models, customers, references and retailers from wide pools, request dates
/// over three years, and decisions, revisions and voids in a desk's shares (``StoreStory/Fate``).
///
/// It writes through the store's bulk load (``QuoteStore/QuoteRepository/load(_:engine:)``), which
/// runs the statements of `issue` (numbering, ledger, tokens, idempotency keys), `decide`, `void`,
/// and `issue` with `supersedes` for a revision, a chunk of stories to a transaction. So the store
/// holds the same rows as one the service wrote. Quote `i`'s story depends on the seed and `i`
/// only, and so do the numbers: the stories are written in index order.
public struct StoreFiller: Sendable {
    public let seed: UInt64
    public let markets: [MarketCode]
    let cases: CaseGenerator
    let calculator: QuoteCalculator

    /// Stories written in one transaction.
    public var chunk = 512

    public init(catalog: PriceListCatalog, seed: UInt64, markets: [MarketCode] = []) {
        self.seed = seed
        self.markets = markets
        var cases = CaseGenerator(catalog: catalog)
        cases.requestDays = 3 * 365
        self.cases = cases
        self.calculator = QuoteCalculator(catalog: catalog)
    }

    /// What a fill wrote.
    public struct Report: Sendable, Equatable {
        /// Quotes issued, revisions included.
        public var quotes = 0
        public var accepted = 0
        public var rejected = 0
        public var revised = 0
        public var voided = 0
    }

    /// Issues `count` quotes (a revision counts as one) into `repository`, calling `progress` after
    /// each chunk with the totals so far.
    public func fill(
        _ repository: any QuoteRepository, count: Int, progress: @Sendable (Report) -> Void = { _ in }
    ) async throws -> Report {
        // The next chunk is drawn while the store writes this one.
        var planned = 0
        var next = 0
        func drawNext() -> Task<[StoreStory], Never>? {
            guard planned < count else { return nil }
            let fates = plan(from: next, quotes: count - planned)
            let from = next
            next += fates.count
            planned += fates.reduce(0) { $0 + Self.outcome(of: $1).quotes }
            return Task { await draw(from: from, fates: fates) }
        }
        var report = Report()
        var drawing = drawNext()
        while let chunk = drawing {
            let stories = await chunk.value
            drawing = drawNext()
            report.add(try await run(stories, in: repository))
            progress(report)
        }
        return report
    }

    /// The fates of the next chunk of stories from `index`, together at most `quotes` quotes (a
    /// revision is two). Fates have their own random stream, so the chunk is planned before any
    /// case is drawn.
    func plan(from index: Int, quotes: Int) -> [StoreStory.Fate] {
        var fates: [StoreStory.Fate] = []
        var planned = 0
        while planned < quotes, fates.count < chunk {
            var rng = SplitMix64(seed: seed ^ 0xFA7E, index: UInt64(index + fates.count))
            var fate = StoreStory.Fate.draw(&rng)
            if fate == .revised, planned + 2 > quotes { fate = .open }
            planned += fate == .revised ? 2 : 1
            fates.append(fate)
        }
        return fates
    }

    /// The stories of `fates.count` quotes from `index`, drawn in parallel.
    func draw(from index: Int, fates: [StoreStory.Fate]) async -> [StoreStory] {
        await withTaskGroup(of: (Int, StoreStory).self) { group in
            for (offset, fate) in fates.enumerated() {
                group.addTask { [self] in
                    var story = StoreStory(
                        index: index + offset, seed: seed, cases: cases, calculator: calculator,
                        markets: markets)
                    story.fate = fate
                    return (offset, story)
                }
            }
            var stories = [StoreStory?](repeating: nil, count: fates.count)
            for await (offset, story) in group { stories[offset] = story }
            return stories.compactMap { $0 }
        }
    }

    /// Writes the stories as one batch of the store (``QuoteStore/QuoteRepository/load(_:engine:)``):
    /// each issue with its answer, revision or void.
    func run(_ stories: [StoreStory], in repository: any QuoteRepository) async throws -> Report {
        try await repository.load(stories.map(Self.bulk), engine: calculator)
        var report = Report()
        for story in stories { report.add(Self.outcome(of: story.fate)) }
        return report
    }

    /// What a fate adds to the totals.
    static func outcome(of fate: StoreStory.Fate) -> Report {
        switch fate {
        case .open: Report(quotes: 1)
        case .accepted: Report(quotes: 1, accepted: 1)
        case .rejected: Report(quotes: 1, rejected: 1)
        case .revised: Report(quotes: 2, revised: 1)
        case .voided: Report(quotes: 1, voided: 1)
        }
    }

    /// A story as the store loads it: the issue, then an answer a day later (by the customer's link
    /// or staff), a revision an hour later, or a void the same day.
    static func bulk(_ story: StoreStory) -> BulkIssue {
        BulkIssue(request: story.request) { record in
            let later = story.issuedAt.addingTimeInterval(3_600)
            switch story.fate {
            case .open: return .none
            case .accepted, .rejected:
                let decision: Decision = story.fate == .accepted ? .accepted : .rejected
                let byLink = story.secondOfDay % 2 == 0
                return .decide(
                    DecisionRequest(
                        number: record.number, decision: decision,
                        decidedBy: byLink ? "customer" : story.issuer,
                        finalJSON: try finalJSON(record.quoteJSON, decision),
                        role: byLink
                            ? "customer" : story.issuer == "service-center" ? "service-center" : "retailer",
                        channel: byLink
                            ? DecisionChannel.customerLink.rawValue : DecisionChannel.staff[0].rawValue,
                        at: later.addingTimeInterval(86_400 - 3_600)))
            case .revised:
                var revision = story.request
                revision.idempotencyKey = nil
                revision.now = later
                return .revise(revision)
            case .voided:
                return .void(
                    VoidRequest(
                        number: record.number, reason: "the customer withdrew the request",
                        voidedBy: story.issuer,
                        today: record.issueDate, at: later))
            }
        }
    }

    /// The charges a decision fixes, as the service records them (``QuoteJSON/DecidedCharges``).
    static func finalJSON(_ quoteJSON: String, _ decision: Decision) throws -> String {
        guard case .object(let quote) = try JSONParser.parse(quoteJSON) else {
            throw StoreFillError("a stored quote is not a JSON object")
        }
        return JSONWriter.write(
            .object(DecidedCharges.select(from: quote, decision: decision)), pretty: false)
    }
}

extension StoreFiller.Report {
    mutating func add(_ other: Self) {
        quotes += other.quotes
        accepted += other.accepted
        rejected += other.rejected
        revised += other.revised
        voided += other.voided
    }
}

/// A fill that could not go on.
public struct StoreFillError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
