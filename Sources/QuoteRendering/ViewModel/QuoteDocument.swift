/// The view model every template renders: pre-formatted strings only (money, dates, percentages
/// and vocabulary are already in the document's language). Field names are the Mustache names;
/// `docs/rendering.md` lists them.
///
/// In plain text, cells are already padded to their column width and long sentences wrapped to
/// 80 columns (see `TextLayout`); in HTML every value is the bare string (Mustache escapes it).
///
/// The view-model types are final classes: a section pushes a reference (one retain) rather than
/// copying a struct of a dozen strings, and nothing is boxed. A document is built per render and
/// only `TextLayout` changes it, before any template sees it.
final class QuoteDocument {
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
    /// What was decided, when and how, once the quote is decided (`DocumentDecision`).
    var decided: MessageView?
    /// The customer's Accept/Reject link, shown above an e-mailed document.
    var customerLink: String?

    init(
        lang: String, ui: UILabels, number: String, isDraft: Bool, facts: [Fact], parties: [Fact],
        sampleNotice: String?, status: String, statusCode: String, summary: String, rules: [RuleView],
        advice: [String], windows: [Fact], notes: [String], charges: ChargesView, ifRejected: ChargesView?
    ) {
        self.lang = lang
        self.ui = ui
        self.number = number
        self.isDraft = isDraft
        self.facts = facts
        self.parties = parties
        self.sampleNotice = sampleNotice
        self.status = status
        self.statusCode = statusCode
        self.summary = summary
        self.rules = rules
        self.advice = advice
        self.windows = windows
        self.notes = notes
        self.charges = charges
        self.ifRejected = ifRejected
    }
}

/// A labelled value: "Issue date" / "2 March 2026".
final class Fact {
    var label: String
    var value: String

    init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// A cited rule: its ID and its sentence in the document's language.
final class RuleView {
    var id: String
    var sentence: String

    init(id: String, sentence: String) {
        self.id = id
        self.sentence = sentence
    }
}

/// Lines grouped by payer with their totals: the charges if accepted, or if rejected.
final class ChargesView {
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

    init(
        groups: [PayerGroupView], header: LineView, totals: [TotalRow], due: Fact, refund: String?,
        showVat: Bool
    ) {
        self.groups = groups
        self.header = header
        self.totals = totals
        self.due = due
        self.refund = refund
        self.showVat = showVat
    }
}

final class PayerGroupView {
    /// "Customer", "Manufacturer", "Retailer".
    var payer: String
    /// `consumer`, `manufacturer`, `retailer` (a CSS class).
    var payerCode: String
    /// "What you pay", "Covered by the manufacturer".
    var heading: String
    var lines: [LineView]
    var subtotal: TotalRow

    init(payer: String, payerCode: String, heading: String, lines: [LineView], subtotal: TotalRow) {
        self.payer = payer
        self.payerCode = payerCode
        self.heading = heading
        self.lines = lines
        self.subtotal = subtotal
    }
}

final class LineView {
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

    init(
        kind: String, kindCode: String, description: String, more: [String], quantity: String,
        unitPrice: String, net: String, vatRate: String, vat: String, gross: String, rule: String?,
        isNegative: Bool
    ) {
        self.kind = kind
        self.kindCode = kindCode
        self.description = description
        self.more = more
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.net = net
        self.vatRate = vatRate
        self.vat = vat
        self.gross = gross
        self.rule = rule
        self.isNegative = isNegative
    }
}

final class TotalRow {
    var label: String
    var net: String
    /// Empty; in plain text padded to the VAT-rate column so amounts line up with the lines.
    var vatRate: String
    var vat: String
    var gross: String

    init(label: String, net: String, vatRate: String, vat: String, gross: String) {
        self.label = label
        self.net = net
        self.vatRate = vatRate
        self.vat = vat
        self.gross = gross
    }
}
