/// The keys an object may have, for `FieldReader.rejectUnknownKeys(_:)`: made once (a `static let`),
/// so that whether they are all ASCII is worked out once, not on every document.
public struct KnownKeys: Sendable {
    public let keys: [String]
    /// Every key is ASCII: compared with ASCII keys, equal means byte for byte equal.
    let allASCII: Bool

    public init(_ keys: [String]) {
        self.keys = keys
        allASCII = keys.allSatisfy(JSONObject.isASCII)
    }
}
