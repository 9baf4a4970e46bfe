/// What the calculation has found so far: the rules it applied (in order, each once), the windows
/// that mattered, notes, advice and benefits granted.
struct QuoteContext {
    let serviceCase: ServiceCase
    let list: PriceList
    var rules: [RuleID] = []
    var windows: [Coverage.Window] = []
    var notes: [String] = []
    var advice: [Coverage.Advice] = []
    var benefitsGranted: [RuleID] = []
    var warrantyEnds: CivilDate?

    init(_ serviceCase: ServiceCase, _ list: PriceList) {
        self.serviceCase = serviceCase
        self.list = list
    }

    var policy: Policy { list.policy }
    var settings: MarketSettings { list.settings }
    var model: String { ModelName.normalize(serviceCase.device.model) }

    mutating func cite(_ rule: RuleID?) {
        guard let rule, !rules.contains(rule) else { return }
        rules.append(rule)
    }

    mutating func cite(_ rules: [RuleID]) {
        for rule in rules { cite(rule) }
    }

    mutating func window(_ name: Coverage.WindowName, _ rule: RuleID, ends: CivilDate) {
        guard !windows.contains(where: { $0.name == name }) else { return }
        windows.append(Coverage.Window(name: name, rule: rule, ends: ends))
    }

    mutating func addAdvice(_ items: [Coverage.Advice]) {
        for item in items where !advice.contains(item) { advice.append(item) }
    }

    /// The rules with their sentences, for the quote.
    var citedRules: [Coverage.CitedRule] {
        rules.map { Coverage.CitedRule(id: $0, text: policy.rules[$0] ?? $0.rawValue) }
    }
}
