#pragma once
// A small HTTPS GET client over libcurl for the API importers: bearer token, bounded response
// size, rate-limit waits, and errors that say what to do.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/progress.h"
#include "core/result.h"

namespace kith::import {

/// One response: status, body and the headers the importers use (lower-cased names).
struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
};

/// Options of an HttpClient.
struct HttpOptions {
    std::string bearer_token;  ///< sent as "Authorization: Bearer …"; never logged
    std::size_t max_body_bytes = 16 << 20;
    long timeout_seconds = 60;
    /// Longest rate-limit wait honoured; a longer one is an error asking to retry later.
    std::chrono::seconds max_rate_wait{300};
    int max_rate_retries = 3;
};

/// GETs URLs. Only https is used, except http to loopback hosts (127.0.0.1, localhost, [::1])
/// for local servers and tests; TLS verification is never turned off; redirects are not
/// followed. A 429 is retried after Retry-After (seconds) or X-RateLimit-Reset (a date), waiting
/// in steps that report "waiting for the rate limit (N s)" through the progress and honour
/// cancel. Not thread-safe.
class HttpClient {
  public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// The response of any status but 429 (after the allowed retries), or a network Error
    /// (connection refused or dropped, timeout, body too large, refused URL).
    core::Result<HttpResponse> get(const std::string& url, core::Progress& progress);

  private:
    core::Result<HttpResponse> get_once(const std::string& url);
    void* m_curl;
    HttpOptions m_options;
};

/// The URL of rel="next" in a Link header ("<https://…?max_id=5>; rel=\"next\", <…>;
/// rel=\"prev\""); empty when there is none.
std::string link_next(const std::string& link_header);

/// True for URLs the client may fetch: https, or http to a loopback host.
bool allowed_url(const std::string& url);

}  // namespace kith::import
