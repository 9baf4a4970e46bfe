/// How long the warranty runs, per category and item, with model overrides (BX-1, HK-2..4, US-1).
public struct WarrantyPolicy: Hashable, Sendable {
    public enum Start: String, Sendable { case purchase, delivery }

    /// The period runs from the purchase date or from receipt (delivery).
    public var startsFrom: Start
    /// Category defaults, first match wins.
    public var periods: [PeriodRule]
    /// Model-specific periods, checked before `periods` (HK-4).
    public var modelPeriods: [ModelPeriodRule]

    package init(startsFrom: Start, periods: [PeriodRule], modelPeriods: [ModelPeriodRule] = []) {
        precondition(!periods.isEmpty, "a warranty policy needs at least one period row")
        self.startsFrom = startsFrom
        self.periods = periods
        self.modelPeriods = modelPeriods
    }

    public struct PeriodRule: Hashable, Sendable {
        public var applies: Applicability
        public var period: Period
        public var rule: RuleID
        package init(applies: Applicability, period: Period, rule: RuleID) {
            self.applies = applies
            self.period = period
            self.rule = rule
        }
    }

    public struct ModelPeriodRule: Hashable, Sendable {
        /// Normalized model names.
        public var models: Set<String>
        public var items: Set<Item>?
        public var period: Period
        public var rule: RuleID
        package init(models: Set<String>, items: Set<Item>?, period: Period, rule: RuleID) {
            self.models = models
            self.items = items
            self.period = period
            self.rule = rule
        }
    }

    /// The period for a device and item: a model override, else the first matching category row,
    /// else the last row (the loader requires a catch-all row, so this is only a safety net).
    public func period(normalizedModel name: String, category: DeviceCategory, item: Item) -> (Period, RuleID)
    {
        if let row = modelPeriods.first(where: {
            $0.models.contains(name) && ($0.items?.contains(item) ?? true)
        }) {
            return (row.period, row.rule)
        }
        let row = periods.first { $0.applies.matches(category, item) } ?? periods[periods.count - 1]
        return (row.period, row.rule)
    }
}
