import Foundation
import Logging
import QuoteCore
import QuoteJSON
import QuoteRendering
import QuoteStore

extension DocumentFormat {
    /// The content type of a document of `GET /v1/quotes/{number}`.
    var contentType: String { self == .text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8" }
}

/// Renders a quote as a text or HTML document (the rendering module implements this). Without
/// one, document requests answer 406 "documents are not available".
public protocol QuoteDocumentRendering: Sendable {
    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    /// The document once decided: it says what was decided, when and through which channel, and
    /// has no "if you decline" section. Nil `decision` is the issued document.
    func render(
        quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        decision: DocumentDecision?
    ) throws -> String
    /// A customer-link page (see ``CustomerPageKind``) in the customer's language; it throws when
    /// the page cannot be made (the server then answers 500 and logs it). Without a quote
    /// (an unknown link), in the first of `languages` (the reader's, most wanted first) that has
    /// labels, else English. `pdfLink` (the quote page only, when the renderer makes PDFs) is
    /// linked as "Download PDF (print)". `answer` is the answer form's consent sentences and, after
    /// a refused answer, what was typed and what is wrong.
    func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, languages: [String],
        pdfLink: String?, answer: AnswerFormState
    ) throws -> String
    /// The consent sentences of a quote's market by language (``QuoteCore/PriceList/consent``).
    func consents(market: MarketCode, priceListVersion: String) -> [String: ConsentSentence]
    /// The words of the customer page's decision form, in the document's language.
    func decisionLabels(quote: Quote, case serviceCase: ServiceCase) -> DecisionLabels
    /// The market's time zone, whose calendar day a decision is shown on (nil: UTC).
    func timeZone(of market: MarketCode) -> TimeZone?
    /// The language the documents of a quote are shown in, after falling back from the
    /// customer's (nil when the renderer cannot say).
    func documentLanguage(market: MarketCode, priceListVersion: String, customerLanguage: String?) -> String?
    /// Whether this renderer makes documents at all (false only for a service built without
    /// templates: its document requests answer 406).
    var makesDocuments: Bool { get }
    /// The quote as a PDF, decided when `decision` is set; nil when this renderer makes no PDFs
    /// (`.pdf` then answers 406).
    func renderPDF(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> [UInt8]?
}

/// The words of the customer page's decision form, in the document's language.
public struct DecisionLabels: Sendable {
    public var accept: String
    public var reject: String
    public var yourAnswer: String
    public init(accept: String, reject: String, yourAnswer: String) {
        self.accept = accept
        self.reject = reject
        self.yourAnswer = yourAnswer
    }
    public static let english = DecisionLabels(
        accept: "Accept the quote", reject: "Reject the quote (returned unrepaired)",
        yourAnswer: "Your answer")
}

extension QuoteDocumentRendering {
    /// Without decided documents: the issued document.
    public func render(
        quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?,
        decision: DocumentDecision?
    ) throws -> String {
        try render(quote: quote, case: serviceCase, format: format, language: language)
    }

    /// A renderer makes documents.
    public var makesDocuments: Bool { true }

    /// Decisions are shown on their UTC day.
    public func timeZone(of market: MarketCode) -> TimeZone? { nil }

    /// No price lists: no consent sentences (the answer form then accepts no consent).
    public func consents(market: MarketCode, priceListVersion: String) -> [String: ConsentSentence] { [:] }

    /// English unless the renderer knows better.
    public func decisionLabels(quote: Quote, case serviceCase: ServiceCase) -> DecisionLabels { .english }

    public func documentLanguage(market: MarketCode, priceListVersion: String, customerLanguage: String?)
        -> String?
    { nil }
}

/// Everything the router needs besides the repository.
public struct ServerServices: Sendable {
    public var engine: any QuoteComputing
    public var keys: APIKeys
    /// The documents' renderer (``NoDocumentRenderer`` when the service was built without one).
    public var renderer: any QuoteDocumentRendering
    public var metrics: ServerMetrics
    public var logger: Logger
    /// Today in a market (case request dates default to it; links expire after `validUntil`).
    public var today: @Sendable (MarketCode) -> CivilDate
    /// Prefix of customer links in e-mails, e.g. `https://quotes.example.com`.
    public var publicBaseURL: String
    /// Issues per minute per key (429 beyond).
    public var issueLimiter = IssueRateLimiter()
    /// Whether queued e-mails are sent (an SMTP relay or another mailer was given to the server).
    public var mailerConfigured = false
    /// The price lists, for `GET /v1/catalog/{market}` (nil: that route answers 404) and the
    /// markets' `reminderDaysBeforeExpiry` (nil: no reminders).
    public var catalog: PriceListCatalog?
    /// The web console at `/console` (nil: `/console` answers 404).
    public var console: ConsoleConfiguration?
    /// The service's clock: the times of the quotes' events and the customers' evidence.
    public var now: @Sendable () -> Date = { Date() }
    /// Proxies whose `X-Forwarded-For` names the customer's address (`serve --trusted-proxy`);
    /// from any other peer the socket's address is the customer's.
    public var trustedProxies: [IPNetwork] = []
    /// The accessibility statement of a service without the console.
    public var statement: AccessibilityStatement?
    /// Webhook registration and delivery: the SSRF policy, the limit per key, the clock.
    public var webhooks = WebhookSettings()

    public init(
        engine: any QuoteComputing, keys: APIKeys, renderer: (any QuoteDocumentRendering)? = nil,
        metrics: ServerMetrics = ServerMetrics(), logger: Logger = Logger(label: "repairquote.server"),
        today: @escaping @Sendable (MarketCode) -> CivilDate = { _ in
            CivilDate.today(in: TimeZone(identifier: "UTC")!)
        },
        publicBaseURL: String = "http://127.0.0.1:8080"
    ) {
        self.engine = engine
        self.keys = keys
        self.renderer = renderer ?? NoDocumentRenderer()
        self.metrics = metrics
        self.logger = logger
        self.today = today
        self.publicBaseURL = publicBaseURL
    }
}

extension ServerServices {
    /// A stored quote as a document, or nil when no renderer is installed: the case is decoded and
    /// recomputed with the quote's price-list version (G-7: the same amounts), numbered as stored.
    /// A decided quote's document says so (``documentDecision(_:)``).
    func document(_ record: QuoteRecord, format: DocumentFormat) throws -> (
        document: String, labels: DecisionLabels
    )? {
        guard renderer.makesDocuments else { return nil }
        let (quote, serviceCase) = try recomputed(record)
        let document = try renderer.render(
            quote: quote, case: serviceCase, format: format, language: nil, decision: documentDecision(record)
        )
        return (document, renderer.decisionLabels(quote: quote, case: serviceCase))
    }

    /// The stored quote recomputed from its case with its price-list version (G-7), dated its
    /// issue day and numbered: QuoteJSON's ``QuoteJSON/StoredQuoteRecompute``, the one the mailer
    /// and `check` use too.
    func recomputed(_ record: QuoteRecord) throws -> (Quote, ServiceCase) {
        let recomputed = try StoredQuoteRecompute.recompute(
            caseJSON: record.caseJSON, version: record.priceListVersion, issuedOn: record.issueDate,
            number: record.number, engine: engine)
        return (recomputed.quote, recomputed.serviceCase)
    }

    /// The customer's link of a quote's token.
    func customerLink(_ token: String) -> String { publicBaseURL + "/q/" + token }

    /// A stored quote's lifecycle state on its market's today.
    func state(of record: QuoteRecord) -> QuoteState {
        record.state(today: today(record.market))
    }

    /// Refuses (a conflict) to send the customer to a quote replaced by a revision or void: its
    /// link would only say so. For a new link and for the quote's e-mail.
    func requireReachable(_ record: QuoteRecord) throws(DeskError) {
        switch state(of: record) {
        case .superseded: throw DeskError(StoreError.lifecycle(.superseded))
        case .void: throw DeskError(StoreError.lifecycle(.void))
        default: break
        }
    }

    /// The language a stored quote's documents are shown in (see ``QuoteDocumentRendering``).
    func documentLanguage(_ record: QuoteRecord, customerLanguage: String?) -> String? {
        renderer.documentLanguage(
            market: record.market, priceListVersion: record.priceListVersion,
            customerLanguage: customerLanguage)
    }
}
