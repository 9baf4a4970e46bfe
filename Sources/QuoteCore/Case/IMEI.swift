/// IMEI checks (G-5): 15 digits with a Luhn check digit, spaces and dashes ignored.
public enum IMEI {
    /// The IMEI without separators, or an error naming `field`:
    /// `normalize("49015420323751-9")` → "device.imei: check digit should be 8".
    public static func normalize(_ text: String, field: String) throws(ValidationError) -> String {
        var digits: [Int] = []
        digits.reserveCapacity(15)
        for byte in text.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits.count < 15 else {
                throw ValidationError(field: field, "\"\(text)\" is not an IMEI (15 digits expected)")
            }
            digits.append(Int(byte - UInt8(ascii: "0")))
        }
        guard digits.count == 15 else {
            throw ValidationError(field: field, "\"\(text)\" is not an IMEI (15 digits expected)")
        }
        let expected = checkDigit(digits.prefix(14))
        guard digits[14] == expected else {
            throw ValidationError(field: field, "check digit should be \(expected)")
        }
        return String(decoding: digits.map { UInt8($0) + UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// The Luhn check digit of the first 14 digits: 49015420323751 → 8.
    public static func checkDigit(_ body: ArraySlice<Int>) -> Int {
        var sum = 0
        for (offset, digit) in body.enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return (10 - sum % 10) % 10
    }
}

/// A deliberately plain e-mail address check: printable ASCII, one "@", a dot in the domain.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0,
            bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        let domain = bytes[(at + 1)...]
        guard domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."),
            domain.last != UInt8(ascii: ".")
        else { return false }
        // ASCII only: the mailer sends without SMTPUTF8, so an address it cannot send is refused here.
        return bytes.allSatisfy {
            $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
                && $0 != UInt8(ascii: ",")
        }
    }

}
