import Foundation
import QuoteCore
import QuoteFinance
import QuoteStore

/// What happens to one quote of `bench store`, drawn from the seed and the quote's index alone: the
/// case (with a customer, a reference and an issuer from wide pools, so searches have many
/// distinct values to find), and what follows its issue.
struct StoreStory: Sendable {
    /// What follows the issue, in shares close to a service desk's: about half the quotes are
    /// answered (accepted 38 %, rejected 12 %), 6 % are revised, 4 % withdrawn, the rest stay open.
    enum Fate: Sendable, Equatable {
        case open, accepted, rejected, revised, voided

        static func draw(_ rng: inout SplitMix64) -> Fate {
            switch rng.int(in: 0...99) {
            case 0..<38: .accepted
            case 38..<50: .rejected
            case 50..<56: .revised
            case 56..<60: .voided
            default: .open
            }
        }
    }

    var serviceCase: ServiceCase
    var issuer: String
    var idempotencyKey: String?
    var requestHash: String
    var fate: Fate
    /// Seconds into the request day the quote is issued (and, an hour or a day later, answered).
    var secondOfDay: Int

    static let firstNames = [
        "Anna", "Jan", "Sofía", "Wing", "Ayesha", "Michael", "Lucas", "Émilie", "Chen", "Fatima", "Pieter",
        "Noor", "Sven", "Aiko", "Mateo", "Olga", "Ravi", "Chloé", "Tomasz", "Mei", "Kwame", "Ingrid",
        "Diego", "Hana", "Youssef", "Elif", "Liam", "Zainab", "Marco", "Siobhan",
    ]
    static let lastNames = [
        "de Vries", "Peeters", "García", "Chan", "Khan", "Brown", "Müller", "O'Neil", "Jansen", "Dubois",
        "Rossi", "Nowak", "Kowalski", "Tanaka", "Wong", "Lee", "Smith", "Fernández", "Novak", "Svensson",
        "Bakker", "Martin", "Silva", "Costa", "Ahmed", "Yilmaz", "Nguyen", "Kim", "Lambert", "Hoffmann",
    ]
    static let domains = ["example.com", "example.org", "example.net", "mail.example", "post.example"]

    /// The story of quote `index` of a run seeded with `seed`, its case drawn by `cases` until
    /// `calculator` accepts one.
    init(index: Int, seed: UInt64, cases: CaseGenerator, calculator: QuoteCalculator, markets: [MarketCode]) {
        var rng = SplitMix64(seed: seed, index: UInt64(index))
        // A case the engine refuses (a kind the market does not offer, say) is drawn again, up to
        // 1,000 times. (A `for … where` loop here computed the quote 1,000 times for every story:
        // `where` filters the iterations, it does not end the loop; 4 ms of CPU a quote.)
        var drawn = cases.draw(&rng, market: markets.isEmpty ? nil : rng.pick(markets))
        var attempts = 1
        while attempts < 1_000, (try? calculator.quote(drawn)) == nil {
            drawn = cases.draw(&rng, market: markets.isEmpty ? nil : rng.pick(markets))
            attempts += 1
        }
        let first = rng.pick(Self.firstNames)
        let last = rng.pick(Self.lastNames)
        drawn.customer.name = "\(first) \(last)"
        if drawn.customer.email != nil {
            let local = "\(first).\(last)".lowercased().filter { $0.isASCII && ($0.isLetter || $0 == ".") }
            drawn.customer.email = "\(local)\(rng.int(in: 1...9_999))@\(rng.pick(Self.domains))"
        }
        if rng.chance(60) { drawn.reference = "RMA-\(rng.int(in: 1_000_000...9_999_999))" }
        serviceCase = drawn
        issuer = rng.chance(30) ? "service-center" : "retailer-\(rng.int(in: 1...400))"
        idempotencyKey = rng.chance(50) ? "bench-\(seed)-\(index)" : nil
        requestHash = (0..<4).map { _ in String(rng.next(), radix: 16).leftPadded(to: 16) }.joined()
        fate = Fate.draw(&rng)
        secondOfDay = rng.int(in: 8 * 3_600...19 * 3_600)
    }

    /// The moment of the issue: the case's request day, at ``secondOfDay`` (UTC).
    var issuedAt: Date {
        Date(timeIntervalSince1970: Double(serviceCase.requestDate.dayNumber * 86_400 + secondOfDay))
    }

    var request: IssueRequest {
        IssueRequest(
            serviceCase: serviceCase, issuer: issuer, idempotencyKey: idempotencyKey,
            requestHash: requestHash,
            now: issuedAt)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
