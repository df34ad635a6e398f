#pragma once
// The search tokenizer's own view of a word, for queries an index without positions accepts.

#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace kith::db {

/// The tokens kSearchTokenizer makes of `word`, in order, folded as the index stores them
/// (`Don’t` → `don`, `t`). Asks FTS5 itself, through a probe table in this connection's temp
/// schema, so it splits exactly where the index does. Leaves no rows behind and any transaction
/// of the caller's open. Throws SQLite::Exception on database errors.
std::vector<std::string> fts_tokens(SQLite::Database& s, const std::string& word);

}  // namespace kith::db
