#pragma once
// Comparing a column with text without building a std::string: a re-import compares every field
// of every interaction it meets again.

#include <SQLiteCpp/Column.h>

#include <string_view>

namespace kith::db {

/// True when `column` holds exactly the bytes of `text`: `column.getString() == text` without
/// the copy.
bool column_equals(const SQLite::Column& column, std::string_view text);

}  // namespace kith::db
