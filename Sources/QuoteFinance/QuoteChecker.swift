import QuoteCore
import QuoteJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What checking one `{"case": …, "quote": …}` line found.
public enum CheckOutcome: Hashable, Sendable {
    /// The stored quote is what the price list gives today.
    case match
    /// The stored quote differs; every difference is listed.
    case differs([JSONDifference])
    /// The line cannot be checked: the field path of the problem (`case.device.imei`,
    /// `quote.priceListVersion`, empty for the line as a whole) and why.
    case invalid(field: String, message: String)
}

/// The result of one line: its number, the stored quote's number (when readable) and the outcome.
public struct CheckResult: Hashable, Sendable {
    public var line: Int
    public var quoteNumber: String?
    public var outcome: CheckOutcome
    /// For a differing quote, the money it differs by per payer (stored − recomputed).
    public var effect: CheckEffect? = nil
}

/// Recomputes stored quotes with the price-list version each one recorded and compares them at the
/// JSON level with what `QuoteEncoder` writes today. `number` is ignored (stored quotes have one,
/// drafts do not); every other field counts.
public struct QuoteChecker: Sendable {
    public let catalog: PriceListCatalog
    /// `--by` with `--from`/`--to`: the quotes checked (all, without a range; the others are
    /// skipped and not counted).
    public var booking = BookingFilter()
    let calculator: QuoteCalculator

    public init(catalog: PriceListCatalog) {
        self.catalog = catalog
        self.calculator = QuoteCalculator(catalog: catalog)
    }

    /// Checks one line of bytes.
    public func check(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> CheckResult {
        let whole = 0..<bytes.count
        guard let members = JSONScanner.members(bytes, in: whole) else {
            return CheckResult(line: line, quoteNumber: nil, outcome: Self.diagnose(Array(bytes)))
        }
        var caseRange: Range<Int>?
        var quoteRange: Range<Int>?
        var recordRange: Range<Int>?
        for member in members {
            switch member.key {
            case "case" where caseRange == nil: caseRange = member.value
            case "quote" where quoteRange == nil: quoteRange = member.value
            case "record" where recordRange == nil: recordRange = member.value
            default:
                return CheckResult(line: line, quoteNumber: nil, outcome: Self.diagnose(Array(bytes)))
            }
        }
        guard let caseRange else { return invalid(line, nil, "case", "is required") }
        guard let quoteRange else { return invalid(line, nil, "quote", "is required") }
        guard let stored = StoredQuote(bytes, quoteRange) else {
            return invalid(line, nil, "quote", "expected an object with priceListVersion")
        }
        let number = stored.number
        let recomputed: Quote
        do {
            recomputed = try recompute(bytes, caseRange, stored)
        } catch {
            return invalid(line, number, error.field, error.message)
        }
        var outcome = compare(recomputed, stored, in: bytes)
        if let recordRange, let decided = decidedDifferences(recomputed, record: bytes[recordRange]) {
            switch (outcome, decided.isEmpty) {
            case (_, true): break
            case (.match, false): outcome = .differs(decided)
            case (.differs(let found), false): outcome = .differs(found + decided)
            case (.invalid, false): break
            }
        }
        var result = CheckResult(line: line, quoteNumber: number, outcome: outcome)
        if case .differs = outcome { result.effect = effect(of: recomputed, stored: stored, in: bytes) }
        return result
    }

    /// For a line from the service's store: the decision's stored charges against the decided
    /// charges of the recomputed quote (``QuoteCore/DecidedCharges``); nil when undecided.
    func decidedDifferences(_ recomputed: Quote, record: Slice<UnsafeBufferPointer<UInt8>>)
        -> [JSONDifference]?
    {
        guard case .object(let record)? = try? JSONParser.parse(Array(record)),
            case .object(let decision)? = record["decision"], case .string(let text)? = decision["decision"],
            let value = Decision(rawValue: text), let stored = decision["charges"],
            case .object(let quote) = QuoteEncoder.json(recomputed)
        else { return nil }
        let expected = DecidedCharges.select(from: quote, decision: value)
        return JSONDiff.differences(stored: stored, recomputed: .object(expected), ignoring: []).map {
            JSONDifference(
                path: "record.decision.charges" + ($0.path.isEmpty ? "" : "." + $0.path), stored: $0.stored,
                recomputed: $0.recomputed)
        }
    }

    private func invalid(_ line: Int, _ number: String?, _ field: String, _ message: String) -> CheckResult {
        CheckResult(line: line, quoteNumber: number, outcome: .invalid(field: field, message: message))
    }

    /// The quote of the line's case with the stored quote's price-list version.
    func recompute(_ bytes: UnsafeBufferPointer<UInt8>, _ caseRange: Range<Int>, _ stored: StoredQuote)
        throws(ValidationError) -> Quote
    {
        let parsed: (value: JSONValue, plainText: Bool)
        do {
            parsed = try JSONParser.parseReportingPlainText(Array(bytes[caseRange]))
        } catch {
            throw ValidationError(field: "case", "malformed JSON: \(error)")
        }
        let serviceCase: ServiceCase
        do {
            // A case of plain printable ASCII needs no character scan of its texts (as the service
            // decodes it).
            serviceCase = try StoredQuoteRecompute.serviceCase(
                parsed.value, issuedOn: stored.issueDate, plainText: parsed.plainText)
        } catch {
            throw ValidationError(field: Self.prefixed("case", error.field), error.message)
        }
        guard let version = stored.priceListVersion else {
            throw ValidationError(
                field: "quote.priceListVersion", "is required (a string such as \"2026.1\")")
        }
        let list: PriceList
        do {
            list = try catalog.priceList(for: serviceCase.market, version: version)
        } catch {
            let field = error.field == "market" ? "case.market" : "quote.priceListVersion"
            throw ValidationError(field: field, error.message)
        }
        do {
            // The service dates a quote the day it is issued (its request date may be earlier).
            return try StoredQuoteRecompute.quote(issuedOn: stored.issueDate, number: nil) {
                () throws(ValidationError) in try calculator.quote(serviceCase, with: list)
            }
        } catch {
            throw ValidationError(field: Self.prefixed("case", error.field), error.message)
        }
    }

    /// Byte comparison first (a quote written by `QuoteEncoder` compactly matches byte for byte after
    /// its number); a tree walk only when the bytes differ.
    func compare(_ recomputed: Quote, _ stored: StoredQuote, in line: UnsafeBufferPointer<UInt8>)
        -> CheckOutcome
    {
        // After its number, a stored quote written by QuoteEncoder matches the recomputed draft
        // byte for byte.
        if let tail = stored.afterNumber, let draft = UnnumberedQuoteJSON(recomputed).afterNumber,
            Self.sameBytes(draft, UnsafeBufferPointer(rebasing: line[tail]))
        {
            return .match
        }
        let recomputedJSON = QuoteEncoder.json(recomputed)
        let storedJSON: JSONValue
        do {
            storedJSON = try JSONParser.parse(Array(line[stored.range]))
        } catch {
            return .invalid(field: "quote", message: "malformed JSON: \(error)")
        }
        // A quote stored before notes had codes lacks `coverage.noteCodes`; its English
        // `coverage.notes`, from which the codes follow, are still compared.
        let differences = JSONDiff.differences(
            stored: storedJSON, recomputed: recomputedJSON, ignoring: ["number"]
        ).filter { !($0.path == "coverage.noteCodes" && $0.stored == nil) }
        return differences.isEmpty ? .match : .differs(differences)
    }

    /// Whether two byte runs are equal, compared with `memcmp` (`elementsEqual` went byte by byte).
    static func sameBytes(_ a: ArraySlice<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count
            && a.withUnsafeBufferPointer { a in
                a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
    }

    /// The precise reason a line is not a `{"case", "quote"}` object, from the strict parser.
    static func diagnose(_ bytes: [UInt8]) -> CheckOutcome {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            return .invalid(field: "", message: "malformed JSON: \(error)")
        }
        guard case .object(let object) = json else {
            return .invalid(
                field: "", message: "expected an object {\"case\": …, \"quote\": …}, got \(json.typeName)")
        }
        if let unknown = object.keys.first(where: { $0 != "case" && $0 != "quote" }) {
            return .invalid(field: unknown, message: "unknown field (expected case and quote)")
        }
        return .invalid(field: "", message: "unreadable line")
    }

    static func prefixed(_ root: String, _ field: String) -> String {
        field.isEmpty ? root : "\(root).\(field)"
    }
}
