#include "import/http_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;
using core::Result;

struct Transfer {
    FetchResponse response;
    std::size_t max_bytes = 0;
    bool too_big = false;
    const core::Progress* progress = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t len = size * n;
    if (t->response.body.size() + len > t->max_bytes) {
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

}  // namespace

std::string join_url(std::string base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.pop_back();
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    return base + "/" + std::string(path);
}

Result<FetchResponse> http_get(const std::string& url, const FetchOptions& options,
                               const core::Progress& progress) {
    init_curl();
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
        return make_error(ErrorCode::invalid_input, "\"" + url + "\" is not an http(s) address",
                          "Give the full address, e.g. https://blog.example/comments/feed/");
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) return make_error(ErrorCode::internal, "libcurl could not start a transfer");
    Transfer t;
    t.max_bytes = options.max_bytes;
    t.progress = &progress;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    if (!options.accept.empty())
        headers = curl_slist_append(headers, ("Accept: " + options.accept).c_str());
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> header_list(headers, curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
                     std::min(10L, static_cast<long>(options.timeout.count())));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "Kith/0.1 (personal CRM; comment import)");
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
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return make_error(ErrorCode::cancelled, "download of " + url + " cancelled");
    if (t.too_big)
        return make_error(
            ErrorCode::network,
            url + " sent more than " + std::to_string(options.max_bytes >> 20) + " MiB; stopped",
            "Check the address: a comment feed or API page is far smaller.");
    if (rc == CURLE_OPERATION_TIMEDOUT)
        return make_error(
            ErrorCode::network,
            url + " did not answer within " + std::to_string(options.timeout.count()) + " s",
            "Check the address and your connection, then try again later.");
    if (rc != CURLE_OK)
        return make_error(
            ErrorCode::network,
            "cannot fetch " + url + ": " + (error[0] ? std::string(error) : curl_easy_strerror(rc)),
            "Check the address and your connection.");
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &t.response.status);
    if (t.response.status >= 400)
        return make_error(ErrorCode::network,
                          url + " answered HTTP " + std::to_string(t.response.status),
                          t.response.status == 404 ? "Check the address: nothing is there."
                          : t.response.status == 401 || t.response.status == 403
                              ? "The site refuses access; its comments may not be public."
                              : "The site has a problem; try again later.");
    return std::move(t.response);
}

}  // namespace kith::import
