import Foundation

/// A copy of the shipped price lists in a temporary folder, to break on purpose.
struct PriceListCopy {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("PriceLists")

    let folder: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pl-check-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.shipped, to: url)
        folder = url.path
    }

    /// Replaces `original` by `replacement` in `file`; fails if the text is not there.
    func edit(_ file: String, _ original: String, _ replacement: String) throws {
        let path = folder + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard text.contains(original) else { throw CopyError.textNotFound(file, original) }
        try text.replacingOccurrences(of: original, with: replacement).write(
            toFile: path, atomically: true, encoding: .utf8)
    }

    /// Writes `text` as the whole of `file`.
    func write(_ file: String, _ text: String) throws {
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
    }

    enum CopyError: Error { case textNotFound(String, String) }
}
