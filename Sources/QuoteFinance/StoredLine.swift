import QuoteCore
import QuoteJSON

/// A `{"case": …, "quote": …, "record": …}` line read as a whole, as `reprice` (with `--on` and
/// `--compare`) reads it: malformed JSON or another member is the line's error.
enum StoredLine {
    /// The line's object, its members checked.
    static func root(_ bytes: UnsafeBufferPointer<UInt8>) throws(ValidationError) -> FieldReader {
        let root: FieldReader
        do {
            root = try FieldReader(try JSONParser.parse(Array(bytes)))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError(field: "", "malformed JSON: \(error)")
        }
        try root.rejectUnknownKeys(["case", "quote", "record"])
        return root
    }
}
