#pragma once
// Named character references that blog comments use outside XML's five (&nbsp;, &hellip;…).

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

/// Appends `c` to `out` as UTF-8.
void append_utf8(std::string& out, std::uint32_t c);

}  // namespace kith::import
