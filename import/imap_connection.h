#pragma once
// A logged-in IMAP session: libcurl connects, verifies TLS and logs in; commands and responses
// (with literals) are spoken over the connection it hands back.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace kith::import {

/// "imaps://user@host:993/INBOX" taken apart. The user name and mailbox are percent-decoded.
struct ImapUrl {
    bool tls = true;  ///< imaps (TLS from the start); imap means STARTTLS, still required
    std::string user, host;
    int port = 993;
    std::string mailbox;  ///< empty: none named in the URL
    /// The URL without user or mailbox ("imaps://host:993"), for messages and locations.
    std::string server() const;
};

/// Parses an imap:// or imaps:// URL; errors (invalid_input) say what is missing. Pure.
core::Result<ImapUrl> parse_imap_url(std::string_view url);

/// A UTF-8 mailbox name in IMAP's modified UTF-7 (RFC 3501 section 5.1.3): "Entwürfe" →
/// "Entw&APw-rfe", "R&D" → "R&-D"; ASCII names other than '&' are unchanged. Names that LIST
/// returns are already encoded and must not be encoded again. Invalid UTF-8 bytes become U+FFFD.
/// Pure.
std::string imap_utf7(std::string_view utf8);

/// A mailbox name as an IMAP quoted string ("Sent Items" → "\"Sent Items\""). Pure.
std::string imap_quote(std::string_view mailbox);

/// One untagged response ("* 3 FETCH (UID 7 BODY[HEADER] {120}…)") with its literals taken out:
/// `line` holds the text with each literal's "{N}" marker kept, `literals` the literal bytes and
/// the offset in `line` just after its marker.
struct ImapResponse {
    std::string line;
    std::vector<std::pair<std::size_t, std::string>> literals;
    bool literal_truncated = false;  ///< a literal was longer than the cap and was cut
};

/// The bounds every IMAP session runs under, so that a slow, stalled or hostile server costs
/// bounded time and memory.
struct ImapLimits {
    std::chrono::seconds login_timeout{60};     ///< connect, TLS and login together
    std::chrono::seconds stall_timeout{60};     ///< no byte from the server for this long
    std::chrono::seconds command_timeout{600};  ///< one command up to its completion
    /// Bytes one command may receive in all (its untagged responses and literals).
    std::size_t max_command_bytes = std::size_t{512} << 20;
};

/// One IMAP session on one thread. TLS is verified always (with `ca_file` when given, else the
/// system's CAs); plain imap:// upgrades with STARTTLS or fails. Not thread-safe.
class ImapConnection {
  public:
    /// Longest literal kept; longer ones are read past and `literal_truncated` is set.
    static constexpr std::size_t kMaxLiteral = std::size_t{1} << 20;

    /// Connects and logs in. Errors (ErrorCode::network) distinguish: cannot connect, TLS
    /// certificate not trusted, login refused (wrong user name or password), other failures.
    static core::Result<std::unique_ptr<ImapConnection>> open(const ImapUrl& url,
                                                              const std::string& password,
                                                              const std::string& ca_file,
                                                              const ImapLimits& limits = {});
    ~ImapConnection();
    ImapConnection(const ImapConnection&) = delete;
    ImapConnection& operator=(const ImapConnection&) = delete;

    /// Sends `command` with a fresh tag and passes every untagged response to `on_response`
    /// until the tagged completion. A NO or BAD completion is an invalid_input error carrying the
    /// server's text (the session goes on); a dropped connection or a silent server (`timeout`)
    /// is a network error (the session is over), and so is a command over the limits' time or
    /// size.
    core::Result<void> run(const std::string& command,
                           const std::function<void(const ImapResponse&)>& on_response);

    /// Sends LOGOUT and closes; errors are ignored (the session is over either way).
    void logout();

  private:
    struct Curl;
    ImapConnection(std::unique_ptr<Curl> curl, std::string server, const ImapLimits& limits);
    core::Result<void> send_all(std::string_view data);
    core::Result<void> fill();  ///< reads more bytes into m_in
    core::Result<std::string> read_line();
    core::Result<void> read_literal(std::size_t n, ImapResponse& r);

    std::unique_ptr<Curl> m_curl;
    std::string m_server;
    std::string m_in;
    std::size_t m_in_pos = 0;
    unsigned m_tag = 0;
    ImapLimits m_limits;
    std::chrono::steady_clock::time_point m_deadline;  ///< of the running command
    std::size_t m_command_bytes = 0;                   ///< received by the running command
};

}  // namespace kith::import
