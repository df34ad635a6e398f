#include "import/html_entities.h"

#include "core/utf8_text.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kith::import {

namespace {

// Sorted by name for binary search. WordPress's wptexturize and comment editors produce these;
// the list is not all of HTML 5's 2,000 names on purpose: unknown names stay literal text.
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 52> kEntities = {{
    {"Aacute", 193},  {"Auml", 196},   {"Eacute", 201}, {"Ouml", 214},   {"Uuml", 220},
    {"aacute", 225},  {"acute", 180},  {"agrave", 224}, {"amp", 38},     {"apos", 39},
    {"auml", 228},    {"bull", 8226},  {"ccedil", 231}, {"cent", 162},   {"copy", 169},
    {"deg", 176},     {"eacute", 233}, {"egrave", 232}, {"euro", 8364},  {"gt", 62},
    {"hellip", 8230}, {"iacute", 237}, {"iexcl", 161},  {"iquest", 191}, {"laquo", 171},
    {"ldquo", 8220},  {"lsquo", 8216}, {"lt", 60},      {"mdash", 8212}, {"middot", 183},
    {"nbsp", 160},    {"ndash", 8211}, {"ntilde", 241}, {"oacute", 243}, {"ouml", 246},
    {"para", 182},    {"pound", 163},  {"quot", 34},    {"raquo", 187},  {"rdquo", 8221},
    {"reg", 174},     {"rsquo", 8217}, {"sbquo", 8218}, {"sect", 167},   {"shy", 173},
    {"szlig", 223},   {"times", 215},  {"trade", 8482}, {"uacute", 250}, {"uuml", 252},
    {"yen", 165},     {"zwnj", 8204},
}};

}  // namespace

std::optional<std::uint32_t> html_entity(std::string_view name) {
    const auto it = std::lower_bound(kEntities.begin(), kEntities.end(), name,
                                     [](const auto& e, std::string_view n) { return e.first < n; });
    if (it == kEntities.end() || it->first != name) return std::nullopt;
    return it->second;
}

std::size_t decode_html_reference(std::string_view s, std::size_t i, std::string& out) {
    const auto semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 33) return 0;
    const auto body = s.substr(i + 1, semi - i - 1);
    std::uint32_t cp = 0;
    if (body.size() > 1 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const auto digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        for (const char d : digits) {
            const auto u = static_cast<unsigned char>(d);
            int v = -1;
            if (u >= '0' && u <= '9')
                v = u - '0';
            else if (hex && u >= 'a' && u <= 'f')
                v = u - 'a' + 10;
            else if (hex && u >= 'A' && u <= 'F')
                v = u - 'A' + 10;
            if (v < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
            if (cp > 0x10FFFF) return 0;  // also stops the number from overflowing
        }
        if (!is_xml_char(cp)) return 0;
    } else if (const auto named = html_entity(body)) {
        cp = *named;
    } else {
        return 0;
    }
    core::append_utf8(out, cp);
    return semi - i + 1;
}

std::string html_unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            if (const auto n = decode_html_reference(s, i, out)) {
                i += n;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace kith::import
