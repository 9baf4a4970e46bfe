import Foundation
import QuoteCore
import Yams

/// Names of labour codes and parts in a market's other languages, one file per language beside
/// the price list: `names.<lang>.yaml`, as `rules.<lang>.yaml` holds the rule sentences.
///
/// ```yaml
/// labor:                      # category → code → name
///   phone: { L2: "Reparatieniveau 2" }
/// parts:                      # SKU → name
///   X12P-DISPLAY: "Displaymodule Xiaomi 12 Pro"
/// ```
///
/// The English name is the CSV's `description`. A name missing from a file is no error (the
/// documents fall back to English), nor is a name of a code or SKU the price list no longer has
/// (it is left out): `prices check` warns about both. A file for a language the market does not
/// list is an error.
public struct NameTranslations: Sendable {
    public let folder: String
    /// Language → labour key → name.
    public private(set) var labor: [String: [PriceList.LaborKey: String]] = [:]
    /// Language → SKU → name.
    public private(set) var parts: [String: [String: String]] = [:]
    /// Names of labour codes or SKUs the tables do not have, left out (warnings of `prices check`).
    public private(set) var unknown: [PriceListError] = []
    /// Entries that are not a name (a number, a list, a mapping where a name belongs), every one of
    /// every file: errors. Loading refuses the first; `prices check` reports them all.
    public private(set) var problems: [PriceListError] = []

    /// `names.nl.yaml`, `names.zh-Hant.yaml`.
    public static func fileName(_ language: String) -> String { "names.\(language).yaml" }

    /// Reads every `names.<lang>.yaml` of `folder` against the labour rates and parts read from it.
    public init(folder: String, languages: [String], labor rates: [LaborRate], parts listed: [Part])
        throws(PriceListError)
    {
        self.folder = folder
        let laborKeys = Set(rates.map { PriceList.LaborKey(category: $0.category, code: $0.code) })
        let skus = Set(listed.map(\.sku))
        for language in try PriceListLoader.languageFiles(prefix: "names.", in: folder) {
            let file = PriceListLoader.path(folder, Self.fileName(language))
            guard languages.contains(language), language != "en" else {
                throw PriceListError(
                    file: file, line: nil, field: "",
                    "\(language) is not one of the market's other languages "
                        + "(market.yaml languages: \(languages.joined(separator: ", ")); English is the CSV's description)"
                )
            }
            let r = try YAMLReader.document(try PriceListLoader.read(file), file: file)
            try r.rejectUnknownKeys(["labor", "parts"])
            labor[language] = Self.laborNames(r, known: laborKeys, unknown: &unknown, problems: &problems)
            parts[language] = Self.partNames(r, known: skus, unknown: &unknown, problems: &problems)
        }
    }

    static func laborNames(
        _ r: YAMLReader, known: Set<PriceList.LaborKey>, unknown: inout [PriceListError],
        problems: inout [PriceListError]
    ) -> [PriceList.LaborKey: String] {
        var names: [PriceList.LaborKey: String] = [:]
        let section: YAMLReader?
        do { section = try r.child("labor") } catch {
            problems.append(error)
            return names
        }
        guard let section else { return names }
        for name in section.keys {
            let codes: YAMLReader
            do { codes = try section.requiredChild(name) } catch {
                problems.append(error)
                continue
            }
            for code in codes.keys {
                let key = DeviceCategory(rawValue: name).map { PriceList.LaborKey(category: $0, code: code) }
                guard let key, known.contains(key) else {
                    unknown.append(
                        codes.fail(
                            "is not a labour code of labor.csv (category \(name))", key: code,
                            at: keyNode(codes, code)))
                    continue
                }
                do { names[key] = try codes.requiredString(code) } catch { problems.append(error) }
            }
        }
        return names
    }

    static func partNames(
        _ r: YAMLReader, known: Set<String>, unknown: inout [PriceListError], problems: inout [PriceListError]
    ) -> [String: String] {
        var names: [String: String] = [:]
        let section: YAMLReader?
        do { section = try r.child("parts") } catch {
            problems.append(error)
            return names
        }
        guard let section else { return names }
        for sku in section.keys {
            guard known.contains(sku) else {
                unknown.append(section.fail("is not a SKU of parts.csv", key: sku, at: keyNode(section, sku)))
                continue
            }
            do { names[sku] = try section.requiredString(sku) } catch { problems.append(error) }
        }
        return names
    }

    /// The node of `key` in `r`'s mapping, for the line of a warning about it.
    static func keyNode(_ r: YAMLReader, _ key: String) -> Node? {
        r.mapping.first { $0.key.string == key }?.key
    }

    /// The rates with their names in every language that has one.
    func named(_ rates: [LaborRate]) -> [LaborRate] {
        rates.map { rate in
            var rate = rate
            let key = PriceList.LaborKey(category: rate.category, code: rate.code)
            rate.names = labor.compactMapValues { $0[key] }
            return rate
        }
    }

    /// The parts with their names in every language that has one.
    func named(_ listed: [Part]) -> [Part] {
        listed.map { part in
            var part = part
            part.names = parts.compactMapValues { $0[part.sku] }
            return part
        }
    }
}
