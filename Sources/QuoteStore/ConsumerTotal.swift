import QuoteCore
import QuoteJSON

/// What the consumer pays for a quote, as the `quotes.consumer_total` column keeps it: the
/// gross total's ``QuoteCore/Money/description`` ("EUR 47.19"), so a list shows it without
/// recomputing the quote. Written at issue; quotes stored before the column are back-filled from
/// their stored JSON (`totals.consumer.gross` and `currency`), the same text.
enum ConsumerTotal {
    /// The migration that adds the column to both stores and back-fills it.
    static let migrationName = "v5-consumer-total"

    /// The column's text of a computed quote.
    static func text(_ quote: Quote) -> String { quote.totals.consumer.gross.description }

    /// The column's text read from a stored quote's JSON; nil when it has no such total.
    static func text(quoteJSON: String) -> String? {
        guard case .object(let root)? = try? JSONParser.parse(quoteJSON),
            case .string(let code)? = root["currency"], case .object(let totals)? = root["totals"],
            case .object(let consumer)? = totals["consumer"], case .string(let gross)? = consumer["gross"]
        else { return nil }
        return code + " " + gross
    }

    /// The amount of a column's text, in a currency with as many minor digits as the text has;
    /// nil when it is not `CODE AMOUNT`.
    static func money(_ text: String) -> Money? {
        let parts = text.split(separator: " ")
        guard parts.count == 2, Currency.isValidCode(String(parts[0])) else { return nil }
        let amount = String(parts[1])
        let minorDigits =
            amount.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return try? Money.parse(amount, currency: Currency(code: String(parts[0]), minorUnits: minorDigits))
    }
}
