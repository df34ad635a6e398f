#include "db/statement_cache.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace kith::db {

CachedStatement::CachedStatement(SQLite::Statement* statement, bool* in_use,
                                 std::unique_ptr<SQLite::Statement> owned)
    : m_statement(statement), m_in_use(in_use), m_owned(std::move(owned)) {}

CachedStatement::CachedStatement(CachedStatement&& other) noexcept
    : m_statement(other.m_statement), m_in_use(other.m_in_use), m_owned(std::move(other.m_owned)) {
    other.m_statement = nullptr;
    other.m_in_use = nullptr;
}

CachedStatement::~CachedStatement() {
    if (!m_statement || m_owned) return;
    try {
        m_statement->reset();
        m_statement->clearBindings();
    } catch (...) {
        // reset() reports the last step's error again; it was already seen by the caller.
    }
    *m_in_use = false;
}

StatementCache::StatementCache(SQLite::Database& db) : m_db(db) {}

StatementCache::~StatementCache() = default;

CachedStatement StatementCache::get(const std::string& sql) {
    auto it = m_entries.find(sql);
    if (it == m_entries.end()) {
        Entry entry;
        entry.statement = std::make_unique<SQLite::Statement>(m_db, sql);
        it = m_entries.emplace(sql, std::move(entry)).first;
    }
    Entry& entry = it->second;
    if (entry.in_use) {
        auto owned = std::make_unique<SQLite::Statement>(m_db, sql);
        SQLite::Statement* raw = owned.get();
        return CachedStatement(raw, nullptr, std::move(owned));
    }
    entry.in_use = true;
    return CachedStatement(entry.statement.get(), &entry.in_use, nullptr);
}

}  // namespace kith::db
