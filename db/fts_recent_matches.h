#pragma once
// The newest interactions matching a search, found without FTS5's up-front cost for long
// prefixes. SQLite 3.40's FTS5 answers `"conf"*` by merging the whole posting list of every
// term starting with "conf" before returning a row (with a prefix index of two characters, only
// two-character prefixes are read lazily): 30–180 ms at 2M interactions for a common word. This
// reads candidates lazily through the two-character prefix instead, newest first, and lets FTS5
// itself decide each candidate, in a small in-memory index with the same tokenizer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::db {

class Database;

/// One match: the interaction and its search snippet.
struct RecentMatch {
    std::int64_t id = 0;
    std::string snippet;
};

/// The snippet the search shows, as SQL arguments after the FTS table's name.
inline constexpr const char* kSearchSnippetArgs = "1, '[', ']', '…', 10";

/// The newest `limit` interactions matching fts_prefix_query(text), newest first, each with
/// snippet(TABLE, kSearchSnippetArgs): the same rows and snippets as the plain FTS5 query. nullopt
/// when the shortcut does not apply (no plain-ASCII word of three or more characters) or gives up
/// (too many candidates for too few matches: a rare word with a common two-letter start); the
/// caller then runs the plain query. Never nullopt when a word is one the tokenizer splits
/// (`don’t`): the index has no positions (detail = column), so the plain query's phrase would be an
/// error; the split word's tokens give the candidates instead (fts_split_words). Throws
/// SQLite::Exception on database errors.
std::optional<std::vector<RecentMatch>> recent_fts_matches(Database& db, std::string_view text,
                                                           int limit);

}  // namespace kith::db
