import Dispatch

/// Walks the chains of a store, quote by quote (``QuoteRepository/verifyChains()``), and stops at
/// the first quote whose stored JSON, decision or events do not match their hashes.
public struct ChainVerifier: Sendable {
    public private(set) var quotes = 0
    public private(set) var events = 0
    public private(set) var fault: ChainFault?

    public init() {}

    /// Checks one quote: its first event links to the SHA-256 of `quoteJSON`, the sequence runs
    /// 1, 2, 3, … without a gap, every hash is recomputed, and a decision's charges
    /// (`finalJSON`) are those its `decided` event hashed. Returns false at the first fault.
    public mutating func check(
        number: String, quoteJSON: String, finalJSON: String?, events chain: ArraySlice<QuoteEvent>
    ) -> Bool {
        quotes += 1
        events += chain.count
        guard !chain.isEmpty else { return failed(number, nil, "has no events (not even issued)") }
        var previous = EventChain.quoteHash(quoteJSON)
        for (index, event) in chain.enumerated() {
            guard event.sequence == index + 1 else {
                return failed(number, event.sequence, "is out of sequence (expected event \(index + 1))")
            }
            guard event.previousHash == previous else {
                return failed(
                    number, event.sequence,
                    index == 0
                        ? "does not link to the stored quote (the quote JSON changed)"
                        : "does not link to the event before it")
            }
            guard EventChain.hash(event) == event.hash else {
                return failed(number, event.sequence, "does not match its hash (the row changed)")
            }
            previous = event.hash
        }
        if let finalJSON {
            let needle = #""finalSHA256":""# + Digest.sha256Hex(utf8: finalJSON) + #"""#
            guard chain.contains(where: { $0.kind == .decided && $0.details.contains(needle) }) else {
                return failed(number, nil, "has a decision whose charges no decided event recorded")
            }
        }
        return true
    }

    /// Checks a page of quotes (``ChainPage``): its two halves on two threads, as the hashing is
    /// most of the work and the machine has two cores; the fault reported is still the first in
    /// number order, and the counts are those checked up to it.
    mutating func check(page chains: [StoredChain]) -> Bool {
        let parts = chains.count < 64 ? 1 : 2
        let middle = parts == 1 ? chains.count : chains.count / 2
        let halves = [chains[..<middle], chains[middle...]]
        let results = Results(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var verifier = ChainVerifier()
            for chain in halves[part] {
                guard
                    verifier.check(
                        number: chain.number, quoteJSON: chain.quoteJSON, finalJSON: chain.finalJSON,
                        events: chain.events)
                else { break }
            }
            results.set(part, verifier)
        }
        for verifier in results.all {
            quotes += verifier.quotes
            events += verifier.events
            if let found = verifier.fault {
                fault = found
                return false
            }
        }
        return true
    }

    /// What each thread of ``check(page:)`` found; each writes only its own slot, and they are read
    /// after `concurrentPerform` has returned.
    private final class Results: @unchecked Sendable {
        private(set) var all: [ChainVerifier]
        init(count: Int) { all = Array(repeating: ChainVerifier(), count: count) }
        func set(_ index: Int, _ verifier: ChainVerifier) { all[index] = verifier }
    }

    private mutating func failed(_ number: String, _ sequence: Int?, _ reason: String) -> Bool {
        fault = ChainFault(quoteNumber: number, sequence: sequence, reason: reason)
        return false
    }
}

/// The first place a chain breaks: the quote, the event (nil: the quote itself) and why.
public struct ChainFault: Sendable, Equatable, CustomStringConvertible {
    public var quoteNumber: String
    public var sequence: Int?
    public var reason: String

    public var description: String {
        if let sequence { return "quote \(quoteNumber), event \(sequence): \(reason)" }
        return "quote \(quoteNumber): \(reason)"
    }
}

/// What ``QuoteRepository/verifyChains()`` found: how many quotes and events it checked, and the
/// first fault, if any.
public struct ChainVerification: Sendable, Equatable {
    public var quotes: Int
    public var events: Int
    public var fault: ChainFault?

    public init(quotes: Int, events: Int, fault: ChainFault?) {
        self.quotes = quotes
        self.events = events
        self.fault = fault
    }

    public init(_ verifier: ChainVerifier) {
        quotes = verifier.quotes
        events = verifier.events
        fault = verifier.fault
    }
}
