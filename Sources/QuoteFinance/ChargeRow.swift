import QuoteCore

/// One charge line of a stored quote, flattened for export. Amounts are exact minor units.
public struct ChargeRow: Hashable, Sendable {
    public var quoteNumber: String
    public var market: String
    public var requestDate: CivilDate
    public var status: String
    public var caseKind: String
    /// 1-based position of the line in the quote.
    public var line: Int
    public var lineKind: String
    public var description: String
    public var payer: String
    public var currency: Currency
    public var net: Int64
    public var vat: Int64
    public var gross: Int64

    public static let header = [
        "quote", "market", "requestDate", "status", "caseKind", "line", "lineKind", "description", "payer",
        "currency", "net", "vat", "gross",
    ]

    public var fields: [String] { fields(.standard) }

    /// The CSV fields, amounts with the format's decimal separator.
    public func fields(_ format: CSVFormat) -> [String] {
        let scale = currency.minorUnits
        return [
            quoteNumber, market, requestDate.description, status, caseKind, String(line), lineKind,
            description,
            payer, currency.code, format.amount(net, scale: scale), format.amount(vat, scale: scale),
            format.amount(gross, scale: scale),
        ]
    }

    /// The rows of a `{"case": …, "quote": …}` line: one per entry of `quote.lines` (the charges as
    /// decided; `ifRejected` is not exported). The request date is the case's, else the quote's
    /// issue date.
    public static func rows(_ json: JSONValue) throws(ValidationError) -> [ChargeRow] {
        let root = try FieldReader(json)
        try root.rejectUnknownKeys(["case", "quote"])
        let c = try root.requiredObject("case")
        let q = try root.requiredObject("quote")
        let code = try q.requiredString("currency")
        guard let currency = Currency.known[code] else {
            throw ValidationError(field: q.field("currency"), "unknown currency \"\(code)\"")
        }
        var date = try c.date("requestDate")
        if date == nil { date = try q.requiredDate("issueDate") }
        let status = try q.requiredObject("coverage").requiredString("status")
        var rows: [ChargeRow] = []
        for (index, (value, path)) in try q.array("lines").enumerated() {
            let l = try FieldReader(value, path: path)
            func amount(_ key: String) throws(ValidationError) -> Int64 {
                let text = try l.requiredString(key)
                do {
                    return try Decimals.parse(text, scale: currency.minorUnits)
                } catch {
                    throw ValidationError(field: l.field(key), "\(error)")
                }
            }
            rows.append(
                ChargeRow(
                    quoteNumber: try q.string("number") ?? "", market: try q.requiredString("market"),
                    requestDate: date!, status: status, caseKind: try c.requiredString("kind"),
                    line: index + 1,
                    lineKind: try l.requiredString("kind"), description: try l.string("description") ?? "",
                    payer: try l.requiredString("payer"), currency: currency, net: try amount("net"),
                    vat: try amount("vat"), gross: try amount("gross")))
        }
        return rows
    }
}
