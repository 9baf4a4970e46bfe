import Foundation

/// Finds a shipped data folder (`PriceLists`, `Templates`): the option if given, else the
/// environment variable, else `./NAME`, else `NAME` beside the executable or up to five folders above
/// it (so a built binary finds the repository's folders).
enum DataFolder {
    static func resolve(explicit: String?, environment: String, name: String) -> String {
        if let explicit { return explicit }
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return value }
        if FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/" + name) {
            return name
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return name
    }
}
