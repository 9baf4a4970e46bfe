import Foundation

/// The languages of an `Accept-Language` header, most wanted first (RFC 9110 §12.5.4), for the
/// pages that have no quote to take a language from (an unknown customer link) and the console:
///
/// ```swift
/// AcceptLanguage.preferred("fr;q=0.5, nl-BE, nl;q=0.9, *;q=0.1")   // ["nl-BE", "nl", "fr"]
/// ```
///
/// `*`, `q=0` and malformed entries are left out; equal weights keep the header's order. Only the
/// first 20 entries are read.
enum AcceptLanguage {
    static func preferred(_ header: String?) -> [String] {
        guard let header else { return [] }
        var ranked: [(tag: String, weight: Int, index: Int)] = []
        for (index, entry) in header.split(separator: ",").prefix(20).enumerated() {
            let parts = entry.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, isTag(tag), let weight = weight(parts.dropFirst()), weight > 0
            else { continue }
            ranked.append((tag, weight, index))
        }
        return ranked.sorted { ($0.weight, -$0.index) > ($1.weight, -$1.index) }.map(\.tag)
    }

    /// A language range without the wildcard: 1–8 letters, then `-` and 1–8 letters or digits.
    static func isTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count), first.allSatisfy(\.isASCIILetter)
        else { return false }
        return subtags.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
        }
    }

    /// The weight in thousandths: 1000 without `q=`, nil when `q` is not 0 to 1 with at most three
    /// decimals.
    static func weight(_ parameters: ArraySlice<String>) -> Int? {
        guard let q = parameters.first(where: { $0.lowercased().hasPrefix("q=") }) else { return 1000 }
        let value = q.dropFirst(2)
        let pieces = value.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = pieces.first, whole == "0" || whole == "1" else { return nil }
        let fraction = pieces.count > 1 ? pieces[1] : ""
        guard fraction.count <= 3, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
        let thousandths = Int(String(fraction).padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
        let weight = (whole == "1" ? 1000 : 0) + thousandths
        return weight <= 1000 ? weight : nil
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
