#include "import/json_element_stream.h"

#include <algorithm>
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
/// Longest string the parser is given (no real post, message or name comes near) and longest
/// number or literal.
constexpr std::uint64_t kMaxString = std::uint64_t{4} << 20;
constexpr std::uint64_t kMaxBareToken = 4096;

/// What the parser reads: the input with every run of white space outside strings cut to one
/// character, and an end (with error()) at a string or bare token that is too long. nlohmann's
/// lexer keeps every byte it reads until the next token starts, white space included, so 1 GB
/// of spaces (a few KB compressed) or one 1 GB string would otherwise be held whole.
class BoundedJsonBuf final : public std::streambuf {
  public:
    BoundedJsonBuf(std::streambuf* source, std::uint64_t max_string)
        : m_source(source), m_max_string(max_string) {}
    const std::optional<std::string>& error() const { return m_error; }

  protected:
    int_type underflow() override {
        char in[16384];
        m_out.clear();
        while (m_out.empty() && !m_error) {
            const auto n = m_source->sgetn(in, sizeof in);
            if (n <= 0) break;
            for (std::streamsize i = 0; i < n && !m_error; ++i) filter(in[i]);
        }
        if (m_out.empty() || m_error) return traits_type::eof();
        setg(m_out.data(), m_out.data(), m_out.data() + m_out.size());
        return traits_type::to_int_type(m_out[0]);
    }

  private:
    void filter(char c) {
        if (m_in_string) {
            if (++m_token > m_max_string) {
                m_error = "a string longer than " + std::to_string(m_max_string >> 20) + " MiB";
                return;
            }
            m_out.push_back(c);
            if (m_escape)
                m_escape = false;
            else if (c == '\\')
                m_escape = true;
            else if (c == '"')
                m_in_string = false, m_token = 0;
            return;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!m_space) m_out.push_back(c);
            m_space = true;
            m_token = 0;
            return;
        }
        m_space = false;
        if (c == '"') {
            m_in_string = true;
            m_token = 0;
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':') {
            m_token = 0;
        } else if (++m_token > kMaxBareToken) {
            m_error = "a number or literal longer than 4 KiB";
            return;
        }
        m_out.push_back(c);
    }

    std::streambuf* m_source;
    std::uint64_t m_max_string;
    std::string m_out;
    std::optional<std::string> m_error;
    std::uint64_t m_token = 0;  ///< bytes of the current string or bare token
    bool m_in_string = false, m_escape = false, m_space = false;
};

/// A SAX handler that builds one element at a time. The nesting outside the element is only
/// counted, so memory is one element's DOM whatever the document's size.
class ElementBuilder final : public nlohmann::json_sax<json> {
  public:
    ElementBuilder(const ElementStreamOptions& o, const std::function<std::uint64_t()>& position,
                   const ElementCallback& on_element, const OversizeCallback& on_oversize,
                   std::uint64_t base)
        : m_opt(o),
          m_position(position),
          m_on_element(on_element),
          m_on_oversize(on_oversize),
          m_base(base) {}

    // Values inside a skipped element (validation, oversize) are dropped before any allocation.
    bool null() override { return m_skip_depth > 0 || scalar(json(nullptr)); }
    bool boolean(bool v) override { return m_skip_depth > 0 || scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return m_skip_depth > 0 || scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override {
        return m_skip_depth > 0 || scalar(json(v));
    }
    bool number_float(number_float_t, const string_t& raw) override {
        if (m_skip_depth > 0) return true;
        // Keep the text: ids written as 1.23e18 or with more digits than a double holds stay
        // exact, and nothing here computes with fractions.
        return scalar(json(raw));
    }
    bool string(string_t& v) override { return m_skip_depth > 0 || scalar(json(std::move(v))); }
    bool binary(binary_t&) override { return scalar(json(nullptr)); }

    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        if (building())
            m_key = std::move(k);
        else if (m_depth == 1)
            m_outer_key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t pos, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        std::string what = ex.what();
        if (const auto p = what.find("] "); p != std::string::npos) what.erase(0, p + 2);
        m_error = make_error(ErrorCode::format,
                             "invalid JSON at byte " + std::to_string(m_base + pos) + ": " + what);
        return false;
    }

    std::optional<core::Error> m_error;
    bool m_saw_target = false;

  private:
    bool building() const { return !m_stack.empty() || m_skip_depth > 0; }
    bool at_element_level() const { return m_in_target && m_depth == m_target_depth; }

    bool fail(std::string message) {
        m_error = make_error(ErrorCode::format, std::move(message));
        return false;
    }

    bool check_size() {
        if (m_skip_depth > 0 || m_stack.empty()) return true;
        if (m_position() - m_element_start <= m_opt.max_element_bytes) return true;
        // Too big: drop what was built and only count nesting until the element ends.
        m_skip_depth = static_cast<int>(m_stack.size());
        m_stack.clear();
        m_element = json();
        return true;
    }

    /// Adds `v` to the element being built; returns where it went.
    json* insert(json v) {
        json* top = m_stack.back();
        if (top->is_array()) {
            top->push_back(std::move(v));
            return &top->back();
        }
        json& slot = (*top)[m_key];
        slot = std::move(v);
        return &slot;
    }

    bool scalar(json v) {
        if (m_skip_depth > 0) return true;
        if (!m_stack.empty()) {
            insert(std::move(v));
            return check_size();
        }
        if (m_depth == 0) return fail("expected a JSON array, found a single value");
        if (at_element_level()) return deliver(v);
        return true;  // a field of the collection outside the array ("totalItems")
    }

    bool open(bool is_array) {
        const bool element_start = !building() && at_element_level();
        ++m_depth;
        if (m_skip_depth > 0) {
            ++m_skip_depth;
            return true;
        }
        if (!m_stack.empty()) {
            m_stack.push_back(insert(is_array ? json::array() : json::object()));
            return check_size();
        }
        if (element_start) {
            if (m_opt.validate_only) {
                m_skip_depth = 1;
                return true;
            }
            m_element = is_array ? json::array() : json::object();
            m_stack.push_back(&m_element);
            m_element_start = m_position();
            return true;
        }
        if (m_depth == 1) {
            if (m_opt.at == ArrayAt::root && !is_array)
                return fail("expected a JSON array, found an object");
            if (m_opt.at == ArrayAt::ordered_items && is_array)
                return fail("expected a JSON object with \"orderedItems\", found an array");
            if (m_opt.at == ArrayAt::root) enter_target();
            return true;
        }
        if (m_depth == 2 && m_opt.at == ArrayAt::ordered_items && m_outer_key == "orderedItems") {
            if (!is_array) return fail("\"orderedItems\" is not an array");
            enter_target();
        }
        return true;
    }

    void enter_target() {
        m_in_target = true;
        m_saw_target = true;
        m_target_depth = m_depth;
    }

    bool close() {
        --m_depth;
        if (m_skip_depth > 0) {
            if (--m_skip_depth == 0) {
                if (!m_opt.validate_only && m_on_oversize) m_on_oversize(m_index);
                ++m_index;
            }
            return true;
        }
        if (!m_stack.empty()) {
            m_stack.pop_back();
            if (m_stack.empty()) return deliver(m_element);
            return true;
        }
        if (m_in_target && m_depth < m_target_depth) m_in_target = false;
        return true;
    }

    bool deliver(json& v) {
        const auto index = m_index++;
        if (m_opt.validate_only) return true;
        auto r = m_on_element(v, index);
        v = json();
        if (!r) {
            m_error = r.error();
            return false;
        }
        return true;
    }

    const ElementStreamOptions& m_opt;
    const std::function<std::uint64_t()>& m_position;
    const ElementCallback& m_on_element;
    const OversizeCallback& m_on_oversize;
    std::uint64_t m_base;
    std::vector<json*> m_stack;
    json m_element;
    std::string m_key, m_outer_key;
    int m_depth = 0, m_target_depth = 0, m_skip_depth = 0;
    bool m_in_target = false;
    std::uint64_t m_index = 0, m_element_start = 0;
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
    ElementBuilder builder(options, position, on_element, on_oversize, position());
    BoundedJsonBuf bounded(in.rdbuf(), std::min(kMaxString, options.max_element_bytes));
    std::istream filtered(&bounded);
    bool ok = false;
    try {
        ok = json::sax_parse(filtered, &builder, json::input_format_t::json, false);
    } catch (const json::exception& e) {
        builder.m_error = make_error(ErrorCode::format, std::string("invalid JSON: ") + e.what());
    }
    if (bounded.error())
        builder.m_error = make_error(
            ErrorCode::format, *bounded.error() + " before byte " + std::to_string(position()) +
                                   "; refused (a damaged or hostile file)");
    if (!ok || builder.m_error) {
        core::Error e =
            builder.m_error ? *builder.m_error : make_error(ErrorCode::format, "invalid JSON");
        if (e.code == ErrorCode::format) {
            e.message = where + ": " + e.message;
            if (e.hint.empty())
                e.hint = "The file is damaged or was edited; download the archive again.";
        }
        return e;
    }
    if (options.at == ArrayAt::ordered_items && !builder.m_saw_target)
        return make_error(ErrorCode::format, where + " has no \"orderedItems\" array",
                          "Is this an ActivityPub outbox.json?");
    return {};
}

}  // namespace kith::import
