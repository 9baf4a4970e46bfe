/// The coverage decision and the rules that made it.
public struct Coverage: Hashable, Sendable {
    public var status: CoverageStatus
    /// The last day of the warranty that applies, when one was determined.
    public var warrantyEnds: CivilDate?
    /// Every rule that decided the outcome or a line, in order of application, with its sentence.
    public var rules: [CitedRule]
    /// The end of every window that mattered (G-4): warranty, DOA, return, posting deadline, benefit.
    public var windows: [Window]
    /// What the customer should do next, for refused or not-repairable cases.
    public var advice: [Advice]
    /// One-time benefits (G-10) this quote grants, to be recorded against the device when issued.
    public var benefitsGranted: [RuleID]
    /// Plain remarks that are not rules: assumptions, defaults used, DOA fallbacks.
    public var notes: [String]

    public init(
        status: CoverageStatus, warrantyEnds: CivilDate? = nil, rules: [CitedRule] = [],
        windows: [Window] = [],
        advice: [Advice] = [], benefitsGranted: [RuleID] = [], notes: [String] = []
    ) {
        self.status = status
        self.warrantyEnds = warrantyEnds
        self.rules = rules
        self.windows = windows
        self.advice = advice
        self.benefitsGranted = benefitsGranted
        self.notes = notes
    }

    public struct CitedRule: Hashable, Sendable {
        public var id: RuleID
        public var text: String
        public init(id: RuleID, text: String) {
            self.id = id
            self.text = text
        }
    }

    public struct Window: Hashable, Sendable {
        public var name: WindowName
        public var rule: RuleID
        public var ends: CivilDate
        public init(name: WindowName, rule: RuleID, ends: CivilDate) {
            self.name = name
            self.rule = rule
            self.ends = ends
        }
    }

    public enum WindowName: String, Sendable, CaseIterable {
        case warranty, doa, remorse, `return`, replacedPart = "replaced-part", freeLabor = "free-labor"
        case freeScreen = "free-screen", postingDeadline = "posting-deadline"
    }

    public enum Advice: String, Sendable, CaseIterable {
        case contactSeller = "contact-seller"
        case considerNewDevice = "consider-new-device"
        case useInstaller = "use-installer"
        case inspectionOnly = "inspection-only"
    }
}
