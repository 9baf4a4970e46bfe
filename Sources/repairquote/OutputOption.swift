import ArgumentParser
import Foundation

/// `--output FILE|-`: where a command writes its document. A file appears only whole: the bytes
/// go to a temporary file beside it, renamed over it once written. `-` is standard output, which
/// refuses binary output (PDF) when it is a terminal.
struct OutputOption: ParsableArguments {
    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Write the document to FILE (- for standard output; a PDF is never written to a terminal).",
            valueName: "FILE"))
    var path: String?

    func validate() throws {
        if let path, path.isEmpty { throw ValidationError("--output: the path is empty") }
    }

    /// Writes `bytes` to the chosen output (standard output when none was given). `binary`
    /// output to a terminal is refused, exit 2.
    func write(_ bytes: [UInt8], binary: Bool) throws {
        let path = self.path ?? "-"
        if path == "-" {
            if binary, isatty(STDOUT_FILENO) == 1 {
                throw CLIError.badInput(
                    "--output: standard output is a terminal; PDF bytes are not written to it (give --output FILE, or redirect)"
                )
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try Self.replace(path, with: bytes)
    }

    /// Writes `bytes` to a temporary file in `path`'s folder, then renames it to `path`.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError.badInput("--output: \(path) is a folder")
        }
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory)
            throw CLIError.badInput(
                !exists
                    ? "--output: the folder \(folder) does not exist"
                    : !isDirectory.boolValue
                        ? "--output: \(folder) is not a folder" : "--output: cannot write in \(folder)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError.badInput("--output: cannot write \(path): \(reason)")
        }
    }
}
