import CCurl

/// Maps a failed libcurl transfer to a ``MailError`` that says what failed and whether a retry
/// can help.
///
/// Order matters: TLS and authentication problems first (they carry their own meaning), then
/// the SMTP reply code (4xx transient, 5xx permanent), then connection-level failures.
enum SMTPFailure {
    static func classify(_ code: CURLcode, smtpCode: Int, detail: String) -> MailError {
        switch code {
        case CURLE_USE_SSL_FAILED:
            return .tlsNotOffered(reason: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR:
            return .tlsFailed(reason: detail)
        case CURLE_LOGIN_DENIED:
            return .authenticationFailed(smtpCode: smtpCode, reason: detail)
        default:
            break
        }
        if smtpCode >= 400 {
            return .rejected(smtpCode: smtpCode, reason: detail)
        }
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectionFailed(reason: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(reason: detail)
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY:
            return .connectionLost(reason: detail)
        default:
            return .transferFailed(curlCode: Int(code.rawValue), reason: detail)
        }
    }
}
