#include "import/html_entities.h"

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

void append_utf8(std::string& out, std::uint32_t c) {
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

}  // namespace kith::import
