import Hummingbird
import QuoteCore
import QuoteStore

/// The plain, escaped HTML of the customer link (until the rendering module provides the quote
/// document): the charges and, while undecided, a form with Accept and Reject.
enum CustomerPage {
    static func response(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = JSONBody.text(html, contentType: "text/html; charset=utf-8", status: status)
        response.headers.append(contentsOf: PageHeaders.fields)
        return response
    }

    static func message(_ text: String) -> String {
        page(title: "Repair quote", body: "<p>\(escape(text))</p>")
    }

    /// The Accept/Reject form placed on top of the rendered quote, or the answer once given.
    static func decisionForm(_ record: QuoteRecord, _ labels: DecisionLabels) -> String {
        let style =
            "margin:16px auto;max-width:794px;padding:12px 16px;border:2px solid #ff6900;border-radius:6px;font-family:sans-serif"
        if let decision = record.decision {
            let answer = decision.decision == .accepted ? labels.accept : labels.reject
            return
                "<div class=\"decision\" style=\"\(style)\"><p>\(escape(labels.yourAnswer)): <strong>\(escape(answer))</strong></p></div>"
        }
        return "<form class=\"decision\" method=\"post\" style=\"\(style)\">\n"
            + "<button type=\"submit\" name=\"decision\" value=\"accepted\">\(escape(labels.accept))</button>\n"
            + "<button type=\"submit\" name=\"decision\" value=\"rejected\">\(escape(labels.reject))</button>\n</form>"
    }

    static func quote(_ record: QuoteRecord, quote: JSONValue) -> String {
        var body = "<h1>Repair quote \(escape(record.number))</h1>\n"
        body +=
            "<p>Valid until \(escape(record.validUntil)). Coverage: \(escape(record.coverageStatus)).</p>\n"
        body += table(quote["lines"], caption: "If you accept")
        body += "<p>You pay: <strong>\(escape(consumerGross(quote["totals"])))</strong></p>\n"
        if let alternative = quote["ifRejected"] {
            body += table(alternative["lines"], caption: "If you reject (returned unrepaired)")
            body += "<p>You pay: <strong>\(escape(consumerGross(alternative["totals"])))</strong></p>\n"
        }
        if let decision = record.decision {
            body += "<p>Your answer: <strong>\(escape(decision.decision.rawValue))</strong>.</p>\n"
        } else {
            body += """
                <form method="post">
                <button type="submit" name="decision" value="accepted">Accept</button>
                <button type="submit" name="decision" value="rejected">Reject</button>
                </form>

                """
        }
        return page(title: "Repair quote \(record.number)", body: body)
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
