#pragma once
// The one HTTP GET of Kith, over libcurl, for every importer that fetches from the web (the
// Mastodon API, WordPress REST, comment feeds). Every request is bounded: body size, total
// time, connect time and a stall (low-speed) limit. TLS is always verified.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/result.h"

namespace kith::import {

/// One response: status, body and headers (names lower-cased; the last value of a repeated
/// header).
struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
};

/// What a request sends and the limits it runs under. The defaults suit API pages and feeds.
struct HttpOptions {
    std::string bearer_token;  ///< sent as "Authorization: Bearer …"; never logged or in a URL
    std::string accept;        ///< Accept header, if any
    std::size_t max_body_bytes = std::size_t{16} << 20;  ///< a larger body is an error, not kept
    std::chrono::seconds timeout{60};          ///< the whole request, connect to last byte
    std::chrono::seconds connect_timeout{15};  ///< capped by `timeout`
    /// A transfer slower than `low_speed_bytes` per second for this long is abandoned: a stalled
    /// server fails fast instead of holding the import until `timeout`.
    std::chrono::seconds stall_timeout{30};
    long low_speed_bytes = 1;
    /// Follows redirects (at most 5, http/https only). Never done for requests with a token,
    /// so the token is only ever sent to the address the user gave.
    bool follow_redirects = false;
    /// Refuses plain http except to loopback hosts (for APIs that carry a token).
    bool https_only = false;
    /// An extra trusted CA bundle (a private CA); verification itself is never turned off.
    std::string ca_file;
    /// Longest rate-limit (429) wait honoured; a longer one is an error asking to retry later.
    std::chrono::seconds max_rate_wait{300};
    int max_rate_retries = 3;
};

/// GETs `url` (http or https only). Returns the response of any status but 429, which is retried
/// after Retry-After (seconds) or X-RateLimit-Reset (a date), waiting in steps that report
/// "waiting for the rate limit (N s)" through `progress` and honour cancel. Errors say what
/// failed, for which address and what to do: refused URL (invalid_input); unreachable, TLS
/// certificate not verified, body over the limit, timed out, stalled (network); cancelled.
/// Nothing is written anywhere. Thread-safe (one curl handle per call).
core::Result<HttpResponse> http_get(const std::string& url, const HttpOptions& options,
                                    core::Progress& progress);

/// An error for a status of 400 or more ("… answered HTTP 404", with a hint); ok otherwise.
core::Result<void> http_status_ok(const std::string& url, const HttpResponse& response);

/// The URL of rel="next" in a Link header ("<https://…?max_id=5>; rel=\"next\", <…>;
/// rel=\"prev\""); empty when there is none.
std::string link_next(const std::string& link_header);

/// True for URLs a token may be sent to: https, or http to a loopback host.
bool allowed_url(const std::string& url);

/// "https://blog.example/" + "wp-json/…" without doubled or missing slashes.
std::string join_url(std::string base, std::string_view path);

}  // namespace kith::import
