#pragma once
// One open Kith database: a connection with Kith's pragmas, checked and migrated on open.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "db/statement_cache.h"

namespace SQLite {
class Database;
}

namespace kith::db {

enum class OpenMode {
    read_write,  ///< create the file (and its folder) if missing, migrate if older
    read_only,   ///< never create, migrate or write; fails on an older schema
};

/// A connection to a Kith database. One per thread (SQLite connections are not shared across
/// threads here); the app opens its own for each worker. Move-only.
class Database {
  public:
    /// Opens `path`. Refuses files that are not SQLite or belong to another program, databases
    /// written by a newer Kith, and damaged files — always without writing to them. An older schema
    /// is migrated (read_write only) after a backup copy into `backups/` next to the file.
    static core::Result<std::unique_ptr<Database>> open(const std::filesystem::path& path,
                                                        OpenMode mode = OpenMode::read_write);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SQLite::Database& sql() { return *m_db; }
    /// A prepared statement for `sql`, parsed once per connection and reused (see
    /// StatementCache). Throws SQLite::Exception; use inside `guarded`.
    CachedStatement statement(const std::string& sql) { return m_statements->get(sql); }
    const std::filesystem::path& path() const { return m_path; }
    /// Where the pre-migration backup went, when this open migrated an existing database.
    const std::optional<std::filesystem::path>& migration_backup() const { return m_backup; }

  private:
    Database(std::unique_ptr<SQLite::Database> db, std::filesystem::path path);
    std::unique_ptr<SQLite::Database> m_db;
    std::filesystem::path m_path;
    std::optional<std::filesystem::path> m_backup;
    std::unique_ptr<StatementCache> m_statements;  ///< after m_db: finalized before it closes
};

/// Default database file: $KITH_DB, else $XDG_DATA_HOME/kith/kith.db, else
/// ~/.local/share/kith/kith.db. `demo` gives the demo file beside it (demo.db).
std::filesystem::path default_database_path(bool demo = false);

/// Busy timeout for every connection, in milliseconds ($KITH_BUSY_TIMEOUT_MS, default 5000).
int busy_timeout_ms();

}  // namespace kith::db
