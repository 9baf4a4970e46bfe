/// A CSV file with a fixed header (RFC 4180 quoting), read row by row with line numbers.
struct CSVTable {
    struct Row {
        let line: Int
        let fields: [String: String]
    }

    let file: String
    let rows: [Row]

    init(_ text: String, file: String, header expected: [String]) throws(PriceListError) {
        self.file = file
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var current = ""
        var inQuotes = false
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
                guard current.isEmpty else {
                    throw PriceListError(
                        file: file, line: line, field: "", "a quote inside an unquoted field")
                }
                inQuotes = true
            } else if ch == "," {
                fields.append(current)
                current = ""
            } else if ch == "\n" || ch == "\r" {
                if ch == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
                fields.append(current)
                if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
                fields = []
                current = ""
                line += 1
                recordLine = line
            } else {
                current.unicodeScalars.append(ch)
            }
            i += 1
        }
        guard !inQuotes else {
            throw PriceListError(file: file, line: recordLine, field: "", "unterminated quoted field")
        }
        guard let header = records.first else {
            throw PriceListError(
                file: file, line: 1, field: "",
                "the file is empty; expected the header \(expected.joined(separator: ","))")
        }
        guard header.fields == expected else {
            throw PriceListError(
                file: file, line: 1, field: "",
                "expected the header \"\(expected.joined(separator: ","))\", found \"\(header.fields.joined(separator: ","))\""
            )
        }
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == expected.count else {
                throw PriceListError(
                    file: file, line: record.line, field: "",
                    "expected \(expected.count) fields, found \(record.fields.count)")
            }
            rows.append(
                Row(line: record.line, fields: Dictionary(uniqueKeysWithValues: zip(expected, record.fields)))
            )
        }
        self.rows = rows
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
