import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteRendering
import QuoteStore

/// The plain, escaped English pages of the customer link, for a server without a renderer (with
/// one, `ServerServices.customerPage` renders them from the templates in the customer's language).
enum CustomerPage {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = JSONBody.text(html, contentType: "text/html; charset=utf-8", status: status)
        response.headers.append(contentsOf: PageHeaders.customerFields)
        return response
    }

    /// The plain page's consent sentence (a service with price lists shows the market's).
    static let plainConsent = ConsentSentence(
        language: "en", version: "plain-en-1",
        text: "I accept quote {number} and agree to pay {amount}. Typing my full name and sending this form is my electronic signature.")

    /// The fallback of a page kind: the quote with its form (after a refused `answer`, with what
    /// was typed and each field's error), or one sentence.
    static func fallback(_ record: QuoteRecord?, _ kind: CustomerPageKind, answer: CustomerAnswer? = nil) -> String {
        switch kind {
        case .quote:
            guard let record, let quote = try? JSONBody.parse(record.quoteJSON) else {
                return message("This link is not known.")
            }
            return self.quote(record, quote: quote, answer: answer)
        case .confirmation(let decision):
            return message("Thank you: the quote is \(decision.decision.rawValue).")
        case .expired(let on): return message("This quote expired on \(on).")
        case .superseded(let newer):
            return message("This quote was replaced by a newer quote (\(newer ?? "")).")
        case .void: return message("This quote was withdrawn.")
        case .unknownLink: return message("This link is not known.")
        case .badAnswer: return message("choose accept or reject")
        case .alreadyAnswered(let decision):
            return message("the quote was already \(decision.decision.rawValue)")
        case .refused(.crossSite): return message("This answer was sent from another site.")
        case .refused(.tooLarge): return message("The form is larger than an answer can be.")
        case .refused(.notAForm): return message("Send the form as application/x-www-form-urlencoded.")
        case .refused(.notRecorded): return message("The answer could not be recorded.")
        case .refused(.tooLate): return message("The answer did not arrive in time.")
        case .refused(.malformed): return message("The answer arrived damaged.")
        }
    }

    static func message(_ text: String) -> String {
        page(title: "Repair quote", body: "<p>\(escape(text))</p>")
    }

    static func quote(_ record: QuoteRecord, quote: JSONValue, answer: CustomerAnswer? = nil) -> String {
        var body = "<h1>Repair quote \(escape(record.number))</h1>\n"
        body +=
            "<p>Valid until \(escape(record.validUntil.description)). "
            + "Coverage: \(escape(record.coverageStatus.rawValue)).</p>\n"
        body += table(quote["lines"], caption: "If you accept")
        body += "<p>You pay: <strong>\(escape(consumerGross(quote["totals"])))</strong></p>\n"
        if let alternative = quote["ifRejected"] {
            body += table(alternative["lines"], caption: "If you reject (returned unrepaired)")
            body += "<p>You pay: <strong>\(escape(consumerGross(alternative["totals"])))</strong></p>\n"
        }
        if let decision = record.decision {
            body += "<p>Your answer: <strong>\(escape(decision.decision.rawValue))</strong>.</p>\n"
        } else {
            body += form(record, pay: consumerGross(quote["totals"]), answer: answer)
        }
        return page(title: "Repair quote \(record.number)", body: body)
    }

    /// The answer form: the typed name and the consent box to accept, an optional reason to reject.
    static func form(_ record: QuoteRecord, pay: String, answer: CustomerAnswer?) -> String {
        let problems = Set(answer?.problems ?? [])
        func error(_ problem: CustomerAnswer.Problem, _ text: String) -> String {
            problems.contains(problem) ? "<p class=\"field-error\">\(escape(text))</p>\n" : ""
        }
        let consent = plainConsent.filled(number: record.number, amount: pay)
        return """
            <form method="post">
            <input type="hidden" name="consentVersion" value="\(plainConsent.version)">
            <input type="hidden" name="consentLanguage" value="\(plainConsent.language)">
            <label for="name">Your full name</label>
            <input id="name" name="name" maxlength="200" value="\(escape(answer?.typedName ?? ""))">
            \(error(.nameMissing, "Type your full name to accept."))\(error(.nameInvalid, "Type your name on one line, in at most 200 characters."))\
            <input id="consent" name="consent" type="checkbox" value="yes"><label for="consent">\(escape(consent))</label>
            \(error(.consentMissing, "Tick the box to confirm that you accept."))\
            <button type="submit" name="decision" value="accepted">Accept</button>
            <label for="reason">Reason for rejecting (optional)</label>
            <input id="reason" name="reason" maxlength="500" value="\(escape(answer?.reason ?? ""))">
            \(error(.reasonInvalid, "Give the reason on one line, in at most 500 characters."))\
            <button type="submit" name="decision" value="rejected">Reject</button>
            </form>

            """
    }

    static func table(_ lines: JSONValue?, caption: String) -> String {
        guard case .array(let items)? = lines else { return "" }
        var html = "<table>\n<caption>\(escape(caption))</caption>\n"
        for line in items {
            let description = line["description"]?.text ?? ""
            let gross = line["gross"]?.text ?? ""
            let payer = line["payer"]?.text ?? ""
            html +=
                "<tr><td>\(escape(description))</td><td>\(escape(payer))</td><td>\(escape(gross))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func consumerGross(_ totals: JSONValue?) -> String { totals?["consumer"]?["gross"]?.text ?? "" }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body>
        \(body)</body></html>

        """
    }

    static func escape(_ text: String) -> String { HTMLInsertion.escape(text) }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The string's text, or nil.
    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
