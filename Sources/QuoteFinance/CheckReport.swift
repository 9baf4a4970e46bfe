import QuoteCore
import QuoteJSON

/// Counts of a check run, and its exit status: 0 every line matched, 1 differences found,
/// 2 some lines were invalid (whatever else was found).
public struct CheckSummary: Hashable, Sendable {
    public var read = 0
    public var matched = 0
    public var differing = 0
    public var differences = 0
    public var invalid = 0
    /// The differing quotes' effects per market and currency (`effect:` lines after the summary).
    public var effects = CheckEffects()

    public init() {}

    public mutating func add(_ other: CheckSummary) {
        read += other.read
        matched += other.matched
        differing += other.differing
        differences += other.differences
        invalid += other.invalid
        effects.merge(other.effects)
    }

    public mutating func count(_ outcome: CheckOutcome) {
        read += 1
        switch outcome {
        case .match: matched += 1
        case .differs(let list):
            differing += 1
            differences += list.count
        case .invalid: invalid += 1
        }
    }

    public var exitCode: Int32 { invalid > 0 ? 2 : differing > 0 ? 1 : 0 }

    /// `summary: 10 lines read, 7 matched, 2 differing (3 differences), 1 invalid`
    public var line: String {
        "summary: \(read) lines read, \(matched) matched, \(differing) differing (\(differences) differences), \(invalid) invalid"
    }
}

/// The plain-text report of a check, one line per difference or invalid line:
///
///     line 17: PK-2026-000123: totals.consumer.gross: stored "120.00", recomputed "120.01"
///     line 18: PK-2026-000124: lines[3]: stored {"kind":"handling",…}, recomputed (none)
///     line 19: -: invalid: quote.priceListVersion: unknown price-list version "2019.1" of PK
///
/// Values are compact JSON (strings keep their quotes); `(none)` marks a side that lacks the value;
/// `-` stands for a quote without a readable number.
public enum CheckReport {
    public static func text(_ result: CheckResult) -> String {
        let head = "line \(result.line): \(result.quoteNumber ?? "-"): "
        switch result.outcome {
        case .match:
            return ""
        case .differs(let differences):
            var out = ""
            for d in differences {
                out += head + "\(d.path): stored \(render(d.stored)), recomputed \(render(d.recomputed))\n"
            }
            return out + (result.effect.map { head + $0.text + "\n" } ?? "")
        case .invalid(let field, let message):
            return head + "invalid: " + (field.isEmpty ? "" : "\(field): ") + oneLine(message) + "\n"
        }
    }

    static func render(_ value: JSONValue?) -> String {
        value.map { JSONWriter.write($0, pretty: false) } ?? "(none)"
    }

    static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline)
            ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
    }
}

/// Checks a batch of lines: the report text of the batch (in line order) and its counts.
public struct CheckBatchResult: Sendable {
    public var text: String
    public var summary: CheckSummary
}

extension QuoteChecker {
    /// Checks every line of a batch; blank lines are skipped and not counted. The report is text,
    /// or CSV records (`CheckReport.csvHeader`) in `csv`'s format.
    public func check(_ batch: LineBatch, csv: CSVFormat? = nil) -> CheckBatchResult {
        var result = CheckBatchResult(text: "", summary: CheckSummary())
        batch.buffer.withUnsafeBufferPointer { buffer in
            for line in batch.lines {
                var outcome: CheckResult
                if line.overlong {
                    outcome = CheckResult(
                        line: line.number, quoteNumber: nil,
                        outcome: .invalid(field: "", message: "line too long (over 4 MiB)"))
                } else {
                    let bytes = UnsafeBufferPointer(rebasing: buffer[line.range])
                    if bytes.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                    if booking.hasRange, !booking.keeps(line: bytes) { continue }
                    outcome = check(bytes, line: line.number)
                }
                if line.unterminated, case .invalid(let field, let message) = outcome.outcome {
                    outcome.outcome = .invalid(
                        field: "",
                        message: InvalidLine.truncated + (field.isEmpty ? "" : "\(field): ") + message)
                }
                result.summary.count(outcome.outcome)
                result.summary.effects.add(outcome.effect)
                result.text += csv.map { CheckReport.csv(outcome, $0) } ?? CheckReport.text(outcome)
            }
        }
        return result
    }
}
