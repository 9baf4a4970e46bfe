import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteStore

extension ConsoleQuotesController {
    /// Preview or issue (button `action`) the posted case; a bad case comes back with the error
    /// next to its field and every value kept. `choices` only shows the form again with the lists
    /// of the chosen market and model.
    func submit(
        _ fields: [(String, String)], _ signedIn: ConsoleAccess.SignedIn, request: Request, action: String,
        supersedes: String?
    ) async throws -> Response {
        var form = CaseForm(fields: fields)
        let market = MarketCode(form.values["market"] ?? "")
        let choices = console.priceList(market, today: services.today(market)).map(MarketChoices.init)
        if let model = form.values["device.model"], let category = choices?.category(of: model) {
            form.values["device.category"] = category.rawValue
        }
        let body = form.json()
        let button = fields.last(where: { $0.0 == "action" })?.1
        // Without JavaScript, "Update the lists" shows the chosen market's and model's choices
        // with the values kept, before the case is complete enough to preview.
        if button == "choices" {
            return formPage(signedIn, form: form, action: action, revising: supersedes)
        }
        let issuing = button == "issue"
        do {
            let serviceCase = try CaseDecoder.decode(bytes: body, today: services.today)
            guard issuing else {
                let quote = try await desk.preview(serviceCase, by: signedIn.principal)
                return formPage(
                    signedIn, form: form, action: action, revising: supersedes,
                    preview: previewView(quote, serviceCase))
            }
            // A double submit of the same form in this session replays the first quote.
            let key =
                "console-"
                + Digest.sha256Hex(
                    Array(signedIn.session.csrf.utf8) + [0] + Array((supersedes ?? "").utf8) + [0] + body)
            let result = try await desk.issue(
                serviceCase, body: body, idempotencyKey: key, by: signedIn.principal, supersedes: supersedes)
            let number = result.issued.record.number
            await console.remember(market: serviceCase.market.rawValue, for: signedIn.user)
            access.logger.info(
                "console quote issued",
                metadata: [
                    "number": "\(number)", "user": "\(signedIn.user.name)",
                    "supersedes": "\(supersedes ?? "-")",
                ])
            return ConsoleResponse.redirect(
                "/console/quotes/\(number)?done=issue",
                cookies: [console.linkCookie(token: result.issued.customerToken, number: number)])
        } catch let error as ValidationError {
            access.logger.info(
                "console case refused",
                metadata: ["field": "\(error.field)", "user": "\(signedIn.user.name)"])
            // The category follows from the model, so its errors belong to the model's field.
            let field = error.field == "device.category" ? "device.model" : error.field
            let path = field.isEmpty ? "market" : CaseForm.path(ofField: field)
            return formPage(
                signedIn, form: form, action: action, revising: supersedes, errors: [path: error.message],
                status: .unprocessableContent)
        }
    }

    /// The preview: the document and the consumer total (`data-amount` a plain decimal, shown in
    /// the market's format).
    func previewView(_ quote: Quote, _ serviceCase: ServiceCase) -> [String: Any] {
        let total = quote.totals.consumer.gross
        let format = console.format(for: quote.market, today: services.today(quote.market))
        let document = try? services.renderer.render(
            quote: quote, case: serviceCase, format: .html, language: nil)
        return [
            "amount": total.text, "total": (try? format?.money(total)) ?? total.description,
            "document": document.map(Self.documentBody) ?? "",
        ]
    }

    /// What is inside `<body …>` of a rendered document (its own inline style is not allowed here;
    /// `/console/static/document.css` styles it inside the page's element of class `paper`), its
    /// `<main>` a `<div>`: the console page has its own, and a page has one main landmark.
    static func documentBody(_ html: String) -> String {
        guard let open = html.range(of: "<body"), let start = html[open.upperBound...].firstIndex(of: ">"),
            let end = html.range(of: "</body>", options: .backwards), start < end.lowerBound
        else { return "" }
        let body = html[html.index(after: start)..<end.lowerBound]
        guard let main = body.range(of: "<main "), let close = body.range(of: "</main>", options: .backwards),
            main.upperBound <= close.lowerBound
        else { return String(body) }
        return body[..<main.lowerBound] + "<div " + body[main.upperBound..<close.lowerBound] + "</div>"
            + body[close.upperBound...]
    }

    func formPage(
        _ signedIn: ConsoleAccess.SignedIn, form: CaseForm, action: String, revising: String?,
        errors: [String: String] = [:], preview: [String: Any]? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let market = MarketCode(form.values["market"] ?? "")
        let choices = console.priceList(market, today: services.today(market)).map(MarketChoices.init)
        let documentLabels = console.documents.catalog.labels(for: signedIn.language)
        let formView = QuoteFormView(
            form: form, choices: choices, markets: console.catalog.markets.map(\.rawValue), errors: errors,
            language: signedIn.language, label: { console.pages.label($0, signedIn.language) },
            documentLabel: { documentLabels?.entries[$0] })
        var view = access.baseView(signedIn).merging(formView.view) { _, new in new }
        view["action"] = action
        view.set("revising", revising)
        view.set("preview", preview)
        view["hasErrors"] = !errors.isEmpty
        view["errorList"] = errors.sorted { $0.key < $1.key }.map {
            [
                "field": Self.fieldLabel($0.key, signedIn.language, console.pages),
                "id": $0.key == "findings"
                    ? "f-findings" : "f-" + $0.key.replacingOccurrences(of: ".", with: "-"),
                "message": $0.value,
            ]
        }
        return ConsoleResponse.page(
            console.pages.render("form", language: signedIn.language, view: view), status: status)
    }
}
