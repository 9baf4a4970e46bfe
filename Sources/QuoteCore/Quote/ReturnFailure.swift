/// Why a DOA or remorse return failed one of its conditions (``ReturnEvaluator``): a code with
/// typed parameters, said in the document's language by the label `returnReason.<code>`.
public enum ReturnFailure: Hashable, Sendable {
    /// Only purchases through these channels qualify (sorted by their JSON spelling).
    case channel(allowed: [Channel])
    /// This category and item do not qualify.
    case notApplicable(category: DeviceCategory, item: Item)
    /// The claim must be raised via one of `allowed` (sorted by their JSON spelling), not `via`.
    case raisedVia(allowed: [RaisedVia], via: RaisedVia)
    /// The window ended on this day.
    case windowEnded(CivilDate)
    case noProofOfPurchase
    case notOfficial
    case notFirstOwner
    /// The inspection found this.
    case finding(Finding)
    /// No priced swap unit for the model: it is repaired instead.
    case noSwapUnit
    /// No manufacturing fault was found.
    case noDefect

    public enum Code: String, Sendable, CaseIterable {
        case channel, notApplicable = "not-applicable", raisedVia = "raised-via"
        case windowEnded = "window-ended", noProofOfPurchase = "no-proof-of-purchase"
        case notOfficial = "not-official", notFirstOwner = "not-first-owner", finding
        case noSwapUnit = "no-swap-unit", noDefect = "no-defect"

        /// The English clause, with a `{name}` placeholder per parameter.
        public var english: String {
            switch self {
            case .channel: "only purchases through {channels} qualify"
            case .notApplicable: "this {category} {item} does not qualify"
            case .raisedVia: "it must be raised via {allowed}, not {via}"
            case .windowEnded: "the window ended on {ends}"
            case .noProofOfPurchase: "there is no proof of purchase"
            case .notOfficial: "the product was not sold through the official channels"
            case .notFirstOwner: "the customer is not the first owner"
            case .finding: "inspection found {finding}"
            case .noSwapUnit: "the parts list has no swap unit for this model, so it is repaired instead"
            case .noDefect: "no manufacturing fault was found"
            }
        }
    }

    public var code: Code {
        switch self {
        case .channel: .channel
        case .notApplicable: .notApplicable
        case .raisedVia: .raisedVia
        case .windowEnded: .windowEnded
        case .noProofOfPurchase: .noProofOfPurchase
        case .notOfficial: .notOfficial
        case .notFirstOwner: .notFirstOwner
        case .finding: .finding
        case .noSwapUnit: .noSwapUnit
        case .noDefect: .noDefect
        }
    }

    /// The parameters by placeholder name.
    public var parameters: [NoteParameter] {
        switch self {
        case .channel(let allowed):
            [.init("channels", .terms(allowed.map(NoteTerm.channel), .and))]
        case .notApplicable(let category, let item):
            [.init("category", .term(.category(category))), .init("item", .term(.item(item)))]
        case .raisedVia(let allowed, let via):
            [
                .init("allowed", .terms(allowed.map(NoteTerm.raisedVia), .or)),
                .init("via", .term(.raisedVia(via))),
            ]
        case .windowEnded(let ends): [.init("ends", .date(ends))]
        case .finding(let finding): [.init("finding", .term(.finding(finding)))]
        case .noProofOfPurchase, .notOfficial, .notFirstOwner, .noSwapUnit, .noDefect: []
        }
    }

    /// The English clause: "the window ended on 2026-01-15".
    public var text: String { NotePattern.fill(code.english, parameters) }
}
