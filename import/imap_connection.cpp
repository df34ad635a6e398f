#include "import/imap_connection.h"

#include <curl/curl.h>
#include <poll.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <vector>

namespace kith::import {

namespace {

using core::ErrorCode;
using core::make_error;

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() &&
            std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(
                static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

/// "{123}" or "{123+}" at the end of a line: the size of the literal that follows.
std::optional<std::size_t> literal_size(std::string_view line) {
    if (line.empty() || line.back() != '}') return std::nullopt;
    const auto open = line.rfind('{');
    if (open == std::string_view::npos) return std::nullopt;
    auto digits = line.substr(open + 1, line.size() - open - 2);
    if (!digits.empty() && digits.back() == '+') digits.remove_suffix(1);
    if (digits.empty() || digits.size() > 12) return std::nullopt;
    std::size_t n = 0;
    for (const char c : digits) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

}  // namespace

std::string ImapUrl::server() const {
    return std::string(tls ? "imaps://" : "imap://") + host + ":" + std::to_string(port);
}

core::Result<ImapUrl> parse_imap_url(std::string_view url) {
    ImapUrl u;
    const auto hint =
        "Example: imaps://ana@imap.example.org/INBOX (imaps://user@host[:port]/MAILBOX)";
    if (url.substr(0, 8) == "imaps://") {
        url.remove_prefix(8);
    } else if (url.substr(0, 7) == "imap://") {
        u.tls = false;
        u.port = 143;
        url.remove_prefix(7);
    } else {
        return make_error(ErrorCode::invalid_input,
                          "\"" + std::string(url) + "\" is not an imap:// or imaps:// URL", hint);
    }
    const auto slash = url.find('/');
    auto authority = url.substr(0, slash);
    if (slash != std::string_view::npos) u.mailbox = percent_decode(url.substr(slash + 1));
    while (!u.mailbox.empty() && u.mailbox.back() == '/') u.mailbox.pop_back();
    const auto at = authority.rfind('@');
    if (at == std::string_view::npos || at == 0)
        return make_error(ErrorCode::invalid_input, "the IMAP URL names no user", hint);
    u.user = percent_decode(authority.substr(0, at));
    if (u.user.find(':') != std::string::npos)
        return make_error(ErrorCode::invalid_input, "the IMAP URL must not contain a password",
                          "Give the password when asked (or in KITH_IMAP_PASSWORD for scripts).");
    authority.remove_prefix(at + 1);
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        const std::string port(authority.substr(colon + 1));
        char* end = nullptr;
        const long p = std::strtol(port.c_str(), &end, 10);
        if (port.empty() || *end != '\0' || p < 1 || p > 65535)
            return make_error(ErrorCode::invalid_input, "bad port \"" + port + "\" in the IMAP URL",
                              hint);
        u.port = static_cast<int>(p);
        authority = authority.substr(0, colon);
    }
    if (authority.empty())
        return make_error(ErrorCode::invalid_input, "the IMAP URL names no host", hint);
    u.host = std::string(authority);
    return u;
}

std::string imap_utf7(std::string_view utf8) {
    static constexpr char kB64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    std::string out;
    std::vector<std::uint16_t> units;  // the UTF-16 run being encoded
    const auto flush = [&] {
        if (units.empty()) return;
        out.push_back('&');
        std::uint32_t bits = 0;
        int nbits = 0;
        for (const auto u : units) {
            bits = (bits << 16) | u;
            nbits += 16;
            while (nbits >= 6) {
                nbits -= 6;
                out.push_back(kB64[(bits >> nbits) & 0x3F]);
            }
        }
        if (nbits > 0) out.push_back(kB64[(bits << (6 - nbits)) & 0x3F]);
        out.push_back('-');
        units.clear();
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c < 0x7F) {
            flush();
            out += c == '&' ? std::string("&-") : std::string(1, static_cast<char>(c));
            ++i;
            continue;
        }
        const std::size_t n = c < 0x80         ? 1
                              : (c >> 5) == 6  ? 2
                              : (c >> 4) == 14 ? 3
                              : (c >> 3) == 30 ? 4
                                               : 0;
        std::uint32_t cp = 0xFFFD;
        if (n > 1 && i + n <= utf8.size()) {
            cp = c & (0xFF >> (n + 1));
            for (std::size_t k = 1; k < n; ++k) {
                const auto cc = static_cast<unsigned char>(utf8[i + k]);
                if ((cc & 0xC0) != 0x80) {
                    cp = 0xFFFD;
                    break;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
        } else if (n == 1) {
            cp = c;  // a control character: encoded, as RFC 3501 requires
        }
        i += n > 1 && i + n <= utf8.size() ? n : 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            units.push_back(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
            units.push_back(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            units.push_back(static_cast<std::uint16_t>(cp));
        }
    }
    flush();
    return out;
}

std::string imap_quote(std::string_view mailbox) {
    std::string out = "\"";
    for (const char c : mailbox) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "\"";
}

struct ImapConnection::Curl {
    CURL* handle = nullptr;
    ~Curl() {
        if (handle) curl_easy_cleanup(handle);
    }
};

ImapConnection::ImapConnection(std::unique_ptr<Curl> curl, std::string server,
                               const ImapLimits& limits)
    : m_curl(std::move(curl)),
      m_server(std::move(server)),
      m_limits(limits),
      m_deadline(std::chrono::steady_clock::now() + limits.command_timeout) {}

ImapConnection::~ImapConnection() = default;

core::Result<std::unique_ptr<ImapConnection>> ImapConnection::open(const ImapUrl& url,
                                                                   const std::string& password,
                                                                   const std::string& ca_file,
                                                                   const ImapLimits& limits) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    auto curl = std::make_unique<Curl>();
    curl->handle = curl_easy_init();
    if (!curl->handle) return make_error(ErrorCode::internal, "libcurl could not start");
    CURL* h = curl->handle;
    const std::string target = url.server() + "/";
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(h, CURLOPT_URL, target.c_str());
    curl_easy_setopt(h, CURLOPT_USERNAME, url.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, password.c_str());
    curl_easy_setopt(h, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file.c_str());
    const long login = std::max(1L, static_cast<long>(limits.login_timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(30L, login));
    // With CONNECT_ONLY, curl_easy_perform covers the greeting, STARTTLS and LOGIN: a server
    // that accepts the connection and then says nothing fails here, in bounded time.
    curl_easy_setopt(h, CURLOPT_TIMEOUT, login);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    const std::string server = url.server();
    if (rc == CURLE_LOGIN_DENIED) {
        return make_error(ErrorCode::network, server + " refused the login of " + url.user,
                          "Check the user name and password (some providers need an app "
                          "password for IMAP).");
    }
    if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE) {
        return make_error(ErrorCode::network,
                          "the TLS certificate of " + server +
                              " is not trusted: " + (*error ? error : curl_easy_strerror(rc)),
                          "For a server with its own certificate authority, pass its CA file "
                          "with --option ca_file=PATH. Verification is never turned off.");
    }
    if (rc == CURLE_OPERATION_TIMEDOUT) {
        return make_error(
            ErrorCode::network,
            server + " did not complete the login within " + std::to_string(login) + " s",
            "Check the host name and port (is it an IMAP server?) and try again.");
    }
    if (rc == CURLE_USE_SSL_FAILED) {
        return make_error(ErrorCode::network, server + " does not offer TLS (STARTTLS)",
                          "Kith never sends a password unencrypted; use the server's imaps port.");
    }
    if (rc != CURLE_OK) {
        return make_error(
            ErrorCode::network,
            "cannot connect to " + server + ": " + (*error ? error : curl_easy_strerror(rc)),
            "Check the host name, the port and the network connection.");
    }
    return std::unique_ptr<ImapConnection>(new ImapConnection(std::move(curl), server, limits));
}

core::Result<void> ImapConnection::send_all(std::string_view data) {
    while (!data.empty()) {
        std::size_t sent = 0;
        const CURLcode rc = curl_easy_send(m_curl->handle, data.data(), data.size(), &sent);
        if (rc == CURLE_AGAIN) {
            curl_socket_t sock = CURL_SOCKET_BAD;
            curl_easy_getinfo(m_curl->handle, CURLINFO_ACTIVESOCKET, &sock);
            pollfd p{static_cast<int>(sock), POLLOUT, 0};
            if (::poll(&p, 1, static_cast<int>(m_limits.stall_timeout.count() * 1000)) <= 0)
                return make_error(ErrorCode::network, m_server + " stopped accepting data");
            continue;
        }
        if (rc != CURLE_OK) {
            return make_error(ErrorCode::network,
                              "connection to " + m_server + " lost: " + curl_easy_strerror(rc),
                              "Run the import again; it continues where it stopped.");
        }
        data.remove_prefix(sent);
    }
    return {};
}

core::Result<void> ImapConnection::fill() {
    if (m_in_pos > 0 && m_in_pos == m_in.size()) {
        m_in.clear();
        m_in_pos = 0;
    } else if (m_in_pos > (1 << 20)) {
        m_in.erase(0, m_in_pos);
        m_in_pos = 0;
    }
    char buf[64 * 1024];
    for (;;) {
        std::size_t n = 0;
        const CURLcode rc = curl_easy_recv(m_curl->handle, buf, sizeof buf, &n);
        if (rc == CURLE_AGAIN) {
            curl_socket_t sock = CURL_SOCKET_BAD;
            curl_easy_getinfo(m_curl->handle, CURLINFO_ACTIVESOCKET, &sock);
            pollfd p{static_cast<int>(sock), POLLIN, 0};
            const auto now = std::chrono::steady_clock::now();
            if (now >= m_deadline) {
                return make_error(ErrorCode::network,
                                  m_server + " did not finish a command within " +
                                      std::to_string(m_limits.command_timeout.count()) + " s",
                                  "Run the import again later; it continues where it stopped.");
            }
            const auto wait = std::min<std::chrono::milliseconds>(
                m_limits.stall_timeout,
                std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - now) +
                    std::chrono::milliseconds{1});
            if (::poll(&p, 1, static_cast<int>(wait.count())) <= 0 &&
                std::chrono::steady_clock::now() < m_deadline) {
                return make_error(ErrorCode::network,
                                  m_server + " stalled: nothing arrived for " +
                                      std::to_string(m_limits.stall_timeout.count()) + " s",
                                  "Run the import again later; it continues where it stopped.");
            }
            continue;
        }
        if (rc != CURLE_OK || n == 0) {
            return make_error(
                ErrorCode::network,
                "connection to " + m_server + " lost" +
                    (rc != CURLE_OK ? std::string(": ") + curl_easy_strerror(rc) : std::string()),
                "Run the import again; it continues where it stopped.");
        }
        m_command_bytes += n;
        if (m_command_bytes > m_limits.max_command_bytes) {
            return make_error(ErrorCode::network,
                              m_server + " sent more than " +
                                  std::to_string(m_limits.max_command_bytes >> 20) +
                                  " MiB for one command; stopped",
                              "The server is not behaving like an IMAP server; check the URL.");
        }
        m_in.append(buf, n);
        return {};
    }
}

core::Result<std::string> ImapConnection::read_line() {
    for (;;) {
        const auto crlf = m_in.find("\r\n", m_in_pos);
        if (crlf != std::string::npos) {
            std::string line = m_in.substr(m_in_pos, crlf - m_in_pos);
            m_in_pos = crlf + 2;
            return line;
        }
        if (m_in.size() - m_in_pos > kMaxLiteral) {
            return make_error(ErrorCode::network,
                              m_server + " sent a response line longer than 1 MiB");
        }
        if (auto r = fill(); !r) return r.error();
    }
}

core::Result<void> ImapConnection::read_literal(std::size_t n, ImapResponse& r) {
    std::string data;
    while (n > 0) {
        if (m_in_pos == m_in.size())
            if (auto f = fill(); !f) return f;
        const auto take = std::min(n, m_in.size() - m_in_pos);
        const auto keep = std::min(take, kMaxLiteral - std::min(kMaxLiteral, data.size()));
        data.append(m_in, m_in_pos, keep);
        if (keep < take) r.literal_truncated = true;
        m_in_pos += take;
        n -= take;
    }
    r.literals.emplace_back(r.line.size(), std::move(data));
    return {};
}

core::Result<void> ImapConnection::run(
    const std::string& command, const std::function<void(const ImapResponse&)>& on_response) {
    const std::string tag = "K" + std::to_string(++m_tag);
    m_deadline = std::chrono::steady_clock::now() + m_limits.command_timeout;
    m_command_bytes = 0;
    if (auto r = send_all(tag + " " + command + "\r\n"); !r) return r;
    for (;;) {
        ImapResponse response;
        for (;;) {
            auto line = read_line();
            if (!line) return line.error();
            response.line += *line;
            const auto n = literal_size(*line);
            if (!n) break;
            if (auto r = read_literal(*n, response); !r) return r;
        }
        const std::string& line = response.line;
        if (line.rfind(tag + " ", 0) == 0) {
            const std::string status = line.substr(tag.size() + 1);
            if (status.rfind("OK", 0) == 0) return {};
            return make_error(ErrorCode::invalid_input, m_server + " refused \"" +
                                                            command.substr(0, command.find(' ')) +
                                                            "\": " + status.substr(0, 200));
        }
        if (line.rfind("+", 0) == 0) continue;  // a continuation request; we send no literals
        if (line.rfind("* BYE", 0) == 0) {
            return make_error(ErrorCode::network, m_server + " closed the session: " + line,
                              "Run the import again; it continues where it stopped.");
        }
        on_response(response);
    }
}

void ImapConnection::logout() {
    (void)run("LOGOUT", [](const ImapResponse&) {});
}

}  // namespace kith::import
