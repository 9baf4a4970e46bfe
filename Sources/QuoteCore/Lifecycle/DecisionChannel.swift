/// How the customer's answer reached whoever recorded it.
public enum DecisionChannel: String, Sendable, CaseIterable, Codable {
    case inPerson = "in-person"
    case phone
    case email
    case letter
    /// The customer clicked Accept or Reject on the quote's link.
    case customerLink = "customer-link"

    /// The channels staff may name (the link records its own).
    public static let staff: [DecisionChannel] = [.inPerson, .phone, .email, .letter]
}
