import Foundation
import Hummingbird
import QuoteCore
import QuoteRendering
import QuoteStore

extension ConsoleQuotesController {
    /// A quote: its document, state, customer link and the actions the user's role may take.
    @Sendable func show(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let number = try context.parameters.require("number")
            if number.hasSuffix(".pdf") {
                // "Download PDF": the API's PDF of a quote the signed-in user may read.
                return try await services.pdfResponse(
                    try await desk.readable(String(number.dropLast(4)), by: signedIn.principal))
            }
            return try await quotePage(request, number: number, signedIn)
        }
    }

    /// The quote page; `reasonError` marks the void form's reason field, which keeps `reason`.
    func quotePage(
        _ request: Request, number: String, _ signedIn: ConsoleAccess.SignedIn, reason: String = "",
        reasonError: String? = nil
    ) async throws -> Response {
        let record = try await desk.readable(number, by: signedIn.principal)
        let state = services.state(of: record)
        let document = (try? services.document(record, format: .html))?.document
        var view = access.baseView(signedIn)
        view["number"] = record.number
        view["state"] = state.rawValue
        view["stateLabel"] = console.pages.label("state." + state.rawValue, signedIn.language)
        view["document"] = document.map(Self.documentBody) ?? ""
        // A void or replaced quote's links open no quote: no link to copy, no new one.
        let closed = state == .void || state == .superseded
        view["linkClosed"] = closed
        if !closed { view.set("customerLink", try await linkShown(request, number: number)) }
        // A new link or an e-mail helps only while the customer can still answer.
        let open = state == .issued
        let principal = signedIn.principal
        for (flag, action) in ConsoleActions.flags {
            view[flag] = open && principal.may(action, on: record.issuer)
        }
        view["channels"] = DecisionChannel.staff.map {
            [
                "value": $0.rawValue,
                "label": console.pages.label("channel." + $0.rawValue, signedIn.language),
            ]
        }
        view.set(
            "notice",
            request.uri.queryParameters["done"].map {
                // Without a mailer nothing queued ever leaves: say so.
                let done = $0 == "email" && !services.mailerConfigured ? "email.noRelay" : String($0)
                return console.pages.label("done." + done, signedIn.language)
            })
        try await addHistory(to: &view, record, signedIn)
        view.set("summary", summaryView(record, signedIn))
        view.set("decided", decidedView(record, signedIn))
        view.set(
            "voided",
            record.voided.map {
                [
                    "reason": $0.reason, "by": $0.voidedBy,
                    "at": moment($0.voidedAt, market: record.market, language: signedIn.language),
                ]
            })
        if let superseded = record.supersededBy { view["supersededBy"] = superseded }
        if let previous = record.supersedes { view["supersedes"] = previous }
        view["reason"] = reason
        view.set("reasonError", reasonError)
        return ConsoleResponse.page(
            console.pages.render("quote", language: signedIn.language, view: view),
            status: reasonError == nil ? .ok : .unprocessableContent)
    }

    /// The quote's e-mails, history events and (for those who may read events) the service
    /// center's webhook deliveries, each with its `has…` flag.
    func addHistory(to view: inout [String: Any], _ record: QuoteRecord, _ signedIn: ConsoleAccess.SignedIn)
        async throws
    {
        let emails = try await desk.emails(of: record).map {
            emailView($0, market: record.market, signedIn)
        }
        view["emails"] = emails
        view["hasEmails"] = !emails.isEmpty
        let events = try await timelineView(record, signedIn)
        view["events"] = events
        view["hasEvents"] = !events.isEmpty
        let webhooks =
            signedIn.principal.may(.readEvents, on: record.issuer)
            ? try await desk.serviceCenterDeliveries(of: record).map {
                webhookView($0, market: record.market, signedIn)
            }
            : []
        view["webhooks"] = webhooks
        view["hasWebhooks"] = !webhooks.isEmpty
    }

    /// `decision`, `email`, `void` and `link` (a new customer link, kept in the session to show it)
    /// on a quote, through the desk's use cases (the API's).
    @Sendable func act(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let number = try context.parameters.require("number")
            let name = try context.parameters.require("action")
            let fields = Dictionary(
                try await access.form(request, signedIn), uniquingKeysWith: { _, last in last })
            guard let action = ConsoleActions.posted[name] else {
                throw ConsoleRefusal(.notFound, console.pages.label("notFound", signedIn.language))
            }
            guard signedIn.user.role.may(action) else {
                throw ConsoleRefusal(.forbidden, console.pages.label("notAllowed", signedIn.language))
            }
            var cookies: [Cookie] = []
            switch try await perform(action, number: number, fields: fields, request, signedIn) {
            case .page(let page): return page
            case .newLink(let token): cookies.append(console.linkCookie(token: token, number: number))
            case .done: break
            }
            access.logger.info(
                "console action",
                metadata: ["action": "\(name)", "number": "\(number)", "user": "\(signedIn.user.name)"])
            return ConsoleResponse.redirect("/console/quotes/\(number)?done=\(name)", cookies: cookies)
        }
    }

    /// What a posted action leaves to show.
    enum Performed {
        case done
        /// A new customer link's token.
        case newLink(String)
        /// A page instead of the redirect (the quote page again, the void reason marked).
        case page(Response)
    }

    /// Runs a posted action through the desk.
    func perform(
        _ action: Action, number: String, fields: [String: String], _ request: Request,
        _ signedIn: ConsoleAccess.SignedIn
    ) async throws -> Performed {
        let principal = signedIn.principal
        switch action {
        case .decide:
            try await desk.decideForCustomer(
                number, decision: fields["decision"], channel: fields["channel"],
                note: fields["note"].flatMap { $0.isEmpty ? nil : $0 }, by: principal)
        case .email:
            _ = try await desk.email(number, to: nil, by: principal)
        case .void:
            let reason = fields["reason"] ?? ""
            do {
                _ = try await desk.void(number, reason: reason.isEmpty ? nil : reason, by: principal)
            } catch  where Self.field(of: error) == "reason" {
                // An empty or too long reason: the quote page again, the field marked.
                return .page(
                    try await quotePage(
                        request, number: number, signedIn, reason: reason,
                        reasonError: console.pages.label("reasonRequired", signedIn.language)))
            }
        case .link:
            return .newLink(try await desk.newLink(number, by: principal))
        default:
            throw ConsoleRefusal(.notFound, console.pages.label("notFound", signedIn.language))
        }
        return .done
    }

    /// The request field an API or validation error names, if any.
    static func field(of error: any Error) -> String? {
        switch error {
        case let error as DeskError: error.field
        case let error as APIError: error.field
        case let error as ValidationError: error.field
        default: nil
        }
    }

    /// The page's first line: the customer, what each payer owes (the customer always, the others
    /// when they pay something) in the user's language, and the last day the quote is valid.
    func summaryView(_ record: QuoteRecord, _ signedIn: ConsoleAccess.SignedIn) -> [String: Any]? {
        guard let (quote, serviceCase) = try? services.recomputed(record) else { return nil }
        let format = console.format(language: signedIn.language)
        let payers: [[String: String]] = Payer.allCases.compactMap { payer in
            let gross = quote.totals[payer].gross
            guard payer == .consumer || gross.minorUnits != 0 else { return nil }
            return [
                "payer": payer.rawValue,
                "label": console.pages.label("payer." + payer.rawValue, signedIn.language),
                "amount": (try? format?.money(gross)) ?? gross.description,
            ]
        }
        return [
            "customer": serviceCase.customer.name, "payers": payers,
            "validUntil": format?.date(record.validUntil) ?? record.validUntil.description,
        ]
    }

    /// One e-mail of the quote: what, to whom (masked), its state (queued, sent, failed) and
    /// the last error.
    func emailView(_ message: OutboxMessage, market: MarketCode, _ signedIn: ConsoleAccess.SignedIn)
        -> [String: Any]
    {
        let state = message.state == .pending ? "queued" : message.state.rawValue
        var view: [String: Any] = [
            "kind": console.pages.label("email.kind." + message.kind.rawValue, signedIn.language),
            "to": Masking.email(message.recipient), "state": state,
            "stateLabel": console.pages.label("email.state." + state, signedIn.language),
            "at": moment(message.sentAt ?? message.queuedAt, market: market, language: signedIn.language),
        ]
        view.set("error", message.lastError)
        return view
    }

    /// A webhook delivery of the quote: event, endpoint, state, attempts, the last answer.
    func webhookView(
        _ delivery: WebhookDeliveryRecord, market: MarketCode, _ signedIn: ConsoleAccess.SignedIn
    )
        -> [String: Any]
    {
        var view: [String: Any] = [
            "type": delivery.eventType, "endpoint": delivery.endpointID, "state": delivery.state.rawValue,
            "stateLabel": console.pages.label("webhook.state." + delivery.state.rawValue, signedIn.language),
            "attempts": String(delivery.attempts),
        ]
        view.set("status", delivery.lastStatus.map { String($0) })
        view.set(
            "at", delivery.log.last.map { moment($0.startedAt, market: market, language: signedIn.language) })
        view.set("error", delivery.lastError)
        return view
    }

    /// Who answered, when (date and time in the market's time zone), how, and the note.
    func decidedView(_ record: QuoteRecord, _ signedIn: ConsoleAccess.SignedIn) -> [String: Any]? {
        guard let decision = record.decision, let shown = DocumentDecision(decision) else { return nil }
        let channel = shown.channel
        var view: [String: Any] = [
            "by": decision.decidedBy,
            "at": moment(decision.decidedAt, market: record.market, language: signedIn.language),
            "channel": console.pages.label("channel." + channel, signedIn.language),
            "decision": console.pages.label("state." + decision.decision.rawValue, signedIn.language),
        ]
        view.set("note", decision.note.flatMap { $0.isEmpty ? nil : $0 })
        view["evidence"] = evidenceView(decision, market: record.market, language: signedIn.language)
        return view
    }

    /// `at` in the market's time zone, named, with the date written in the page's language: on
    /// an English page "7 December 2026 16:04 (Europe/Amsterdam)", on a Dutch one
    /// "7 december 2026 16:04 (Europe/Amsterdam)".
    func moment(_ at: Date, market code: MarketCode, language: String) -> String {
        let zone = services.timeZone(of: code)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: at)
        let day = CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
        let format = console.format(language: language)
        let date = day.map { format?.date($0) ?? $0.description } ?? ""
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(date) \(time) (\(zone.identifier))"
    }

    /// The customer link this browser was given for the quote (``ConsoleConfiguration/linkCookie(token:number:)``),
    /// when its token opens this quote.
    func linkShown(_ request: Request, number: String) async throws -> String? {
        guard let token = request.cookies[ConsoleConfiguration.linkCookieName]?.value, !token.isEmpty,
            try await desk.number(ofToken: token) == number
        else { return nil }
        return services.customerLink(token)
    }
}
