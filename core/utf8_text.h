#pragma once
// Text that is safe to store and show: valid UTF-8 without NUL bytes.

#include <string>
#include <string_view>

namespace kith::core {

/// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF) and holds no NUL byte. Pure.
bool is_clean_text(std::string_view s);

/// Makes `s` clean text in place: every ill-formed sequence becomes U+FFFD (one per maximal
/// invalid subpart, as the Unicode standard recommends) and NUL bytes are dropped (they cut C
/// strings short in every display). Returns true when something was changed. Pure.
bool clean_text(std::string& s);

/// Appends code point `c` to `out` as UTF-8; NUL, surrogates and values above U+10FFFF become
/// U+FFFD, so what is appended is always clean text. Pure.
void append_utf8(std::string& out, char32_t c);

}  // namespace kith::core
