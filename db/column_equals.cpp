#include "db/column_equals.h"

#include <cstring>

namespace kith::db {

bool column_equals(const SQLite::Column& column, std::string_view text) {
    // As getString() reads it: the stored bytes, then their count (SQLite's documented order).
    const auto* data = static_cast<const char*>(column.getBlob());
    const auto size = static_cast<std::size_t>(column.getBytes());
    return size == text.size() && (size == 0 || std::memcmp(data, text.data(), size) == 0);
}

}  // namespace kith::db
