/// Declares the document's language (`/Lang` in the catalog) and that it is tagged (`/MarkInfo`),
/// which Cairo 1.16 cannot set, so that screen readers and `pdfinfo`-style tools know them: an
/// incremental update appended to the file Cairo wrote (a new revision of the catalog object, an xref section for it and a trailer
/// pointing back to Cairo's), the way PDF editors amend a file. The result is deterministic.
enum PDFLanguage {
    /// `pdf` with `/Lang (code)` in its catalog; `pdf` unchanged when `code` is not a plain
    /// language tag or the file is not laid out as Cairo writes it.
    static func declare(_ code: String, in pdf: [UInt8]) -> [UInt8] {
        // Cairo writes the catalog just before the xref table and trailer: the file's last 16 kB
        // hold them (reading the whole file as text took a third of a render), else the whole.
        let tail = pdf.count > 16384 ? declare(code, in: pdf, from: pdf.count - 16384) : nil
        return tail ?? declare(code, in: pdf, from: 0) ?? pdf
    }

    /// The amended file, reading `pdf` from `start`; nil when the catalog is not found there.
    private static func declare(_ code: String, in pdf: [UInt8], from start: Int) -> [UInt8]? {
        guard !code.isEmpty, code.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || isAlphanumeric($0) }),
            let text = String(bytes: pdf[start...], encoding: .isoLatin1),
            let trailerStart = text.range(of: "trailer", options: .backwards),
            let startxref = text.range(of: "startxref", options: .backwards),
            let previous = Int(
                text[startxref.upperBound...].prefix { $0 != "%" }.trimmingCharacters(
                    in: .whitespacesAndNewlines)),
            let dictionaryEnd = text.range(
                of: ">>", options: .backwards, range: trailerStart.upperBound..<startxref.lowerBound)
        else { return nil }
        let trailer = String(text[trailerStart.upperBound..<dictionaryEnd.lowerBound])
        guard let root = value(of: "/Root", in: trailer), let rootNumber = Int(root.split(separator: " ")[0]),
            let object = text.range(of: "\n\(rootNumber) 0 obj", options: .backwards),
            let objectEnd = text.range(of: "endobj", range: object.upperBound..<text.endIndex),
            let catalogEnd = text.range(
                of: ">>", options: .backwards, range: object.upperBound..<objectEnd.lowerBound)
        else { return nil }
        let catalog = text[object.upperBound..<catalogEnd.lowerBound]
        // Cairo writes the structure tree of the tags but not that the file is tagged.
        let marked = catalog.contains("/StructTreeRoot") && !catalog.contains("/MarkInfo")
        var update =
            "\n\(rootNumber) 0 obj\n\(catalog.trimmingCharacters(in: .whitespacesAndNewlines))\n   /Lang (\(code))\n"
            + (marked ? "   /MarkInfo << /Marked true >>\n" : "") + ">>\nendobj\n"
        let objectOffset = pdf.count + 1
        let xrefOffset = pdf.count + update.utf8.count
        update += "xref\n\(rootNumber) 1\n\(padded(objectOffset)) 00000 n \n"
        update +=
            "trailer\n\(trailer.trimmingCharacters(in: .whitespacesAndNewlines))\n   /Prev \(previous)\n>>\n"
        update += "startxref\n\(xrefOffset)\n%%EOF\n"
        return pdf + Array(update.utf8)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The value after `key` in a dictionary's text, to the end of its line: "/Root 1 0 R" → "1 0 R".
    private static func value(of key: String, in dictionary: String) -> String? {
        guard let range = dictionary.range(of: key + " ") else { return nil }
        return String(dictionary[range.upperBound...].prefix { $0 != "\n" && $0 != "/" })
            .trimmingCharacters(in: .whitespaces)
    }

    /// An xref offset: ten digits.
    private static func padded(_ offset: Int) -> String {
        let digits = String(offset)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}
