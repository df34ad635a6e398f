#pragma once
// One HTTP GET through libcurl, for importers that poll web sources.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include "core/progress.h"
#include "core/result.h"

namespace kith::import {

/// An HTTP response: status, headers (names lower-cased; the last value of a repeated header)
/// and body.
struct FetchResponse {
    long status = 0;
    std::map<std::string, std::string> headers;
    std::string body;
};

struct FetchOptions {
    std::size_t max_bytes = 16 * 1024 * 1024;  ///< a larger body is an error, never kept
    std::chrono::seconds timeout{30};          ///< the whole request
    std::string accept;                        ///< Accept header, if any
};

/// GETs `url` (http or https only; redirects followed up to 5 times, also only to http or
/// https). TLS is always verified. Errors (ErrorCode::network) say what failed and for which
/// address: unreachable, timed out after N s, a status of 400 or more ("HTTP 404"), a body over
/// `max_bytes`; cancelled when `progress` is cancelled during the transfer. Nothing is written
/// anywhere. Thread-safe (one curl handle per call).
core::Result<FetchResponse> http_get(const std::string& url, const FetchOptions& options,
                                     const core::Progress& progress);

/// "https://blog.example/" + "wp-json/…" without doubled or missing slashes.
std::string join_url(std::string base, std::string_view path);

}  // namespace kith::import
