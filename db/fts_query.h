#pragma once
// Turning what a user types into a safe FTS5 query.

#include <string>
#include <string_view>
#include <vector>

namespace kith::db {

/// Every word of `text` as a quoted prefix term, all required: `ana gra` → `"ana"* "gra"*`;
/// a one-character word must match whole (`j` → `"j"`).
/// Punctuation separates words (so "ana@example.org" matches the identity), FTS5 syntax in the
/// input has no effect. Empty when `text` has no word characters.
std::string fts_prefix_query(std::string_view text);

/// A cheaper query matching at least what fts_prefix_query(text) matches: each plain-ASCII word
/// of three or more characters becomes its two-character prefix, which FTS5 reads lazily from
/// its prefix index instead of merging every matching term's whole posting list first.
struct FtsShortcut {
    std::string candidates;          ///< the superset query; empty when no word is shortened
    std::vector<std::string> words;  ///< the shortened words, lower case (each must occur)
};

/// The shortcut for `text` (see FtsShortcut).
FtsShortcut fts_shortcut(std::string_view text);

}  // namespace kith::db
