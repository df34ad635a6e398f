#pragma once
// Turning what a user types into a safe FTS5 query.

#include <string>
#include <string_view>

namespace kith::db {

/// Every word of `text` as a quoted prefix term, all required: `ana gra` → `"ana"* "gra"*`;
/// a one-character word must match whole (`j` → `"j"`).
/// Punctuation separates words (so "ana@example.org" matches the identity), FTS5 syntax in the
/// input has no effect. Empty when `text` has no word characters.
std::string fts_prefix_query(std::string_view text);

}  // namespace kith::db
