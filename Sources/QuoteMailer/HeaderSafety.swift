/// The one rule every header value, display name and address obeys: no CR, LF or NUL.
///
/// libcurl 7.88 passes a CRLF inside a recipient straight to the server (SMTP command
/// injection), and a line break in a header starts a new header (header injection), so these
/// characters are refused before anything is rendered or sent.
enum HeaderSafety {
    /// Throws `makeError(reason)` when `value` contains a forbidden character.
    static func check(_ value: String, makeError: (String) -> MailError) throws(MailError) {
        for byte in value.utf8 {
            switch byte {
            case 0x0D, 0x0A: throw makeError("contains a line break")
            case 0x00: throw makeError("contains a NUL character")
            default: continue
            }
        }
    }
}
