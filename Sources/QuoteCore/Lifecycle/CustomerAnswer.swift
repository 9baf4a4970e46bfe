/// The customer's answer through the link, as the form sends it, and its checks: to accept, a
/// typed full name (one line, 1–200 characters, no control or text-direction characters,
/// ``TextSafety``) and the ticked consent box; to reject, neither, and an optional reason (one
/// line, at most 500 characters). Nothing is recorded while any check fails.
public struct CustomerAnswer: Sendable, Equatable {
    public var decision: Decision
    public var typedName: String
    public var consented: Bool
    public var reason: String

    /// What is wrong with an answer, each shown next to its field.
    public enum Problem: String, Sendable, CaseIterable {
        case nameMissing, nameInvalid, consentMissing, reasonInvalid
    }

    public static let nameLimit = 200
    public static let reasonLimit = 500

    public init(decision: Decision, typedName: String = "", consented: Bool = false, reason: String = "") {
        self.decision = decision
        self.typedName = typedName
        self.consented = consented
        self.reason = reason
    }

    /// The name as recorded: without spaces around it.
    public var name: String { String(typedName.trimmingSpaces) }

    /// The checks that fail, in the form's order (empty: the answer may be recorded).
    public var problems: [Problem] {
        var problems: [Problem] = []
        if decision == .accepted {
            if name.isEmpty {
                problems.append(.nameMissing)
            } else if name.count > Self.nameLimit || !TextSafety.isClean(name) {
                problems.append(.nameInvalid)
            }
            if !consented { problems.append(.consentMissing) }
        }
        if reason.count > Self.reasonLimit || !TextSafety.isClean(reason) { problems.append(.reasonInvalid) }
        return problems
    }
}
