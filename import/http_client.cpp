#include "import/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <thread>

#include "core/time.h"
#include "import/mastodon_common.h"

namespace kith::import {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct Transfer {
    HttpResponse response;
    std::size_t max_body = 0;
    bool too_big = false;
    core::Progress* progress = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t len = size * n;
    if (t->response.body.size() + len > t->max_body) {
        t->too_big = true;
        return 0;  // aborts the transfer
    }
    t->response.body.append(data, len);
    return len;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t len = size * n;
    std::string line(data, len);
    // A new status line (after a redirect or 100 Continue) starts a new set of headers.
    if (line.rfind("HTTP/", 0) == 0) t->response.headers.clear();
    const auto colon = line.find(':');
    if (colon == std::string::npos) return len;
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto value = line.substr(colon + 1);
    const auto b = value.find_first_not_of(" \t");
    const auto e = value.find_last_not_of(" \t\r\n");
    t->response.headers[name] = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    return len;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* t = static_cast<Transfer*>(user);
    return t->progress && t->progress->cancelled() ? 1 : 0;
}

void init_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// Seconds to wait from Retry-After (seconds) or X-RateLimit-Reset (an ISO date).
std::chrono::seconds rate_wait(const HttpResponse& r) {
    if (const auto it = r.headers.find("retry-after"); it != r.headers.end()) {
        try {
            return std::chrono::seconds{std::max(0L, std::stol(it->second))};
        } catch (...) {
        }
    }
    if (const auto it = r.headers.find("x-ratelimit-reset"); it != r.headers.end()) {
        if (const auto t = core::parse_iso(it->second)) {
            const auto now =
                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
            return std::max(std::chrono::seconds{0}, *t - now);
        }
    }
    return std::chrono::seconds{60};
}

Result<HttpResponse> get_once(const std::string& url, const HttpOptions& options,
                              core::Progress& progress) {
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return make_error(ErrorCode::internal, "libcurl could not start a transfer");
    Transfer t;
    t.max_body = options.max_body_bytes;
    t.progress = &progress;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    if (!options.accept.empty())
        headers = curl_slist_append(headers, ("Accept: " + options.accept).c_str());
    std::string auth;
    if (!options.bearer_token.empty()) {
        auth = "Authorization: Bearer " + options.bearer_token;
        headers = curl_slist_append(headers, auth.c_str());
    }
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(headers, curl_slist_free_all);
    const bool follow = options.follow_redirects && options.bearer_token.empty();
    const long timeout = std::max(1L, static_cast<long>(options.timeout.count()));
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, follow ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    // Verification is libcurl's default; it is set here so that no code path can lose it.
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, options.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                     std::min(timeout, static_cast<long>(options.connect_timeout.count())));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.stall_timeout.count()));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "Kith/0.1 (personal relationship manager)");
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip if the server offers it
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    const auto started = std::chrono::steady_clock::now();
    const CURLcode rc = curl_easy_perform(c);
    const auto took = std::chrono::steady_clock::now() - started;
    std::fill(auth.begin(), auth.end(), '\0');
    const std::string detail = error[0] ? std::string(error) : curl_easy_strerror(rc);
    // The URL never carries a token, so it can be named in messages.
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return make_error(ErrorCode::cancelled, "download of " + url + " cancelled");
    if (t.too_big || rc == CURLE_FILESIZE_EXCEEDED)
        return make_error(ErrorCode::network,
                          url + " sent more than " + std::to_string(options.max_body_bytes >> 20) +
                              " MiB; stopped",
                          "Check the address: an API page or a feed is far smaller.");
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE ||
        rc == CURLE_SSL_ISSUER_ERROR)
        return make_error(ErrorCode::network,
                          "TLS certificate verification failed for " + url + ": " + detail,
                          "Kith never skips verification. Check the address (someone may be "
                          "intercepting the connection); for your own server with a private "
                          "CA, add that CA to the system's store (update-ca-certificates).");
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        if (took + std::chrono::seconds{1} < options.timeout)
            return make_error(ErrorCode::network,
                              url + " stalled: nothing arrived for " +
                                  std::to_string(options.stall_timeout.count()) + " s",
                              "Check the address and your connection, then try again later.");
        return make_error(
            ErrorCode::network,
            url + " did not answer within " + std::to_string(options.timeout.count()) + " s",
            "Check the address and your connection, then try again later.");
    }
    if (rc != CURLE_OK)
        return make_error(ErrorCode::network, "cannot fetch " + url + ": " + detail,
                          "Check the address and your connection, then import again; what was "
                          "imported so far is kept and nothing is duplicated.");
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.response.status);
    return std::move(t.response);
}

}  // namespace

bool allowed_url(const std::string& url) {
    if (url.rfind("https://", 0) == 0) return !url_host(url).empty();
    if (url.rfind("http://", 0) != 0) return false;
    auto host = url_host(url);
    if (const auto colon = host.rfind(':'); colon != std::string::npos && host.front() != '[')
        host = host.substr(0, colon);
    if (host.rfind("[::1]", 0) == 0) return true;
    return host == "localhost" || host.rfind("127.", 0) == 0;
}

std::string link_next(const std::string& link) {
    std::size_t pos = 0;
    while (pos < link.size()) {
        const auto open = link.find('<', pos);
        if (open == std::string::npos) break;
        const auto close = link.find('>', open);
        if (close == std::string::npos) break;
        const auto end = link.find(',', close);
        const auto params =
            link.substr(close + 1, end == std::string::npos ? end : end - close - 1);
        if (params.find("rel=\"next\"") != std::string::npos ||
            params.find("rel=next") != std::string::npos)
            return link.substr(open + 1, close - open - 1);
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    return {};
}

std::string join_url(std::string base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.pop_back();
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    return base + "/" + std::string(path);
}

Result<void> http_status_ok(const std::string& url, const HttpResponse& response) {
    if (response.status < 400) return {};
    return make_error(ErrorCode::network, url + " answered HTTP " + std::to_string(response.status),
                      response.status == 404 ? "Check the address: nothing is there."
                      : response.status == 401 || response.status == 403
                          ? "The site refuses access; its content may not be public."
                          : "The site has a problem; try again later.");
}

Result<HttpResponse> http_get(const std::string& url, const HttpOptions& options,
                              core::Progress& progress) {
    init_curl();
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        return make_error(ErrorCode::invalid_input, "\"" + url + "\" is not an http(s) address",
                          "Give the full address, e.g. https://blog.example/comments/feed/");
    if (options.https_only && !allowed_url(url))
        return make_error(ErrorCode::invalid_input, "refusing to fetch " + url,
                          "Use an https:// address (http only for a server on this machine).");
    for (int attempt = 0;; ++attempt) {
        auto r = get_once(url, options, progress);
        if (!r || r->status != 429) return r;
        const auto wait = rate_wait(*r);
        if (attempt >= options.max_rate_retries || wait > options.max_rate_wait)
            return make_error(ErrorCode::network,
                              "the server's rate limit asks to wait " +
                                  std::to_string(wait.count()) + " s for " + url,
                              "Import again later; what was imported so far is kept.");
        // Wait in short steps so that cancel is honoured and the wait is visible.
        const auto until = std::chrono::steady_clock::now() + wait;
        while (std::chrono::steady_clock::now() < until) {
            const auto left = std::chrono::duration_cast<std::chrono::seconds>(
                until - std::chrono::steady_clock::now());
            progress.update(
                0, 0, "waiting for the rate limit (" + std::to_string(left.count() + 1) + " s)");
            if (progress.cancelled())
                return make_error(ErrorCode::cancelled, "import cancelled while waiting");
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

}  // namespace kith::import
