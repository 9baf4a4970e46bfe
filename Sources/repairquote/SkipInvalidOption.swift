import ArgumentParser
import Foundation

/// `--skip-invalid` of `export` and `reprice`, and how their runs end: never with a partial result
/// that looks whole. Without the flag an invalid line means nothing is written (exit 2, the bad
/// lines listed on stderr); with it the rest is written and stderr says how many were skipped.
/// An input without a single quote is exit 2 `no quotes in FILE`.
struct SkipInvalidOption: ParsableArguments {
    @Flag(
        help: """
            Write the result without the invalid lines (listed on stderr and, in a workbook, on a \
            Skipped sheet) instead of writing nothing.
            """)
    var skipInvalid = false

    /// Ends a run: `commit` (puts the output in place) when every line was read, or when invalid
    /// lines are to be skipped; else `discard` and exit 2.
    func conclude(
        _ counts: (lines: Int, invalid: Int), input: InputFile, discard: () -> Void, commit: () throws -> Void
    ) throws {
        try Self.conclude(skipInvalid: skipInvalid, counts, input: input, discard: discard, commit: commit)
    }

    static func conclude(
        skipInvalid: Bool, _ counts: (lines: Int, invalid: Int), input: InputFile, discard: () -> Void,
        commit: () throws -> Void
    ) throws {
        let stderr = FileHandle.standardError
        guard counts.lines > 0 else {
            discard()
            stderr.write(Data("repairquote: no quotes in \(input.displayName)\n".utf8))
            throw ExitCode(2)
        }
        guard counts.invalid > 0 else { return try commit() }
        let of = "\(counts.invalid) of \(input.counted(counts.lines))"
        guard skipInvalid else {
            discard()
            stderr.write(
                Data("repairquote: \(of) invalid: nothing written (--skip-invalid writes the rest)\n".utf8))
            throw ExitCode(2)
        }
        try commit()
        stderr.write(Data("repairquote: skipped \(of) (invalid)\n".utf8))
    }
}

extension InputFile {
    /// `FILE`, `standard input`, or the store's name.
    var displayName: String { path == "-" ? "standard input" : path }

    /// `1 line`, `5 lines`, or from the store `1 quote`, `5 quotes`.
    func counted(_ count: Int) -> String {
        let noun = isStore ? "quote" : "line"
        return "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
