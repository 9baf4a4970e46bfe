/// A CSV file with a fixed header (RFC 4180 quoting), read row by row with line numbers. A record
/// that cannot be read (wrong number of fields, a stray quote) is skipped and its error kept in
/// `errors`, so that one pass reports every broken row.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
    }

    let file: String
    let header: [String]
    private(set) var rows: [Row] = []
    private(set) var errors: [PriceListError] = []

    init(_ text: String, file: String, header expected: [String]) {
        self.file = file
        self.header = expected
        let (records, recordErrors) = Self.records(text, file: file)
        errors = recordErrors
        guard let header = records.first else {
            errors.append(
                PriceListError(
                    file: file, line: 1, field: "",
                    "the file is empty; expected the header \(expected.joined(separator: ","))"))
            return
        }
        guard header.fields == expected else {
            errors = [
                PriceListError(
                    file: file, line: 1, field: "",
                    "expected the header \"\(expected.joined(separator: ","))\", found \"\(header.fields.joined(separator: ","))\""
                )
            ]
            return
        }
        for record in records.dropFirst() {
            guard record.fields.count == expected.count else {
                errors.append(fieldCountError(record.fields, line: record.line))
                continue
            }
            rows.append(
                Row(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(expected, record.fields)))
            )
        }
        errors.sort { $0.line ?? 0 < $1.line ?? 0 }
    }

    /// Splits the text into records (RFC 4180), with the line each starts on.
    static func records(_ text: String, file: String) -> ([(line: Int, fields: [String])], [PriceListError]) {
        var records: [(line: Int, fields: [String])] = []
        var errors: [PriceListError] = []
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var broken = false
        var line = 1
        var recordLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.last != "\n" { chars.append("\n") }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        current.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if ch == "\n" { line += 1 }
                    current.unicodeScalars.append(ch)
                }
            } else if ch == "\"" {
                if current.isEmpty {
                    inQuotes = true
                } else if !broken {
                    broken = true
                    errors.append(
                        PriceListError(file: file, line: line, field: "", "a quote inside an unquoted field"))
                }
            } else if ch == "," {
                fields.append(current)
                current = ""
            } else if ch == "\n" || ch == "\r" {
                if ch == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                fields.append(current)
                if !broken, !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
                fields = []
                current = ""
                broken = false
                line += 1
                recordLine = line
            } else {
                current.unicodeScalars.append(ch)
            }
            i += 1
        }
        if inQuotes {
            errors.append(
                PriceListError(file: file, line: recordLine, field: "", "unterminated quoted field"))
        }
        return (records, errors)
    }

    /// "expected 5 fields, found 6", with a hint when an unquoted decimal comma (`12,50`) split an
    /// amount in two: the field is then named.
    func fieldCountError(_ fields: [String], line: Int) -> PriceListError {
        let counted = "expected \(header.count) fields, found \(fields.count)"
        if fields.count == header.count + 1,
            let split = (0..<fields.count - 1).last(where: {
                Self.isWholeNumber(fields[$0]) && Self.isDecimalTail(fields[$0 + 1])
            })
        {
            let written = "\(fields[split]),\(fields[split + 1])"
            return PriceListError(
                file: file, line: line, field: header[min(split, header.count - 1)],
                "\(counted): \"\(written)\" looks like an amount with a decimal comma, read as two fields; write \(fields[split]).\(fields[split + 1])"
            )
        }
        if fields.count < header.count {
            let missing = header[fields.count...].map { "\"\($0)\"" }.joined(separator: ", ")
            return PriceListError(
                file: file, line: line, field: header[fields.count],
                "\(counted): no value for the column\(header.count - fields.count == 1 ? "" : "s") \(missing)"
            )
        }
        return PriceListError(file: file, line: line, field: "", counted)
    }

    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? Substring(text.dropFirst()) : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isDecimalTail(_ text: String) -> Bool {
        (1...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The first error of the file, for loading (which stops at it).
    func throwFirstError() throws(PriceListError) {
        if let first = errors.first { throw first }
    }

    func value(_ row: Row, _ column: String) throws(PriceListError) -> String {
        let text = row.fields[column] ?? ""
        guard !text.isEmpty else {
            throw PriceListError(file: file, line: row.line, field: column, "is empty")
        }
        guard text == text.trimmingCharacters(in: " \t") else {
            throw PriceListError(
                file: file, line: row.line, field: column, "\"\(text)\" has leading or trailing spaces")
        }
        return text
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self).unicodeScalars
        while let first = view.first, scalars.contains(first) { view.removeFirst() }
        while let last = view.last, scalars.contains(last) { view.removeLast() }
        return String(view)
    }
}
