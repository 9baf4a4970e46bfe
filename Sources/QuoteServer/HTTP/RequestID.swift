import HTTPTypes

/// The id of a request, answered in `X-Request-Id` and written in its log lines: the caller's own
/// when well formed (1 to 64 of `A-Z a-z 0-9 - _`), else 16 random hex digits.
enum RequestID {
    static func of(_ fields: HTTPFields) -> String {
        if let given = fields[.requestID], isWellFormed(given) { return given }
        return make()
    }

    static func make() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func isWellFormed(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            }
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
    static let contentTypeOptions = Self("X-Content-Type-Options")!
}
