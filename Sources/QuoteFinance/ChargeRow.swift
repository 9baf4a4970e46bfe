import QuoteCore
import QuoteJSON

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
    /// The lifecycle state (``QuoteCore/QuoteState``) when the line comes from the service's store,
    /// else empty; the issuer's reference, the issuer and the device model.
    public var state = ""
    public var reference = ""
    public var issuer = ""
    public var model = ""
    /// The quote's issue date; from the store's record, the decision (`accepted`, `rejected`), when
    /// it was taken in the market's time zone with its offset, and how it came (`link`, `phone`, …).
    public var issueDate: CivilDate? = nil
    public var decision = ""
    public var decidedAt = ""
    public var channel = ""

    public static let header = [
        "quote", "market", "requestDate", "status", "caseKind", "line", "lineKind", "description", "payer",
        "currency", "net", "vat", "gross", "state", "reference", "issuer", "model", "issueDate", "decidedAt",
        "decision", "channel",
    ]

    public var fields: [String] { fields(.standard) }

    /// The CSV fields, amounts with the format's decimal separator.
    public func fields(_ format: CSVFormat) -> [String] { cells.map { $0.csvField(format) } }

    /// The columns of `header`, typed: the CSV's fields and the workbook's cells.
    public var cells: [SpreadsheetCell] {
        [
            .text(quoteNumber), .text(market), .date(requestDate), .text(status), .text(caseKind),
            .integer(line), .text(lineKind), .text(description), .text(payer), .text(currency.code),
            .money(net, currency), .money(vat, currency), .money(gross, currency), .text(state),
            .text(reference), .text(issuer), .text(model), issueDate.map(SpreadsheetCell.date) ?? .empty,
            .text(decidedAt), .text(decision), .text(channel),
        ]
    }

    /// The rows of a `{"case": …, "quote": …}` line, and its state when the line carries the
    /// store's `"record": {"state", "issuer", …}` (as `export --db` writes it).
    ///
    /// From the store, the rows are the decided charges (``QuoteCore/DecidedCharges``): the
    /// quote's lines when accepted, its `ifRejected` lines when rejected, and none for quotes in
    /// other states unless `allStates` (then their quote lines). Without a record every line of
    /// `quote.lines` is a row, as stored. The request date is the case's, else the quote's issue date.
    /// The record's `decision.decidedAt` and `decision.channel` fill those columns.
    public static func rows(_ json: JSONValue, allStates: Bool = false) throws(ValidationError) -> QuoteRows {
        let root = try FieldReader(json)
        try root.rejectUnknownKeys(["case", "quote", "record"])
        let c = try root.requiredObject("case")
        let q = try root.requiredObject("quote")
        let record = try root.object("record")
        let code = try q.requiredString("currency")
        guard let currency = Currency.known[code] else {
            throw ValidationError(field: q.field("currency"), "unknown currency \"\(code)\"")
        }
        var date = try c.date("requestDate")
        if date == nil { date = try q.requiredDate("issueDate") }
        let status = try q.requiredObject("coverage").requiredString("status")
        let state = try record?.requiredString("state") ?? ""
        var lines = try q.array("lines").map(\.value)
        if record != nil {
            switch state {
            case "accepted": lines = DecidedCharges.lines(from: q.object, decision: .accepted)
            case "rejected": lines = DecidedCharges.lines(from: q.object, decision: .rejected)
            default: if !allStates { lines = [] }
            }
        }
        let quoteNumber = try q.string("number") ?? ""
        let market = try q.requiredString("market")
        let caseKind = try c.requiredString("kind")
        let reference = try c.string("reference") ?? ""
        let model = try c.object("device")?.string("model") ?? ""
        let issuer = try record?.string("issuer") ?? ""
        let issueDate = try q.date("issueDate")
        let decided = try record?.object("decision")
        let decidedAt = try decided?.string("decidedAt") ?? ""
        let decision = try decided?.string("decision") ?? ""
        let channel = try decided?.string("channel") ?? ""
        var rows: [ChargeRow] = []
        for (index, value) in lines.enumerated() {
            let l = try FieldReader(value, path: "quote.lines[\(index)]")
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
                    quoteNumber: quoteNumber, market: market, requestDate: date!, status: status,
                    caseKind: caseKind, line: index + 1,
                    lineKind: try l.requiredString("kind"), description: try l.string("description") ?? "",
                    payer: try l.requiredString("payer"), currency: currency, net: try amount("net"),
                    vat: try amount("vat"), gross: try amount("gross"), state: state, reference: reference,
                    issuer: issuer, model: model, issueDate: issueDate, decision: decision,
                    decidedAt: decidedAt,
                    channel: channel))
        }
        return QuoteRows(
            rows: rows, market: market, requestDate: date!, currency: currency, state: state,
            issueDate: issueDate, decisionDate: CivilDate(String(decidedAt.prefix(10))))
    }
}

/// The exported rows of one stored quote, with what its summary needs when it has none.
public struct QuoteRows: Sendable {
    public var rows: [ChargeRow]
    public var market: String
    public var requestDate: CivilDate
    public var currency: Currency
    /// The lifecycle state, or empty for a line without the store's record.
    public var state: String
    /// The quote's issue date, and the day of the decision in the market's time zone (nil when
    /// undecided or from a file).
    public var issueDate: CivilDate? = nil
    public var decisionDate: CivilDate? = nil
}
