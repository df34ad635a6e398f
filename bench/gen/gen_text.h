#pragma once
// Text helpers of the generator: buffered output, dates in each format's own spelling, base64
// and the encodings mail needs, and filler prose.

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "bench/gen/gen_random.h"

namespace kith::bench {

/// A file written through a large buffer; throws std::runtime_error on I/O failure.
class TextOut {
  public:
    explicit TextOut(const std::filesystem::path& path);
    ~TextOut();
    TextOut(const TextOut&) = delete;
    TextOut& operator=(const TextOut&) = delete;
    void put(std::string_view s);
    /// Flushes and closes; errors are thrown here rather than lost in the destructor.
    void close();

  private:
    void flush();
    std::filesystem::path m_path;
    std::ofstream m_out;
    std::string m_buf;
};

/// `t` (UTC) formatted with strftime in the C locale, shifted by `offset_minutes`.
std::string format_time(std::time_t t, const char* fmt, int offset_minutes = 0);
/// RFC 5322 date with a numeric zone: "Mon, 02 Jun 2025 10:00:00 +0200".
std::string rfc5322_date(std::time_t t, int offset_minutes);
/// ISO 8601 UTC with milliseconds: "2026-02-01T10:00:00.000Z".
std::string iso_millis(std::time_t t);
/// Base64 of `data`, lines of 76 characters when `wrap`.
std::string base64(std::string_view data, bool wrap);
/// An RFC 2047 encoded word when `s` is not ASCII (Q encoding when `q`, else B), else `s`.
std::string encoded_word(std::string_view s, bool q = false);
/// Quoted-printable (RFC 2045) with soft line breaks.
std::string quoted_printable(std::string_view s);
/// A JSON string literal (quoted, escaped).
std::string json_string(std::string_view s);
/// `s` with &, <, > and " escaped for XML text and attributes.
std::string xml_escape(std::string_view s);
/// `words` words of filler prose, some of it non-ASCII.
std::string prose(GenRandom& rng, std::size_t words);

}  // namespace kith::bench
