import Foundation
import QuoteCore

/// A report filter as typed (query parameters of the console, options of the CLI), checked into
/// a ``ReportFilter``. Each refusal names its field and a ``Problem`` code, so that the console
/// says it in the user's language and the CLI in English.
public struct ReportFilterInput: Sendable, Equatable {
    public var market: String?
    public var currency: String?
    public var from: String?
    public var to: String?
    public var issuer: String?
    public var modelFamily: String?

    public init(
        market: String? = nil, currency: String? = nil, from: String? = nil, to: String? = nil,
        issuer: String? = nil, modelFamily: String? = nil
    ) {
        // An empty field (a form's "all") is no filter.
        func given(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        self.market = given(market)
        self.currency = given(currency)
        self.from = given(from)
        self.to = given(to)
        self.issuer = given(issuer)
        self.modelFamily = given(modelFamily)
    }

    /// Why a field was refused.
    public enum Problem: String, Sendable, Equatable {
        case unknownMarket = "unknown-market"
        case unknownCurrency = "unknown-currency"
        case notAMonth = "not-a-month"
        case fromAfterTo = "from-after-to"
    }

    /// One refused field.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// `market`, `currency`, `from` or `to`.
        public var field: String
        public var problem: Problem
        public var value: String

        public var description: String {
            switch problem {
            case .unknownMarket: "\(field): unknown market \"\(value)\""
            case .unknownCurrency: "\(field): unknown currency \"\(value)\""
            case .notAMonth: "\(field): \"\(value)\" is not a month YYYY-MM"
            case .fromAfterTo: "\(field): \(value) is after the end of the period"
            }
        }
    }

    /// Every refused field of a filter, in form order.
    public struct Refusals: Error, Sendable, Equatable {
        public var all: [Refusal]
    }

    /// The filter, or every refused field in form order. `markets` are the known market codes
    /// (nil: any two capital letters); `issuer` replaces the typed one when given (a retailer
    /// sees its own quotes, whatever the URL says).
    public func filter(today: CivilDate, markets: Set<String>?, issuer forced: String? = nil)
        -> Result<ReportFilter, Refusals>
    {
        var refusals: [Refusal] = []
        if let market {
            let known =
                markets?.contains(market)
                ?? (market.count == 2 && market.allSatisfy { $0.isASCII && $0.isUppercase })
            if !known { refusals.append(Refusal(field: "market", problem: .unknownMarket, value: market)) }
        }
        if let currency, Currency.known[currency] == nil {
            refusals.append(Refusal(field: "currency", problem: .unknownCurrency, value: currency))
        }
        let fromMonth = from.flatMap(ReportMonth.init)
        let toMonth = to.flatMap(ReportMonth.init)
        if let from, fromMonth == nil {
            refusals.append(Refusal(field: "from", problem: .notAMonth, value: from))
        }
        if let to, toMonth == nil { refusals.append(Refusal(field: "to", problem: .notAMonth, value: to)) }
        let filter = ReportFilter(
            today: today, from: fromMonth, to: toMonth, market: market, currency: currency,
            issuer: forced ?? issuer, modelFamily: modelFamily)
        if fromMonth != nil || toMonth != nil, filter.to < filter.from {
            refusals.append(Refusal(field: "from", problem: .fromAfterTo, value: filter.from.description))
        }
        return refusals.isEmpty ? .success(filter) : .failure(Refusals(all: refusals))
    }
}
