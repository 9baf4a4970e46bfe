/// Puts a fragment right after the `<body …>` tag of a rendered document (the customer link in an
/// e-mail, the decision form on the customer page). A document without a body tag is returned as is.
enum HTMLInsertion {
    static func afterBody(_ html: String, _ fragment: String) -> String {
        guard let body = html.range(of: "<body"), let close = html[body.upperBound...].firstIndex(of: ">")
        else { return html }
        return String(html[...close]) + "\n" + fragment + String(html[html.index(after: close)...])
    }

    /// Text for an HTML attribute or element.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
