#pragma once
// Turning what a user types into a safe FTS5 query.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::db {

/// The tokenizer of every search index (and of the in-memory probes that must fold alike).
inline constexpr const char* kSearchTokenizer = "unicode61 remove_diacritics 2";

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

/// The tokens of one word, as the search tokenizer makes them (see fts_tokens.h).
using FtsTokens = std::function<std::vector<std::string>(const std::string& word)>;

/// `text` with every word that the tokenizer splits written as its tokens (`don’t` → `don t`),
/// for an index without positions (interactions_fts is detail = column since version 9), which
/// rejects the phrase fts_prefix_query makes of such a word. A trailing one-byte token is left
/// out: as a prefix it would read most of the index. What fts_prefix_query of the result matches
/// is therefore a superset of what fts_prefix_query(text) matches; the caller checks candidates
/// against the exact query in a probe with positions. nullopt when no word splits (the usual
/// case), and then fts_prefix_query(text) suits the index as it is. `tokens` is asked only for
/// words with non-ASCII bytes (ASCII letters and digits are one token).
std::optional<std::string> fts_split_words(std::string_view text, const FtsTokens& tokens);

}  // namespace kith::db
