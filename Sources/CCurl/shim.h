// Typed wrappers around libcurl's variadic entry points, which Swift cannot call.
// One helper per option (or option type); each passes exactly the C type libcurl expects.
#ifndef REPAIRQUOTE_CCURL_SHIM_H
#define REPAIRQUOTE_CCURL_SHIM_H

#include <curl/curl.h>

/// Sets an option that takes a `long` (flags, timeouts in milliseconds, enums such as CURLOPT_USE_SSL).
static inline CURLcode rq_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a NUL-terminated string; libcurl copies it.
static inline CURLcode rq_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets CURLOPT_MAIL_RCPT. libcurl does NOT copy the list: it must outlive every transfer using it.
static inline CURLcode rq_easy_setopt_mail_rcpt(CURL *handle, struct curl_slist *recipients) {
    return curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients);
}

/// Sets CURLOPT_READFUNCTION, the callback that supplies the upload (the message bytes).
static inline CURLcode rq_easy_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// Sets CURLOPT_READDATA, the opaque pointer handed to the read callback.
static inline CURLcode rq_easy_setopt_read_data(CURL *handle, void *userdata) {
    return curl_easy_setopt(handle, CURLOPT_READDATA, userdata);
}

/// Sets CURLOPT_ERRORBUFFER; the buffer (CURL_ERROR_SIZE bytes) must outlive the handle.
static inline CURLcode rq_easy_setopt_error_buffer(CURL *handle, char *buffer) {
    return curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, buffer);
}

/// Reads a `long` transfer info such as CURLINFO_RESPONSE_CODE or CURLINFO_NUM_CONNECTS.
static inline CURLcode rq_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The size libcurl requires for CURLOPT_ERRORBUFFER.
static inline int rq_error_buffer_size(void) { return CURL_ERROR_SIZE; }

#endif
