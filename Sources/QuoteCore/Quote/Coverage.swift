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
    /// Remarks that are not rules (assumptions, defaults used, DOA fallbacks), each a code with
    /// its parameters; `Note.text` is the English sentence.
    public var notes: [Note]

    public init(
        status: CoverageStatus, warrantyEnds: CivilDate? = nil, rules: [CitedRule] = [],
        windows: [Window] = [],
        advice: [Advice] = [], benefitsGranted: [RuleID] = [], notes: [Note] = []
    ) {
        self.status = status
        self.warrantyEnds = warrantyEnds
        self.rules = rules
        self.windows = windows
        self.advice = advice
        self.benefitsGranted = benefitsGranted
        self.notes = notes
    }

    /// A rule with its English sentence (`text`, the quote JSON's) and the sentence in each other
    /// language of the market (`rules.<lang>.yaml` beside the policy), so that the JSON and every
    /// document read the same text.
    public struct CitedRule: Hashable, Sendable {
        public var id: RuleID
        /// The English sentence, from the policy.
        public var text: String
        /// The sentence by language code ("nl", "zh-Hant"), for the market's languages but English.
        public var translations: [String: String]

        public init(id: RuleID, text: String, translations: [String: String] = [:]) {
            self.id = id
            self.text = text
            self.translations = translations
        }

        /// The sentence in `language`, or the English one when the market has none in that language
        /// (a French document in a market whose languages are Dutch and English).
        public func sentence(in language: String) -> String { translations[language] ?? text }
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
