/// A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes, nothing else.
/// Shared by the finance and command-line tests.
public enum StrictCSV {
    public struct Malformed: Error {}

    public static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            switch c {
            case "\"" where field.isEmpty:
                while true {
                    guard let q = chars.popFirst() else { throw Malformed() }
                    if q == "\"" {
                        if chars.first == "\"" {
                            chars.removeFirst()
                            field.append("\"")
                        } else {
                            break
                        }
                    } else {
                        field.append(q)
                    }
                }
                guard chars.first == "," || chars.first == "\r\n" else { throw Malformed() }
            case ",":
                record.append(field)
                field = ""
            case "\r\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\"", "\n", "\r": throw Malformed()
            default: field.append(c)
            }
        }
        guard field.isEmpty, record.isEmpty else { throw Malformed() }
        return records
    }
}
