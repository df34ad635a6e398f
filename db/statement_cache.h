#pragma once
// Prepared statements kept per connection, so hot repository calls (an import resolving thousands
// of contacts) parse their SQL once instead of once per call.

#include <memory>
#include <string>
#include <unordered_map>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace kith::db {

/// A statement borrowed from a StatementCache. When the handle goes away the statement is reset
/// and its bindings cleared, so a half-read SELECT never keeps a read transaction open.
class CachedStatement {
  public:
    CachedStatement(CachedStatement&& other) noexcept;
    CachedStatement& operator=(CachedStatement&&) = delete;
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    ~CachedStatement();

    SQLite::Statement& operator*() const { return *m_statement; }
    SQLite::Statement* operator->() const { return m_statement; }

  private:
    friend class StatementCache;
    CachedStatement(SQLite::Statement* statement, bool* in_use,
                    std::unique_ptr<SQLite::Statement> owned);

    SQLite::Statement* m_statement;
    bool* m_in_use;                              ///< the cache's flag, or nullptr when owned
    std::unique_ptr<SQLite::Statement> m_owned;  ///< a one-off statement (the cached one was busy)
};

/// Statements of one connection by SQL text. Same thread as the connection; the cache must be
/// destroyed before the connection closes.
class StatementCache {
  public:
    explicit StatementCache(SQLite::Database& db);
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    /// The statement for `sql`, prepared on first use. A statement still borrowed (a nested call
    /// using the same SQL) gives a fresh one-off statement instead. Throws SQLite::Exception when
    /// the SQL does not prepare.
    CachedStatement get(const std::string& sql);

  private:
    struct Entry {
        std::unique_ptr<SQLite::Statement> statement;
        bool in_use = false;
    };
    SQLite::Database& m_db;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace kith::db
