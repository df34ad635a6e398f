#include "import/json_element_stream.h"

#include <algorithm>
#include <cstring>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace kith::import {

using core::ErrorCode;
using core::make_error;
using core::Result;
using json = nlohmann::json;

namespace {

constexpr std::size_t kMaxPrefixBytes = 4096;
/// Longest string the parser is given (no real post, message or name comes near).
constexpr std::uint64_t kMaxString = std::uint64_t{4} << 20;
/// Bytes read from the source at a time; an element crossing a chunk's end is parsed again
/// from its start once the next chunk is in (elements are small next to this).
constexpr std::size_t kChunk = 256 * 1024;

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// The input as a window of bytes over the source: whatever lies before `pos` may be dropped at
/// the next refill, so memory is one chunk plus the element being read.
class Window {
  public:
    Window(std::streambuf* source, std::uint64_t base) : m_source(source), m_base(base) {
        m_buf.resize(kChunk);
    }

    /// Reads more after dropping what lies before `pos`; grows the buffer (up to `max_size`)
    /// when the bytes kept fill it. False at the end of the input (or at max_size).
    bool refill(std::size_t max_size) {
        if (m_pos > 0) {
            std::memmove(m_buf.data(), m_buf.data() + m_pos, m_end - m_pos);
            m_base += m_pos;
            m_end -= m_pos;
            m_pos = 0;
        }
        if (m_end == m_buf.size()) {
            if (m_buf.size() >= max_size) return false;
            m_buf.resize(std::min(max_size, m_buf.size() * 2));
        }
        const auto n = m_source->sgetn(m_buf.data() + m_end,
                                       static_cast<std::streamsize>(m_buf.size() - m_end));
        if (n <= 0) {
            m_eof = true;
            return false;
        }
        m_end += static_cast<std::size_t>(n);
        return true;
    }

    /// The next byte that is not white space (consumed up to it), or -1 at the end.
    int peek() {
        for (;;) {
            while (m_pos < m_end && is_space(m_buf[m_pos])) ++m_pos;
            if (m_pos < m_end) return static_cast<unsigned char>(m_buf[m_pos]);
            if (m_eof || !refill(m_buf.size())) return -1;
        }
    }

    const char* data() const { return m_buf.data() + m_pos; }
    std::size_t available() const { return m_end - m_pos; }
    bool eof() const { return m_eof; }
    void advance(std::size_t n) { m_pos += n; }
    /// Absolute byte offset of data()[i].
    std::uint64_t offset(std::size_t i = 0) const { return m_base + m_pos + i; }

  private:
    std::streambuf* m_source;
    std::vector<char> m_buf;
    std::size_t m_pos = 0, m_end = 0;
    std::uint64_t m_base;
    bool m_eof = false;
};

/// The array's elements, read from a Window: the document's outer structure is walked here,
/// each value parsed from memory by JsonValueParser.
class ElementReader {
  public:
    ElementReader(std::streambuf* source, std::uint64_t base, const ElementStreamOptions& o,
                  const ElementCallback& on_element, const OversizeCallback& on_oversize)
        : m_in(source, base),
          m_opt(o),
          m_on_element(on_element),
          m_on_oversize(on_oversize),
          m_parser(JsonValueLimits{
              static_cast<std::size_t>(std::min(kMaxString, o.max_element_bytes)), 4096}) {}

    Result<void> run() {
        const int c = m_in.peek();
        if (c < 0) return {};
        if (c == '{' && m_opt.at == ArrayAt::root)
            return fail("expected a JSON array, found an object");
        if (c == '[' && m_opt.at == ArrayAt::ordered_items)
            return fail("expected a JSON object with \"orderedItems\", found an array");
        if (c != '[' && c != '{') {
            if (c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')
                return fail("expected a JSON array, found a single value");
            return syntax(0, std::string("unexpected '") + static_cast<char>(c) + "'");
        }
        m_in.advance(1);
        if (c == '[') return items();
        return members();
    }

    bool saw_target() const { return m_saw_target; }

  private:
    Result<void> fail(std::string message) { return make_error(ErrorCode::format, message); }

    Result<void> syntax(std::size_t at, const std::string& what) {
        return fail("invalid JSON at byte " + std::to_string(m_in.offset(at)) + ": " + what);
    }

    /// The collection's members: "orderedItems" streamed, every other value checked.
    Result<void> members() {
        if (m_in.peek() == '}') return {};
        for (;;) {
            if (m_in.peek() != '"') return syntax(0, "expected a string key in an object");
            json key;
            bool oversize = false;
            if (auto r = value(true, nullptr, key, oversize); !r) return r;
            if (m_in.peek() != ':') return syntax(0, "expected ':' after an object key");
            m_in.advance(1);
            const int c = m_in.peek();
            if (key == "orderedItems" && c == '{') return fail("\"orderedItems\" is not an array");
            if (key == "orderedItems" && c == '[') {
                m_in.advance(1);
                m_saw_target = true;
                if (auto r = items(); !r) return r;
            } else {
                json ignored;
                if (auto r = value(false, nullptr, ignored, oversize); !r) return r;
            }
            const int next = m_in.peek();
            if (next == '}') return {};
            if (next != ',') return syntax(0, "expected ',' or '}' after an object member");
            m_in.advance(1);
        }
    }

    /// The array's items up to its ']' (already past '[').
    Result<void> items() {
        if (m_in.peek() == ']') {
            m_in.advance(1);
            return {};
        }
        for (;;) {
            if (auto r = element(); !r) return r;
            const int next = m_in.peek();
            if (next == ']') {
                m_in.advance(1);
                return {};
            }
            if (next != ',') {
                if (next < 0) return syntax(0, "unexpected end of input in the array");
                return syntax(0, "expected ',' or ']' after an array item");
            }
            m_in.advance(1);
        }
    }

    Result<void> element() {
        const auto index = m_index++;
        const bool build = !m_opt.validate_only;
        bool oversize = false;
        if (auto r = value(build, m_opt.keep_keys, m_element, oversize); !r) return r;
        if (oversize) {
            if (build && m_on_oversize) m_on_oversize(index);
            return {};
        }
        if (!build) return {};
        auto r = m_on_element(m_element, index);
        m_element = json();
        return r;
    }

    /// Parses the value at the window's position into `out` (when `build`). A value over the
    /// element size limit is passed over instead, and `oversize` set.
    Result<void> value(bool build, const JsonKeyFilter* filter, json& out, bool& oversize) {
        if (m_in.peek() < 0) return syntax(0, "unexpected end of input where a value should be");
        const std::size_t limit = static_cast<std::size_t>(m_opt.max_element_bytes);
        for (;;) {
            const auto status =
                m_parser.parse(m_in.data(), m_in.available(), m_in.eof(), build, filter, out);
            if (status == JsonValueParser::Status::done) {
                m_in.advance(m_parser.consumed());
                return {};
            }
            if (status == JsonValueParser::Status::error) {
                const auto at = m_parser.error_offset();
                if (m_parser.limit_exceeded())
                    return fail(m_parser.error() + " before byte " +
                                std::to_string(m_in.offset(at)) +
                                "; refused (a damaged or hostile file)");
                return syntax(at, m_parser.error());
            }
            if (m_in.available() >= limit) {
                oversize = true;
                return pass_over();
            }
            // The window is at least one chunk past the value's start, or the value is too
            // big for anything but pass_over: keep the buffer within the element limit.
            m_in.refill(std::max(limit + kChunk, kChunk));
        }
    }

    /// Passes over an element too big to hold by its structure alone (strings, brackets),
    /// dropping the bytes as they go.
    Result<void> pass_over() {
        int depth = 0;
        bool in_string = false, escape = false;
        std::uint64_t run = 0;
        for (;;) {
            const char* p = m_in.data();
            const std::size_t n = m_in.available();
            for (std::size_t i = 0; i < n; ++i) {
                const char c = p[i];
                if (in_string) {
                    if (++run > kMaxString)
                        return fail("a string longer than " + std::to_string(kMaxString >> 20) +
                                    " MiB before byte " + std::to_string(m_in.offset(i)) +
                                    "; refused (a damaged or hostile file)");
                    if (escape) {
                        escape = false;
                    } else if (c == '\\') {
                        escape = true;
                    } else if (c == '"') {
                        in_string = false;
                        if (depth == 0) return done_at(i + 1);
                    }
                } else if (c == '"') {
                    in_string = true;
                    run = 0;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) return done_at(i);  // a bare value ended by its container
                    if (--depth == 0) return done_at(i + 1);
                } else if (depth == 0 && (c == ',' || is_space(c))) {
                    return done_at(i);
                }
            }
            m_in.advance(n);
            if (!m_in.refill(kChunk))
                return syntax(0, "unexpected end of input in an element too big to read");
        }
    }

    Result<void> done_at(std::size_t i) {
        m_in.advance(i);
        return {};
    }

    Window m_in;
    const ElementStreamOptions& m_opt;
    const ElementCallback& m_on_element;
    const OversizeCallback& m_on_oversize;
    JsonValueParser m_parser;
    json m_element;
    std::uint64_t m_index = 0;
    bool m_saw_target = false;
};

/// Consumes the JS assignment prefix; false when there is none within the first bytes.
bool skip_assignment(std::istream& in) {
    for (std::size_t i = 0; i < kMaxPrefixBytes; ++i) {
        const int c = in.get();
        if (c == std::char_traits<char>::eof()) return false;
        if (c == '=') return true;
    }
    return false;
}

/// True when only white space (or nothing) is left; consumes it.
bool only_space_left(std::istream& in) {
    for (;;) {
        const int c = in.peek();
        if (c == std::char_traits<char>::eof()) return true;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\xEF' && c != '\xBB' &&
            c != '\xBF')
            return false;
        in.get();
    }
}

}  // namespace

Result<void> stream_json_elements(std::istream& in, const std::string& where,
                                  const ElementStreamOptions& options,
                                  const std::function<std::uint64_t()>& position,
                                  const ElementCallback& on_element,
                                  const OversizeCallback& on_oversize) {
    if (only_space_left(in)) return {};  // an empty part file
    if (options.skip_js_assignment && !skip_assignment(in)) {
        return make_error(ErrorCode::format,
                          where +
                              " is not an archive data file: no \"window.YTD… =\" "
                              "assignment at its start",
                          "The archive may be damaged or not from Twitter/X; download it again.");
    }
    if (only_space_left(in)) return {};
    ElementReader reader(in.rdbuf(), position(), options, on_element, on_oversize);
    auto r = reader.run();
    if (!r) {
        core::Error e = r.error();
        if (e.code == ErrorCode::format) {
            e.message = where + ": " + e.message;
            if (e.hint.empty())
                e.hint = "The file is damaged or was edited; download the archive again.";
        }
        return e;
    }
    if (options.at == ArrayAt::ordered_items && !reader.saw_target())
        return make_error(ErrorCode::format, where + " has no \"orderedItems\" array",
                          "Is this an ActivityPub outbox.json?");
    return {};
}

}  // namespace kith::import
