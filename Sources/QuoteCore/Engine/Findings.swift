/// What one step of the calculation found: the rules it applied (in order, each once), the windows
/// that mattered, notes, advice, the benefits it granted and the warranty end it set.
///
/// Steps return their findings as a value beside their result; ``QuoteCalculator`` merges them in
/// the order the steps run (validation, coverage, charges, market rules, lines), so the quote cites
/// each rule once, where it first mattered.
struct Findings {
    /// What was found, in order, as one log: a step's findings are one array to hand back and to
    /// append, however many kinds they hold. Repeats are dropped once, when the quote reads them
    /// (``coverage(status:policy:)``); a log of five arrays cost the engine a tenth of its speed.
    private enum Entry {
        case rule(RuleID)
        case window(Coverage.Window)
        case note(Note)
        case advice(Coverage.Advice)
        case benefit(RuleID)
    }

    private var entries: [Entry] = []
    var warrantyEnds: CivilDate?

    /// Appends, with room for a step's usual handful at the first entry (growing one at a time
    /// reallocated three times).
    private mutating func add(_ entry: Entry) {
        if entries.capacity == 0 { entries.reserveCapacity(8) }
        entries.append(entry)
    }

    mutating func cite(_ rule: RuleID?) {
        if let rule { add(.rule(rule)) }
    }

    mutating func cite(_ rules: [RuleID]) {
        for rule in rules { add(.rule(rule)) }
    }

    /// A window, unless one of that name is recorded before it.
    mutating func window(_ name: Coverage.WindowName, _ rule: RuleID, ends: CivilDate) {
        add(.window(Coverage.Window(name: name, rule: rule, ends: ends)))
    }

    mutating func note(_ note: Note) { add(.note(note)) }

    mutating func advise(_ items: [Coverage.Advice]) {
        for item in items { add(.advice(item)) }
    }

    mutating func grant(_ benefit: RuleID) { add(.benefit(benefit)) }

    /// Adds what a later step found, after what is here.
    mutating func merge(_ later: consuming Findings) {
        if entries.isEmpty {
            entries = later.entries
        } else {
            entries.append(contentsOf: later.entries)
        }
        if let ends = later.warrantyEnds { warrantyEnds = ends }
    }

    /// Runs a step and merges its findings: `let outcome = try found.merging(decider.decide())`.
    mutating func merging<T>(_ step: consuming (T, Findings)) -> T {
        let (value, found) = step
        merge(found)
        return value
    }

    /// The quote's coverage: everything found, in one pass over the log (a pass per kind copied
    /// every entry five times).
    func coverage(status: CoverageStatus, policy: Policy) -> Coverage {
        var rules: [Coverage.CitedRule] = []
        var windows: [Coverage.Window] = []
        var notes: [Note] = []
        var advice: [Coverage.Advice] = []
        var benefits: [RuleID] = []
        rules.reserveCapacity(entries.count)
        for entry in entries {
            switch entry {
            case .rule(let rule):
                if !rules.contains(where: { $0.id == rule }) { rules.append(policy.cite(rule)) }
            case .window(let window):
                if !windows.contains(where: { $0.name == window.name }) { windows.append(window) }
            case .note(let note): notes.append(note)
            case .advice(let item): if !advice.contains(item) { advice.append(item) }
            case .benefit(let rule): benefits.append(rule)
            }
        }
        return Coverage(
            status: status, warrantyEnds: warrantyEnds, rules: rules, windows: windows, advice: advice,
            benefitsGranted: benefits, notes: notes)
    }
}

/// What every step reads and none changes: the case, its price list and the normalised model. A
/// class: every step receives it, and sharing one reference is one retain where copying the case
/// was dozens (bench quotes: a struct cost a third of the throughput).
final class QuoteInputs {
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
