#include "core/utf8_text.h"

#include <cstddef>
#include <cstdint>

namespace kith::core {

namespace {

/// The length of the well-formed sequence starting at `i`, or 0 when it is ill-formed (Unicode
/// Table 3-7). A NUL byte counts as ill-formed here.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c == 0) return 0;
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(k) < 0x80 || b(k) > 0xBF) return 0;
    return n;
}

/// How many bytes an ill-formed sequence at `i` covers: the lead byte plus the continuation
/// bytes that could still have completed it (the "maximal subpart").
std::size_t invalid_length(std::string_view s, std::size_t i) {
    std::size_t n = 1;
    while (n < 4 && i + n < s.size()) {
        // Try the longer prefix: it is part of the subpart when a valid sequence could start so.
        const auto c = static_cast<unsigned char>(s[i + n]);
        if (c < 0x80 || c > 0xBF) break;
        std::string probe(s.substr(i, n + 1));
        probe.append(4, '\x80');  // pad: only the first n+1 bytes are judged
        if (sequence_length(probe, 0) == 0) break;
        ++n;
    }
    return n;
}

}  // namespace

bool is_clean_text(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) - 1u < 0x7Fu) {  // fast path: ASCII but NUL
            ++i;
            continue;
        }
        const auto n = sequence_length(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

bool clean_text(std::string& s) {
    if (is_clean_text(s)) return false;
    std::string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '\0') {
            ++i;
            continue;
        }
        const auto n = sequence_length(s, i);
        if (n > 0) {
            out.append(s, i, n);
            i += n;
            continue;
        }
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        i += invalid_length(s, i);
    }
    s = std::move(out);
    return true;
}

void append_utf8(std::string& out, char32_t c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace kith::core
