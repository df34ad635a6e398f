#include "import/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "core/time.h"
#include "import/mastodon_common.h"

namespace kith::import {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct Receiver {
    HttpResponse* response;
    std::size_t max_body;
    bool too_big = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* r = static_cast<Receiver*>(user);
    const std::size_t len = size * n;
    if (r->response->body.size() + len > r->max_body) {
        r->too_big = true;
        return 0;  // aborts the transfer
    }
    r->response->body.append(data, len);
    return len;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* r = static_cast<Receiver*>(user);
    const std::size_t len = size * n;
    std::string line(data, len);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto value = line.substr(colon + 1);
        const auto b = value.find_first_not_of(" \t");
        const auto e = value.find_last_not_of(" \t\r\n");
        r->response->headers[name] = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    } else if (line.rfind("HTTP/", 0) == 0) {
        r->response->headers.clear();  // a new response (after 100 Continue)
    }
    return len;
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

HttpClient::HttpClient(HttpOptions options)
    : m_curl(curl_easy_init()), m_options(std::move(options)) {}

HttpClient::~HttpClient() {
    curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

Result<HttpResponse> HttpClient::get_once(const std::string& url) {
    auto* curl = static_cast<CURL*>(m_curl);
    if (!curl) return make_error(ErrorCode::internal, "libcurl could not start");
    if (!allowed_url(url))
        return make_error(ErrorCode::invalid_input, "refusing to fetch " + url,
                          "Use an https:// address (http only for a server on this machine).");
    HttpResponse response;
    Receiver receiver{&response, m_options.max_body_bytes};
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, m_options.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Kith (personal relationship manager)");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &receiver);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &receiver);
    struct curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
    std::string auth;
    if (!m_options.bearer_token.empty()) {
        auth = "Authorization: Bearer " + m_options.bearer_token;
        headers = curl_slist_append(headers, auth.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    std::fill(auth.begin(), auth.end(), '\0');
    // The URL never carries the token, so it can be named in messages.
    if (receiver.too_big)
        return make_error(
            ErrorCode::network,
            url + " answered more than " + std::to_string(m_options.max_body_bytes >> 20) + " MiB",
            "The server is not behaving like a Mastodon server.");
    if (rc != CURLE_OK)
        return make_error(ErrorCode::network, "cannot fetch " + url + ": " + curl_easy_strerror(rc),
                          "Check the address and your connection, then import again; what was "
                          "imported so far is kept and nothing is duplicated.");
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

Result<HttpResponse> HttpClient::get(const std::string& url, core::Progress& progress) {
    for (int attempt = 0;; ++attempt) {
        auto r = get_once(url);
        if (!r || r->status != 429) return r;
        const auto wait = rate_wait(*r);
        if (attempt >= m_options.max_rate_retries || wait > m_options.max_rate_wait)
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
