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
package final class QuoteDocument {
    /// BCP 47 code for `<html lang>`: "nl", "zh-Hant".
    package var lang: String
    /// The language's UI strings: `{{ui.issueDate}}`.
    var ui: UILabels
    /// The quote number, or the label for a draft.
    package var number: String
    package var isDraft: Bool
    /// The service center that issues the quote, shown in the header; nil when the market names none.
    package var serviceCenter: ServiceCenterView?
    /// Quote facts: number, issue date, valid until, expected completion, price list.
    package var facts: [Fact]
    /// Customer and device: name, e-mail, device, IMEI (masked) or serial, fault.
    package var parties: [Fact]
    /// The sample-prices notice, present when the price list is illustrative.
    package var sampleNotice: String?
    /// The coverage status in words, its code (a CSS class) and the plain-words outcome.
    package var status: String
    package var statusCode: String
    package var summary: String
    package var rules: [RuleView]
    package var advice: [String]
    package var windows: [Fact]
    package var notes: [String]
    package var charges: ChargesView
    package var ifRejected: ChargesView?
    /// What was decided, when and how, once the quote is decided (`DocumentDecision`).
    package var decided: MessageView?
    /// The customer's Accept/Reject link, shown above an e-mailed document.
    package var customerLink: String?
    /// The reminder e-mail's sentence ("This quote is valid until …"), shown above the link.
    package var reminder: String?

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
package final class Fact {
    package var label: String
    package var value: String

    init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// A cited rule: its ID and its sentence in the document's language.
package final class RuleView {
    package var id: String
    package var sentence: String

    init(id: String, sentence: String) {
        self.id = id
        self.sentence = sentence
    }
}

/// Lines grouped by payer with their totals: the charges if accepted, or if rejected.
package final class ChargesView {
    package var groups: [PayerGroupView]
    /// Column headings (the same cells as a line).
    package var header: LineView
    /// One row per payer with lines, then the all-lines total.
    package var totals: [TotalRow]
    /// What the consumer pays ("You pay" / amount) or gets back ("Refund to you" / amount).
    package var due: Fact
    /// The sum of refund lines as a positive amount, when there are any.
    package var refund: String?
    /// False when no line of the document (either outcome) carries VAT: templates may then leave
    /// out the VAT-rate and VAT columns (plain text gives them no width).
    package var showVat: Bool
    package var hasLines: Bool { !groups.isEmpty }

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

package final class PayerGroupView {
    /// "Customer", "Manufacturer", "Retailer".
    package var payer: String
    /// `consumer`, `manufacturer`, `retailer` (a CSS class).
    package var payerCode: String
    /// "What you pay", "Covered by the manufacturer".
    package var heading: String
    package var lines: [LineView]
    package var subtotal: TotalRow

    init(payer: String, payerCode: String, heading: String, lines: [LineView], subtotal: TotalRow) {
        self.payer = payer
        self.payerCode = payerCode
        self.heading = heading
        self.lines = lines
        self.subtotal = subtotal
    }
}

package final class LineView {
    /// The line kind in words ("Labour", "Refund").
    package var kind: String
    package var kindCode: String
    package var description: String
    /// Plain text only: the description's continuation lines, padded to the table's width.
    package var more: [String]
    package var quantity: String
    package var unitPrice: String
    package var net: String
    package var vatRate: String
    package var vat: String
    package var gross: String
    /// The rule that decided the line ("PK-3"), when there is one.
    package var rule: String?
    package var isNegative: Bool
    /// The description's own language when it is not the document's (`en`: a labour code or part
    /// the price list names only in English), for `<span lang>`; nil when it is the document's.
    package var descriptionLang: String?

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

package final class TotalRow {
    package var label: String
    package var net: String
    /// Empty; in plain text padded to the VAT-rate column so amounts line up with the lines.
    package var vatRate: String
    package var vat: String
    package var gross: String

    init(label: String, net: String, vatRate: String, vat: String, gross: String) {
        self.label = label
        self.net = net
        self.vatRate = vatRate
        self.vat = vat
        self.gross = gross
    }
}
