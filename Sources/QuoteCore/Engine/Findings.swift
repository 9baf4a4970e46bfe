/// What one step of the calculation found: the rules it applied (in order, each once), the windows
/// that mattered, notes, advice, the benefits it granted and the warranty end it set.
///
/// Steps return their findings as a value beside their result; ``QuoteCalculator`` merges them in
/// the order the steps run (validation, coverage, charges, market rules, lines), so the quote cites
/// each rule once, where it first mattered.
struct Findings {
    private(set) var rules: [RuleID] = []
    private(set) var windows: [Coverage.Window] = []
    private(set) var notes: [String] = []
    private(set) var advice: [Coverage.Advice] = []
    private(set) var benefitsGranted: [RuleID] = []
    var warrantyEnds: CivilDate?

    mutating func cite(_ rule: RuleID?) {
        guard let rule, !rules.contains(rule) else { return }
        rules.append(rule)
    }

    mutating func cite(_ rules: [RuleID]) {
        for rule in rules { cite(rule) }
    }

    /// A window, unless one of that name is already recorded.
    mutating func window(_ name: Coverage.WindowName, _ rule: RuleID, ends: CivilDate) {
        guard !windows.contains(where: { $0.name == name }) else { return }
        windows.append(Coverage.Window(name: name, rule: rule, ends: ends))
    }

    mutating func note(_ text: String) { notes.append(text) }

    mutating func advise(_ items: [Coverage.Advice]) {
        for item in items where !advice.contains(item) { advice.append(item) }
    }

    mutating func grant(_ benefit: RuleID) { benefitsGranted.append(benefit) }

    /// Adds what a later step found, after what is here.
    mutating func merge(_ later: Findings) {
        cite(later.rules)
        for window in later.windows { self.window(window.name, window.rule, ends: window.ends) }
        notes += later.notes
        advise(later.advice)
        benefitsGranted += later.benefitsGranted
        if let ends = later.warrantyEnds { warrantyEnds = ends }
    }

    /// Runs a step and merges its findings: `let outcome = try found.merging(decider.decide())`.
    mutating func merging<T>(_ step: (T, Findings)) -> T {
        merge(step.1)
        return step.0
    }

    /// The rules with their sentences, for the quote.
    func citedRules(_ policy: Policy) -> [Coverage.CitedRule] {
        rules.map(policy.cite)
    }
}

/// What every step reads and none changes: the case, its price list and the normalised model.
struct QuoteInputs {
    let serviceCase: ServiceCase
    let list: PriceList
    /// The device's model, normalized once (`ModelName.normalize`).
    let model: String

    init(_ serviceCase: ServiceCase, _ list: PriceList, model: String) {
        self.serviceCase = serviceCase
        self.list = list
        self.model = model
    }

    var policy: Policy { list.policy }
    var settings: MarketSettings { list.settings }
}
