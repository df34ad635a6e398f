#pragma once
// HTML character references (&amp;, &#8217;, &nbsp;, &hellip;…) as blog comments, mail and
// social posts use them, decoded the same way for every importer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kith::import {

/// The code point of an HTML named reference without '&' and ';' ("nbsp" → 160), covering the
/// five XML ones and the common HTML ones seen in comments; nullopt for others. Thread-safe.
std::optional<std::uint32_t> html_entity(std::string_view name);

/// True for code points XML 1.0 allows in documents (Char production).
constexpr bool is_xml_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// Decodes the reference at s[i] == '&' ("&amp;", "&#8217;", "&#x2019;", "&hellip;") into `out`
/// and returns the bytes it took; 0 when it is not a reference Kith knows (unknown names,
/// numbers that are not characters, no ';' within 32 bytes), so the caller keeps '&' as text.
std::size_t decode_html_reference(std::string_view s, std::size_t i, std::string& out);

/// `s` with every reference decoded (unknown ones kept as written). Twitter and Mastodon escape
/// their plain text this way.
std::string html_unescape(std::string_view s);

}  // namespace kith::import
