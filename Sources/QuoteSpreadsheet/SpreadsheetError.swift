/// Why a workbook could not be written: the file it was for and libxlsxwriter's reason
/// (`lxw_strerror`) or ours. Every call of the C library that can fail ends here, never in a crash.
public struct SpreadsheetError: Error, CustomStringConvertible, Sendable {
    /// The workbook's path as the caller named it.
    public var file: String
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
