import CCurl

/// One libcurl easy handle, with one typed method per option used here.
///
/// The handle owns what libcurl only borrows: the error buffer and the recipient `curl_slist`
/// live exactly as long as the handle uses them. Keeping the handle keeps its connection open,
/// so consecutive ``perform()`` calls to the same server share one SMTP session.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize = Int(rq_error_buffer_size())
    private var recipients: UnsafeMutablePointer<curl_slist>?

    /// libcurl's process-wide setup, run once before the first handle.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init() throws(MailError) {
        guard Self.globalInit == CURLE_OK, let handle = curl_easy_init() else {
            throw .transferFailed(
                curlCode: Int(CURLE_FAILED_INIT.rawValue), reason: "libcurl did not initialise")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        rq_easy_setopt_error_buffer(handle, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)  // sends QUIT on an open SMTP connection
        curl_slist_free_all(recipients)
        errorBuffer.deallocate()
    }

    /// Sets a `long` option such as `CURLOPT_USE_SSL` or `CURLOPT_TIMEOUT_MS`.
    func set(_ option: CURLoption, _ value: Int) {
        rq_easy_setopt_long(handle, option, value)
    }

    /// Sets a string option; libcurl keeps its own copy.
    func set(_ option: CURLoption, _ value: String) {
        rq_easy_setopt_string(handle, option, value)
    }

    /// Replaces `CURLOPT_MAIL_RCPT`, freeing the previous list only after libcurl lets go of it.
    func setRecipients(_ addresses: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for address in addresses { list = curl_slist_append(list, address) }
        rq_easy_setopt_mail_rcpt(handle, list)
        curl_slist_free_all(recipients)
        recipients = list
    }

    /// Installs the upload callback and the context pointer it receives.
    func setReader(_ callback: curl_read_callback, context: UnsafeMutableRawPointer) {
        rq_easy_setopt_read_function(handle, callback)
        rq_easy_setopt_read_data(handle, context)
    }

    /// Runs one transfer; returns libcurl's code and its error text (empty when none).
    func perform() -> (code: CURLcode, detail: String) {
        errorBuffer[0] = 0
        let code = curl_easy_perform(handle)
        let detail = String(cString: errorBuffer)
        return (code, detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
    }

    /// A `long` transfer info such as `CURLINFO_RESPONSE_CODE` (the last SMTP reply code).
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        rq_easy_getinfo_long(handle, info, &value)
        return value
    }
}
