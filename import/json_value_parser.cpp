#include "import/json_value_parser.h"

#include <array>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8_text.h"

namespace kith::import {

using json = nlohmann::json;
using Status = JsonValueParser::Status;

namespace {

/// Bytes a string copies as they are: printable ASCII other than '"' and '\'.
constexpr std::array<bool, 256> plain_bytes() {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return t;
}
constexpr auto kPlain = plain_bytes();

/// The first byte from p on that a string cannot copy as it is ('"', '\\', a control
/// character or a non-ASCII byte to check as UTF-8), or `end`. Sixteen bytes a step where SSE2
/// is there (every x86-64): string bytes are most of an archive's bytes.
const char* skip_plain(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i below_space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // Signed compare: bytes from 0x80 on are negative, so they count as "below space".
        const __m128i special =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_cmplt_epi8(v, below_space));
        if (const int mask = _mm_movemask_epi8(special); mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && kPlain[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

void skip_space(const char*& p, const char* end) {
    while (p < end && is_space(*p)) ++p;
}

int hex4(const char* p) {
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if (c >= 'a' && c <= 'f')
            v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v |= c - 'A' + 10;
        else
            return -1;
    }
    return v;
}

bool in(unsigned char c, unsigned lo, unsigned hi) {
    return c >= lo && c <= hi;
}

/// Length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong forms, surrogates or
/// code points above U+10FFFF), 0 when it is not one, -1 when `end` cuts it short.
int utf8_length(const char* p, const char* end) {
    const auto b = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(p[i]); };
    const unsigned char c = b(0);
    int n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the second byte's range
    if (in(c, 0xC2, 0xDF)) {
        n = 2;
    } else if (in(c, 0xE0, 0xEF)) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (in(c, 0xF0, 0xF4)) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    const auto have = end - p;
    for (std::ptrdiff_t i = 1; i < n; ++i) {
        if (i >= have) return -1;
        if (!in(b(i), i == 1 ? lo : 0x80, i == 1 ? hi : 0xBF)) return 0;
    }
    return n;
}

}  // namespace

Status JsonValueParser::fail(const char* at, std::string what, bool limit) {
    m_error = std::move(what);
    m_error_offset = static_cast<std::size_t>(at - m_begin);
    m_limit = limit;
    return Status::error;
}

JsonValueParser::Str JsonValueParser::string(const char*& p, const char* end, std::string* out) {
    const char* const start = p;
    for (;;) {
        const char* run = p;
        p = skip_plain(p, end);
        if (out) out->append(run, p);
        if (static_cast<std::size_t>(p - start) > m_limits.max_string) {
            fail(p, "a string longer than " + std::to_string(m_limits.max_string >> 20) + " MiB",
                 true);
            return Str::error;
        }
        if (p == end) return Str::need_more;
        const char c = *p;
        if (c == '"') {
            ++p;
            return Str::done;
        }
        if (c == '\\') {
            if (end - p < 2) return Str::need_more;
            char plain = 0;
            switch (p[1]) {
                case '"':
                    plain = '"';
                    break;
                case '\\':
                    plain = '\\';
                    break;
                case '/':
                    plain = '/';
                    break;
                case 'b':
                    plain = '\b';
                    break;
                case 'f':
                    plain = '\f';
                    break;
                case 'n':
                    plain = '\n';
                    break;
                case 'r':
                    plain = '\r';
                    break;
                case 't':
                    plain = '\t';
                    break;
                case 'u':
                    break;
                default:
                    fail(p, "invalid escape in a string");
                    return Str::error;
            }
            if (plain) {
                if (out) out->push_back(plain);
                p += 2;
                continue;
            }
            if (end - p < 6) return Str::need_more;
            const int unit = hex4(p + 2);
            if (unit < 0) {
                fail(p, "invalid \\u escape in a string");
                return Str::error;
            }
            char32_t cp = static_cast<char32_t>(unit);
            std::ptrdiff_t len = 6;
            if (unit >= 0xD800 && unit <= 0xDBFF) {  // a high surrogate needs its low half
                const bool cut = end - p < 12;
                if (cut && (end - p < 7 || p[6] == '\\') && (end - p < 8 || p[7] == 'u'))
                    return Str::need_more;  // the low half may follow in the next bytes
                const int low = !cut && p[6] == '\\' && p[7] == 'u' ? hex4(p + 8) : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    fail(p, "a \\u surrogate without its other half");
                    return Str::error;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<char32_t>(low - 0xDC00);
                len = 12;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                fail(p, "a \\u surrogate without its other half");
                return Str::error;
            }
            if (out) core::append_utf8(*out, cp);
            p += len;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            fail(p, "a control character in a string (it must be escaped)");
            return Str::error;
        }
        const int n = utf8_length(p, end);
        if (n < 0) return Str::need_more;
        if (n == 0) {
            fail(p, "invalid UTF-8 in a string");
            return Str::error;
        }
        if (out) out->append(p, static_cast<std::size_t>(n));
        p += n;
    }
}

Status JsonValueParser::number(const char*& p, const char* end, bool at_eof, bool build, json& v) {
    const char* const start = p;
    const auto too_long = [&] { return static_cast<std::size_t>(p - start) > m_limits.max_token; };
    const auto digits = [&] {
        while (p < end && is_digit(*p)) ++p;
    };
    const auto short_input = [&]() -> Status {
        if (too_long()) return fail(p, "a number or literal longer than 4 KiB", true);
        return at_eof ? fail(p, "unexpected end of input in a number") : Status::need_more;
    };
    const bool negative = *p == '-';
    if (negative) ++p;
    if (p == end) return short_input();
    if (*p == '0') {
        ++p;
    } else if (is_digit(*p)) {
        digits();
    } else {
        return fail(p, "invalid number");
    }
    const char* const int_end = p;
    bool integral = true;
    if (p < end && *p == '.') {
        integral = false;
        ++p;
        if (p == end) return short_input();
        if (!is_digit(*p)) return fail(p, "invalid number: a digit must follow '.'");
        digits();
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        integral = false;
        ++p;
        if (p < end && (*p == '+' || *p == '-')) ++p;
        if (p == end) return short_input();
        if (!is_digit(*p)) return fail(p, "invalid number: a digit must follow the exponent");
        digits();
    }
    if (p == end && !at_eof) return short_input();
    if (too_long()) return fail(p, "a number or literal longer than 4 KiB", true);
    if (!build) return Status::done;
    if (integral) {
        std::uint64_t mag = 0;
        bool overflow = false;
        for (const char* d = start + (negative ? 1 : 0); d < int_end; ++d) {
            const auto digit = static_cast<std::uint64_t>(*d - '0');
            if (mag > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
                overflow = true;
                break;
            }
            mag = mag * 10 + digit;
        }
        constexpr std::uint64_t kMinMagnitude = std::uint64_t{1} << 63;
        if (!overflow && !negative) {
            v = mag;
            return Status::done;
        }
        if (!overflow && mag <= kMinMagnitude) {
            v = mag == kMinMagnitude ? std::numeric_limits<std::int64_t>::min()
                                     : -static_cast<std::int64_t>(mag);
            return Status::done;
        }
    }
    // The text itself: ids written as 1.23e18 or above 2^64 stay exact (nothing computes with
    // fractions here).
    v = std::string(start, p);
    return Status::done;
}

json* JsonValueParser::place(json&& v, bool drop, json& root) {
    if (drop) return nullptr;
    if (m_stack.empty()) {
        root = std::move(v);
        return &root;
    }
    json* top = m_stack.back().target;
    if (m_stack.back().array) {
        auto& array = top->get_ref<json::array_t&>();
        array.push_back(std::move(v));
        return &array.back();
    }
    auto& object = top->get_ref<json::object_t&>();
    return &object.insert_or_assign(m_key, std::move(v)).first->second;
}

Status JsonValueParser::parse(const char* data, std::size_t size, bool at_eof, bool build,
                              const JsonKeyFilter* filter, json& out) {
    m_begin = data;
    m_stack.clear();
    m_error.clear();
    m_limit = false;
    m_consumed = 0;
    if (build) out = json();
    const char* p = data;
    const char* const end = data + size;
    bool drop = !build;  // whether the value about to be read is dropped
    const auto more = [&]() -> Status {
        return at_eof ? fail(p, "unexpected end of input") : Status::need_more;
    };

    for (;;) {
        // A value starts at p.
        if (p == end) return more();
        bool closed_now = false;  // a container opened and closed at once ("{}", "[]")
        switch (*p) {
            case '{':
            case '[': {
                const bool array = *p == '[';
                json* t = place(array ? json::array() : json::object(), drop, out);
                m_stack.push_back({t, array});
                ++p;
                skip_space(p, end);
                if (p == end) return more();
                if (*p == (array ? ']' : '}')) {
                    ++p;
                    m_stack.pop_back();
                    closed_now = true;
                } else if (array) {
                    drop = t == nullptr;
                    continue;
                }
                break;
            }
            case '"': {
                ++p;
                m_scratch.clear();
                const auto r = string(p, end, drop ? nullptr : &m_scratch);
                if (r == Str::need_more) return more();
                if (r == Str::error) return Status::error;
                place(json(std::move(m_scratch)), drop, out);
                closed_now = true;
                break;
            }
            case 't':
            case 'f':
            case 'n': {
                const std::string_view word = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
                const auto have = static_cast<std::size_t>(end - p);
                if (std::string_view(p, std::min(have, word.size())) !=
                    word.substr(0, std::min(have, word.size())))
                    return fail(p, "invalid literal");
                if (have < word.size()) return more();
                p += word.size();
                place(word[0] == 'n' ? json(nullptr) : json(word[0] == 't'), drop, out);
                closed_now = true;
                break;
            }
            default: {
                if (*p != '-' && !is_digit(*p))
                    return fail(p, std::string("unexpected '") + *p + "' where a value should be");
                json v;
                const auto r = number(p, end, at_eof, build && !drop, v);
                if (r != Status::done) return r;
                place(std::move(v), drop, out);
                closed_now = true;
                break;
            }
        }
        (void)closed_now;
        // After a complete value (or right after '{', which expects a key): closers and commas.
        bool want_key = !m_stack.empty() && !m_stack.back().array && !closed_now;
        for (;;) {
            if (m_stack.empty()) {
                m_consumed = static_cast<std::size_t>(p - data);
                return Status::done;
            }
            if (!want_key) {
                skip_space(p, end);
                if (p == end) return more();
                const Frame& top = m_stack.back();
                if (*p == (top.array ? ']' : '}')) {
                    ++p;
                    m_stack.pop_back();
                    continue;
                }
                if (*p != ',')
                    return fail(p, top.array ? "expected ',' or ']' after an array item"
                                             : "expected ',' or '}' after an object member");
                ++p;
                skip_space(p, end);
                if (top.array) {
                    drop = top.target == nullptr;
                    break;  // the next item
                }
            }
            // An object member's key and ':'.
            if (p == end) return more();
            if (*p != '"') return fail(p, "expected a string key in an object");
            ++p;
            const Frame& top = m_stack.back();
            m_key.clear();
            const auto r = string(p, end, top.target ? &m_key : nullptr);
            if (r == Str::need_more) return more();
            if (r == Str::error) return Status::error;
            skip_space(p, end);
            if (p == end) return more();
            if (*p != ':') return fail(p, "expected ':' after an object key");
            ++p;
            skip_space(p, end);
            drop = top.target == nullptr || (filter && !filter->keeps(m_key));
            break;  // the member's value
        }
    }
}

}  // namespace kith::import
