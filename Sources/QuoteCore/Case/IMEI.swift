/// IMEI checks (G-5): 15 digits with a Luhn check digit, spaces and dashes ignored.
public enum IMEI {
    /// The IMEI without separators, or an error naming `field`:
    /// `normalize("49015420323751-9")` → "device.imei: check digit should be 8".
    public static func normalize(_ text: String, field: String) throws(ValidationError) -> String {
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count == 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: field, "\"\(text)\" is not an IMEI (15 digits expected)")
        }
        let values = digits.compactMap(\.wholeNumberValue)
        let expected = checkDigit(values.prefix(14))
        guard values[14] == expected else {
            throw ValidationError(field: field, "check digit should be \(expected)")
        }
        return digits
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

/// A deliberately plain e-mail address check: one "@", a dot in the domain, no spaces or controls.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.utf8.count <= 254,
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7F && $0 != "<" && $0 != ">" && $0 != ","
        }
    }
}
