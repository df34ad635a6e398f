#pragma once
// Spellings search should also find: letters that Unicode does not decompose into a base letter
// plus an accent ("Łukasz", "Søren", "Đorđe", "Straße"), so SQLite's diacritic folding misses them.

#include <string>
#include <string_view>

namespace kith::core {

/// `text` with Ł→L, ø→o, Đ→D, ß→ss, Æ→AE, Œ→OE, Þ→TH, ı→i and the like replaced (UTF-8 in and
/// out); empty when `text` has none of them, so callers store an alias only when it helps. Pure.
std::string search_alias(std::string_view text);

}  // namespace kith::core
