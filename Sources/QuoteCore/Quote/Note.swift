/// A remark of the engine that is not a rule (assumptions, defaults used, returns quoted as
/// repairs, benefits already used): a ``Code`` with typed parameters, so that every document says
/// it in its own language (the label `note.<code>` of `Templates/labels/<lang>.json`, dates and
/// names formatted there), while the quote JSON keeps the English sentence (``text``) beside the
/// code.
///
/// `.endOfService(model: "Mi 11", after: 2025-08-29)` is, in the JSON, "Service for Mi 11 ended
/// after 2025-08-29: inspection, adjustment and cleaning only.", and on a Traditional Chinese
/// document "Mi 11的服務已於2025年8月29日後終止：只提供檢測、調校及清潔。".
public enum Note: Hashable, Sendable {
    /// G-5: the model is not in the market's policy; its category's defaults apply.
    case unlistedModel(model: String, market: MarketCode, category: DeviceCategory)
    /// G-8 / HK-12: service for the model ended after this date.
    case endOfService(model: String, after: CivilDate)
    /// The market has no return of this kind; the case is quoted as a repair.
    case noReturnPolicy(market: MarketCode, kind: ReturnKind)
    /// A return refused because one of its conditions is not met (`onFailure: refused`).
    case returnNotAccepted(kind: ReturnKind, reason: ReturnFailure)
    /// A return claim that fails a condition and is quoted as a repair instead.
    case claimQuotedAsRepair(kind: ReturnKind, reason: ReturnFailure)
    /// A return refused outright for what the inspection found (US-6).
    case returnRefused(finding: Finding)
    /// The parts list has no swap unit for the model: the swap line is not priced.
    case swapUnitNotPriced(market: MarketCode, model: String)
    /// The promotion applies to the model but starts later.
    case promotionNotStarted(rule: RuleID, starts: CivilDate)
    /// G-10: the device already used this one-time benefit.
    case benefitUsed(rule: RuleID)
    /// G-10: the device already used this one-time benefit, on the quote named.
    case benefitUsedOnQuote(rule: RuleID, quote: String)

    /// The stable name of a note: the quote JSON's `coverage.noteCodes[].code` and the label key
    /// `note.<code>`.
    public enum Code: String, Sendable, CaseIterable {
        case unlistedModel = "unlisted-model"
        case endOfService = "end-of-service"
        case noReturnPolicy = "no-return-policy"
        case returnNotAccepted = "return-not-accepted"
        case claimQuotedAsRepair = "claim-quoted-as-repair"
        case returnRefused = "return-refused"
        case swapUnitNotPriced = "swap-unit-not-priced"
        case promotionNotStarted = "promotion-not-started"
        case benefitUsed = "benefit-used"
        case benefitUsedOnQuote = "benefit-used-on-quote"

        /// The English sentence, with a `{name}` placeholder per parameter: the JSON's text and
        /// the reference for `Templates/labels/en.json`.
        public var english: String {
            switch self {
            case .unlistedModel:
                "{model} is not listed in the {market} policy: the defaults of its category ({category}) apply."
            case .endOfService:
                "Service for {model} ended after {after}: inspection, adjustment and cleaning only."
            case .noReturnPolicy: "The {market} policy has no {kind} return: the case is quoted as a repair."
            case .returnNotAccepted: "The {kind} return is not accepted: {reason}."
            case .claimQuotedAsRepair:
                "The {kind} claim is not accepted ({reason}): the case is quoted as a repair."
            case .returnRefused: "The return is refused: {finding}."
            case .swapUnitNotPriced:
                "The {market} parts list has no swap unit for {model}: the swap is not priced."
            case .promotionNotStarted: "The {rule} promotion starts on {starts}."
            case .benefitUsed: "The one-time benefit {rule} was already used for this device."
            case .benefitUsedOnQuote:
                "The one-time benefit {rule} was already used for this device on quote {quote}."
            }
        }
    }

    public var code: Code {
        switch self {
        case .unlistedModel: .unlistedModel
        case .endOfService: .endOfService
        case .noReturnPolicy: .noReturnPolicy
        case .returnNotAccepted: .returnNotAccepted
        case .claimQuotedAsRepair: .claimQuotedAsRepair
        case .returnRefused: .returnRefused
        case .swapUnitNotPriced: .swapUnitNotPriced
        case .promotionNotStarted: .promotionNotStarted
        case .benefitUsed: .benefitUsed
        case .benefitUsedOnQuote: .benefitUsedOnQuote
        }
    }

    /// The parameters by placeholder name, in the order of the English sentence.
    public var parameters: [NoteParameter] {
        switch self {
        case .unlistedModel(let model, let market, let category):
            [
                .init("model", .text(model)), .init("market", .market(market)),
                .init("category", .term(.category(category))),
            ]
        case .endOfService(let model, let after):
            [.init("model", .text(model)), .init("after", .date(after))]
        case .noReturnPolicy(let market, let kind):
            [.init("market", .market(market)), .init("kind", .term(.returnKind(kind)))]
        case .returnNotAccepted(let kind, let reason), .claimQuotedAsRepair(let kind, let reason):
            [.init("kind", .term(.returnKind(kind))), .init("reason", .reason(reason))]
        case .returnRefused(let finding): [.init("finding", .term(.finding(finding)))]
        case .swapUnitNotPriced(let market, let model):
            [.init("market", .market(market)), .init("model", .text(model))]
        case .promotionNotStarted(let rule, let starts):
            [.init("rule", .rule(rule)), .init("starts", .date(starts))]
        case .benefitUsed(let rule): [.init("rule", .rule(rule))]
        case .benefitUsedOnQuote(let rule, let quote):
            [.init("rule", .rule(rule)), .init("quote", .text(quote))]
        }
    }

    /// The English sentence of the quote JSON: "The one-time benefit PK-3 was already used for this
    /// device on quote PK-2026-000004." Dates as `YYYY-MM-DD`, vocabulary in its JSON spelling.
    public var text: String { NotePattern.fill(code.english, parameters) }
}

/// The kind of a return a note speaks of.
public enum ReturnKind: String, Sendable, CaseIterable {
    case doa, remorse
}
