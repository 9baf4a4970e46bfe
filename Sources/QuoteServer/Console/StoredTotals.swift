import QuoteCore
import QuoteJSON

/// What each payer owes by a stored quote's JSON (`totals.<payer>.gross` and `currency`), read
/// without computing the quote again: the list shows it for 20 quotes a page.
struct StoredTotals {
    private var gross: [Payer: Money] = [:]

    init(quoteJSON: String) {
        guard case .object(let root)? = try? JSONParser.parse(quoteJSON),
            case .string(let code)? = root["currency"], let currency = Currency.known[code],
            case .object(let totals)? = root["totals"]
        else { return }
        for payer in Payer.allCases {
            guard case .object(let amounts)? = totals[payer.rawValue],
                case .string(let text)? = amounts["gross"],
                let money = try? Money.parse(text, currency: currency)
            else { continue }
            gross[payer] = money
        }
    }

    /// The payer's gross total; nil when the JSON does not say.
    subscript(payer: Payer) -> Money? { gross[payer] }
}
