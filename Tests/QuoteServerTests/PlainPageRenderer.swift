import Foundation
import QuoteCore
import QuoteRendering
import QuoteServer

/// The tests' renderer for a bare router over the stub engine: no documents (document requests
/// answer 406), and plain, escaped English customer pages with the answer form, whose consent
/// sentence is `plain-en-1` (``TestServer/accept(name:version:language:)`` sends it back).
struct PlainPageRenderer: QuoteDocumentRendering {
    struct Unavailable: Error {}

    static let consent = ConsentSentence(
        language: "en", version: "plain-en-1",
        text:
            "I accept quote {number} and agree to pay {amount}. Typing my full name and sending this form is my electronic signature."
    )

    var makesDocuments: Bool { false }

    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    {
        throw Unavailable()
    }

    func consents(market: MarketCode, priceListVersion: String) -> [String: ConsentSentence] {
        [Self.consent.language: Self.consent]
    }

    func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, languages: [String],
        pdfLink: String?, answer: AnswerFormState
    ) throws -> String {
        switch kind {
        case .quote(let decision):
            guard let quote else { return Self.message("This link is not known.") }
            return Self.quote(quote, decision: decision, answer: answer.answer)
        case .confirmation(let decision):
            return Self.message("Thank you: the quote is \(decision.decision.rawValue).")
        case .expired(let on): return Self.message("This quote expired on \(on).")
        case .superseded(let newer):
            return Self.message("This quote was replaced by a newer quote (\(newer ?? "")).")
        case .void: return Self.message("This quote was withdrawn.")
        case .unknownLink: return Self.message("This link is not known.")
        case .badAnswer: return Self.message("choose accept or reject")
        case .alreadyAnswered(let decision):
            return Self.message("the quote was already \(decision.decision.rawValue)")
        case .refused(let refusal): return Self.message("The answer was refused: \(refusal.rawValue).")
        }
    }

    static func message(_ text: String) -> String {
        page(title: "Repair quote", body: "<p>\(escape(text))</p>")
    }

    static func quote(_ quote: Quote, decision: DocumentDecision?, answer: CustomerAnswer?) -> String {
        let number = quote.number ?? ""
        var body = "<h1>Repair quote \(escape(number))</h1>\n"
        body +=
            "<p>Valid until \(quote.validUntil). Coverage: \(escape(quote.coverage.status.rawValue)).</p>\n"
        body += table(quote.lines, caption: "If you accept")
        body += "<p>You pay: <strong>\(quote.totals.consumer.gross.text)</strong></p>\n"
        if let alternative = quote.ifRejected {
            body += table(alternative.lines, caption: "If you reject (returned unrepaired)")
            body += "<p>You pay: <strong>\(alternative.totals.consumer.gross.text)</strong></p>\n"
        }
        if let decision {
            body += "<p>Your answer: <strong>\(escape(decision.decision.rawValue))</strong>.</p>\n"
        } else {
            body += form(number: number, pay: quote.totals.consumer.gross.text, answer: answer)
        }
        return page(title: "Repair quote \(number)", body: body)
    }

    /// The answer form: the typed name and the consent box to accept, an optional reason to reject.
    static func form(number: String, pay: String, answer: CustomerAnswer?) -> String {
        let problems = Set(answer?.problems ?? [])
        func error(_ problem: CustomerAnswer.Problem, _ text: String) -> String {
            problems.contains(problem) ? "<p class=\"field-error\">\(escape(text))</p>\n" : ""
        }
        return """
            <form method="post">
            <input type="hidden" name="consentVersion" value="\(consent.version)">
            <input type="hidden" name="consentLanguage" value="\(consent.language)">
            <label for="name">Your full name</label>
            <input id="name" name="name" maxlength="200" value="\(escape(answer?.typedName ?? ""))">
            \(error(.nameMissing, "Type your full name to accept."))\(error(.nameInvalid, "Type your name on one line, in at most 200 characters."))\
            <input id="consent" name="consent" type="checkbox" value="yes"><label for="consent">\(escape(consent.filled(number: number, amount: pay)))</label>
            \(error(.consentMissing, "Tick the box to confirm that you accept."))\
            <button type="submit" name="decision" value="accepted">Accept</button>
            <label for="reason">Reason for rejecting (optional)</label>
            <input id="reason" name="reason" maxlength="500" value="\(escape(answer?.reason ?? ""))">
            \(error(.reasonInvalid, "Give the reason on one line, in at most 500 characters."))\
            <button type="submit" name="decision" value="rejected">Reject</button>
            </form>

            """
    }

    static func table(_ lines: [ChargeLine], caption: String) -> String {
        var html = "<table>\n<caption>\(escape(caption))</caption>\n"
        for line in lines {
            html +=
                "<tr><td>\(escape(line.description))</td><td>\(line.payer.rawValue)</td><td>\(line.gross.text)</td></tr>\n"
        }
        return html + "</table>\n"
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title></head>
        <body>
        \(body)</body></html>

        """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// A test renderer whose customer pages and consent sentence are ``PlainPageRenderer``'s.
protocol PlainCustomerPages: QuoteDocumentRendering {}

extension PlainCustomerPages {
    func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, languages: [String],
        pdfLink: String?, answer: AnswerFormState
    ) throws -> String {
        try PlainPageRenderer().customerPage(
            kind, quote: quote, case: serviceCase, languages: languages, pdfLink: pdfLink, answer: answer)
    }

    func consents(market: MarketCode, priceListVersion: String) -> [String: ConsentSentence] {
        PlainPageRenderer().consents(market: market, priceListVersion: priceListVersion)
    }
}
