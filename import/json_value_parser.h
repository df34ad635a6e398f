#pragma once
// A JSON parser for one value held in memory, built for the archive importers' hot loop: no
// recursion (hostile nesting cannot overflow the stack), no per-byte virtual calls or copies,
// optional building (validation only) and a key filter that leaves out what no importer reads.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

namespace kith::import {

/// Object keys whose values are built; the values of every other key are checked but dropped
/// (a tweet's "edit_info", "source" or "urls" cost nothing to keep out). Applies at every depth.
class JsonKeyFilter {
  public:
    JsonKeyFilter(std::initializer_list<std::string_view> keys) : m_keys(keys) {}
    bool keeps(std::string_view key) const { return m_keys.count(key) != 0; }

  private:
    std::unordered_set<std::string_view> m_keys;
};

/// Limits that make a hostile value an error rather than a memory hog.
struct JsonValueLimits {
    std::size_t max_string = std::size_t{4} << 20;  ///< bytes of one string, escapes included
    std::size_t max_token = 4096;                   ///< bytes of one number
};

/// Parses one JSON value from the start of a buffer. Numbers keep their exact values: integers
/// that fit 64 bits become integers (unsigned when not negative), any other number (fraction,
/// exponent, overflow) its source text as a string, so ids written as 1.23e18 or above 2^64 are
/// never rounded. Strings are checked as UTF-8, escapes and surrogate pairs as JSON demands.
/// Duplicate keys: the last one wins. Reuses its buffers between values; one per thread.
class JsonValueParser {
  public:
    enum class Status {
        done,       ///< a whole value was read; consumed() bytes of the buffer
        need_more,  ///< the buffer ends inside the value: call again with more bytes
        error,      ///< invalid JSON or a limit exceeded: error(), at error_offset()
    };

    explicit JsonValueParser(JsonValueLimits limits = {}) : m_limits(limits) {}

    /// Parses the value starting at `data[0]` (no leading white space). `at_eof`: no bytes follow
    /// `size` (a number at the very end is complete). `out` receives the value unless `build`
    /// is false; `filter` (may be null) drops object members by key.
    Status parse(const char* data, std::size_t size, bool at_eof, bool build,
                 const JsonKeyFilter* filter, nlohmann::json& out);

    std::size_t consumed() const { return m_consumed; }
    const std::string& error() const { return m_error; }
    std::size_t error_offset() const { return m_error_offset; }
    /// With Status::error: true when a limit (not the syntax) was the cause.
    bool limit_exceeded() const { return m_limit; }

  private:
    struct Frame {
        nlohmann::json* target;  ///< null while a dropped value is passed over
        bool array;
    };
    enum class Str { done, need_more, error };

    Str string(const char*& p, const char* end, std::string* out);
    Status number(const char*& p, const char* end, bool at_eof, bool build, nlohmann::json& v);
    Status fail(const char* at, std::string what, bool limit = false);
    nlohmann::json* place(nlohmann::json&& v, bool drop, nlohmann::json& root);

    JsonValueLimits m_limits;
    std::vector<Frame> m_stack;
    std::string m_key, m_scratch, m_error;
    const char* m_begin = nullptr;
    std::size_t m_consumed = 0, m_error_offset = 0;
    bool m_limit = false;
};

}  // namespace kith::import
