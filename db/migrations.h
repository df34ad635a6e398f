#pragma once
// The schema as an ordered list of migrations, stamped with PRAGMA application_id/user_version.

#include <span>
#include <string_view>

namespace SQLite {
class Database;
}

namespace kith::db {

/// "Kith" in ASCII, stored in the SQLite header so other tools and Kith itself recognise the file.
inline constexpr int kApplicationId = 0x4B697468;

struct Migration {
    int version;            ///< the user_version after this migration
    std::string_view what;  ///< one line for logs and the migration test
    std::string_view sql;
    /// Run after `sql` in the same transaction, for steps SQL text alone cannot do; may be null.
    void (*finish)(SQLite::Database&);
};

/// All migrations in order; version N is element N-1.
std::span<const Migration> migrations();
/// The schema version this build writes.
int latest_schema_version();

/// Applies migrations after `from_version` up to `to_version` (default: latest), each in its own
/// transaction that also sets user_version. Throws SQLite::Exception on failure, leaving the
/// database at the last completed version. Not thread-safe: the caller owns the connection.
void apply_migrations(SQLite::Database& db, int from_version, int to_version = -1);

}  // namespace kith::db
