import ArgumentParser
import QuoteCore
import QuoteFinance

/// `--by request|issue|decision`, `--from DATE`, `--to DATE`: which date books a quote in a month,
/// and the inclusive range of it kept. From the store the default is the decision; from a file,
/// which knows no decision, the request (`--by decision` on a file is refused).
struct BookingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The date that books a quote: request, issue or decision (default: decision with --db, else request).",
            valueName: "DATE-KIND"))
    var by: BookingBasis?

    @Option(
        help: ArgumentHelp("Only quotes whose --by date is on or after DATE (YYYY-MM-DD).", valueName: "DATE")
    )
    var from: String?

    @Option(
        help: ArgumentHelp(
            "Only quotes whose --by date is on or before DATE (YYYY-MM-DD).", valueName: "DATE"))
    var to: String?

    /// Refuses a date that is not one, a range that ends before it starts, and `--by decision`
    /// without the store.
    func validate(fromStore: Bool) throws {
        for (name, text) in [("--from", from), ("--to", to)] {
            if let text, CivilDate(text) == nil {
                throw ValidationError("\(name): \"\(text)\" is not a date YYYY-MM-DD")
            }
        }
        if let from = from.flatMap(CivilDate.init), let to = to.flatMap(CivilDate.init), to < from {
            throw ValidationError("--to: \(to) is before --from \(from)")
        }
        if by == .decision, !fromStore {
            throw ValidationError(
                "--by decision: a file holds no decisions; use --db, or --by request or issue")
        }
    }

    /// Whether any of the three options was given.
    var isGiven: Bool { by != nil || from != nil || to != nil }

    /// The filter asked for.
    func filter(fromStore: Bool) -> BookingFilter {
        BookingFilter(
            basis: by ?? (fromStore ? .decision : .request), from: from.flatMap(CivilDate.init),
            to: to.flatMap(CivilDate.init))
    }
}

extension BookingBasis: ExpressibleByArgument {}
