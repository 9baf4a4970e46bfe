/// The one place where a device's identifiers are normalised for the one-time-benefit ledger
/// (G-10), so that one phone is one phone however its identifiers were typed.
///
/// - IMEI: digits only (the decoder already strips spaces and dashes and checks the Luhn digit);
///   the key is the first 14 digits, as the last is only a check digit.
/// - Serial: trimmed, upper case, inner white space removed: `" snx 124707 "` → `SNX124707`.
///
/// `keys(imei: "490154203237518", serial: "snx124707 ")` → `["imei:49015420323751", "serial:SNX124707"]`.
public enum DeviceIdentity {
    /// The ledger keys of a device, IMEI first; empty when it has neither identifier.
    public static func keys(imei: String?, serial: String?) -> [String] {
        var keys: [String] = []
        if let imei {
            let digits = imei.unicodeScalars.filter { ("0"..."9").contains($0) }
            if !digits.isEmpty { keys.append("imei:" + String(String.UnicodeScalarView(digits.prefix(14)))) }
        }
        if let serial {
            let normal = normalizedSerial(serial)
            if !normal.isEmpty { keys.append("serial:" + normal) }
        }
        return keys
    }

    /// A serial number as the ledger compares it: no white space anywhere, upper case.
    public static func normalizedSerial(_ serial: String) -> String {
        String(String.UnicodeScalarView(serial.unicodeScalars.filter { !$0.properties.isWhitespace }))
            .uppercased()
    }
}
