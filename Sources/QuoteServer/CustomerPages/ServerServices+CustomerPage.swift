import Foundation
import Hummingbird
import QuoteCore
import QuoteRendering
import QuoteStore

extension ServerServices {
    /// The customer-link page of a stored quote, ready to return from a handler:
    ///
    /// ```swift
    /// return services.customerPage(record, .quote(decision: services.documentDecision(record)))
    /// return services.customerPage(record, .confirmation(decision))   // after the customer's POST
    /// return services.customerPage(record, .expired(on: validUntil))
    /// return services.customerPage(record, .superseded(by: "NL-2026-000124"))
    /// return services.customerPage(record, .void)
    /// return services.customerPage(nil, .unknownLink)
    /// return services.customerPage(record, .badAnswer)
    /// return services.customerPage(record, .alreadyAnswered(decision))
    /// return services.customerPage(record, .refused(.crossSite))        // 403, nothing recorded
    /// return services.customerPage(nil, .unknownLink, languages: ["nl-BE", "nl"])
    /// ```
    ///
    /// The page comes from the templates (`Templates/customer.html.mustache`), in the quote's
    /// document language (without a quote: the first of `languages` with labels, else English),
    /// and answers with `status`, by default the status of its kind (``CustomerPageKind/status``):
    /// 200 quote and confirmation, 404 unknown link, 410 expired, superseded and void, 422 no
    /// choice, 409 already answered, 400/403/408/413/415 refused. If the page cannot be rendered
    /// (logged), 500 with ``CustomerPage/unavailable``.
    public func customerPage(
        _ record: QuoteRecord?, _ kind: CustomerPageKind, status: HTTPResponse.Status? = nil,
        languages: [String] = [], pdfLink: String? = nil, answer: CustomerAnswer? = nil
    ) -> Response {
        do {
            let computed = try record.map(recomputed)
            let state = AnswerFormState(
                consents: record.map {
                    renderer.consents(market: $0.market, priceListVersion: $0.priceListVersion)
                }
                    ?? [:],
                answer: answer)
            let html = try renderer.customerPage(
                kind, quote: computed?.0, case: computed?.1, languages: languages, pdfLink: pdfLink,
                answer: state)
            return CustomerPage.response(html, status: status ?? kind.status)
        } catch {
            logger.error(
                "customer page failed",
                metadata: [
                    "page": "\(kind.name)", "number": "\(record?.number ?? "-")", "error": "\(error)",
                    "status": "500",
                ])
            return CustomerPage.response(CustomerPage.unavailable, status: .internalServerError)
        }
    }

    /// The decision of a stored quote as documents show it, nil while undecided: on the market's
    /// calendar day of `decidedAt` (``QuoteRendering/DocumentDecision/init(_:timeZone:)``).
    public func documentDecision(_ record: QuoteRecord) -> DocumentDecision? {
        let zone = timeZone(of: record.market)
        return record.decision.flatMap { DocumentDecision($0, timeZone: zone) }
    }

    /// The market's time zone (its price lists' `settings.timeZone`); UTC when the renderer cannot say.
    public func timeZone(of market: MarketCode) -> TimeZone {
        renderer.timeZone(of: market) ?? TimeZone(identifier: "UTC")!
    }
}

extension DocumentDecision {
    /// A stored decision as documents show it; nil for `pending`. The day is the calendar day of
    /// `decidedAt` in `timeZone` (the market's); the channel is the recorded one (a decision
    /// stored before channels were kept: `customer-link` for the customer's own answer, else
    /// `in-person`).
    public init?(_ record: DecisionRecord, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
        guard record.decision != .pending else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let day = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: record.decidedAt)
        guard let year = day.year, let month = day.month, let dayOfMonth = day.day,
            let on = CivilDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        let channel =
            record.channel
            ?? (record.decidedBy == "customer" ? DecisionChannel.customerLink : .inPerson).rawValue
        let signature = record.evidence.map {
            Signature(
                name: $0.name, time: String(format: "%02d:%02d", day.hour ?? 0, day.minute ?? 0),
                zone: timeZone.identifier)
        }
        self.init(decision: record.decision, decidedOn: on, channel: channel, signature: signature)
    }
}

extension CustomerPageKind {
    /// The HTTP status a customer-link page is sent with.
    public var status: HTTPResponse.Status {
        switch self {
        case .quote, .confirmation: .ok
        case .unknownLink: .notFound
        case .expired, .superseded, .void: .gone
        case .badAnswer: .unprocessableContent
        case .alreadyAnswered, .refused(.notRecorded): .conflict
        case .refused(.crossSite): .forbidden
        case .refused(.tooLarge): .contentTooLarge
        case .refused(.notAForm): .unsupportedMediaType
        case .refused(.tooLate): .requestTimeout
        case .refused(.malformed): .badRequest
        }
    }
}

/// Thrown inside a customer-link handler to answer with a page other than the quote (with
/// `status` instead of the kind's when set).
struct CustomerPageAnswer: Error {
    var record: QuoteRecord?
    var kind: CustomerPageKind
    var status: HTTPResponse.Status? = nil
}
