/// The view model every template renders: pre-formatted strings only (money, dates, percentages
/// and vocabulary are already in the document's language). Field names are the Mustache names;
/// `docs/rendering.md` lists them.
///
/// In plain text, cells are already padded to their column width and long sentences wrapped to
/// 80 columns (see `TextLayout`); in HTML every value is the bare string (Mustache escapes it).
struct QuoteDocument {
    /// BCP 47 code for `<html lang>`: "nl", "zh-Hant".
    var lang: String
    /// The language's UI strings: `{{ui.issueDate}}`.
    var ui: UILabels
    /// The quote number, or the label for a draft.
    var number: String
    var isDraft: Bool
    /// Quote facts: number, issue date, valid until, expected completion, price list.
    var facts: [Fact]
    /// Customer and device: name, e-mail, device, IMEI (masked) or serial, fault.
    var parties: [Fact]
    /// The sample-prices notice, present when the price list is illustrative.
    var sampleNotice: String?
    /// The coverage status in words, its code (a CSS class) and the plain-words outcome.
    var status: String
    var statusCode: String
    var summary: String
    var rules: [RuleView]
    var advice: [String]
    var windows: [Fact]
    var notes: [String]
    var charges: ChargesView
    var ifRejected: ChargesView?
}

/// A labelled value: "Issue date" / "2 March 2026".
struct Fact {
    var label: String
    var value: String
}

/// A cited rule: its ID and its sentence in the document's language.
struct RuleView {
    var id: String
    var sentence: String
}

/// Lines grouped by payer with their totals: the charges if accepted, or if rejected.
struct ChargesView {
    var groups: [PayerGroupView]
    /// Column headings (the same cells as a line).
    var header: LineView
    /// One row per payer with lines, then the all-lines total.
    var totals: [TotalRow]
    /// What the consumer pays ("You pay" / amount) or gets back ("Refund to you" / amount).
    var due: Fact
    /// The sum of refund lines as a positive amount, when there are any.
    var refund: String?
    /// False when no line of the document (either outcome) carries VAT: templates may then leave
    /// out the VAT-rate and VAT columns (plain text gives them no width).
    var showVat: Bool
    var hasLines: Bool { !groups.isEmpty }
}

struct PayerGroupView {
    /// "Customer", "Manufacturer", "Retailer".
    var payer: String
    /// `consumer`, `manufacturer`, `retailer` (a CSS class).
    var payerCode: String
    /// "What you pay", "Covered by the manufacturer".
    var heading: String
    var lines: [LineView]
    var subtotal: TotalRow
}

struct LineView {
    /// The line kind in words ("Labour", "Refund").
    var kind: String
    var kindCode: String
    var description: String
    /// Plain text only: the description's continuation lines, padded to the table's width.
    var more: [String]
    var quantity: String
    var unitPrice: String
    var net: String
    var vatRate: String
    var vat: String
    var gross: String
    /// The rule that decided the line ("PK-3"), when there is one.
    var rule: String?
    var isNegative: Bool
}

struct TotalRow {
    var label: String
    var net: String
    /// Empty; in plain text padded to the VAT-rate column so amounts line up with the lines.
    var vatRate: String
    var vat: String
    var gross: String
}
