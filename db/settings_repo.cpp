#include "db/settings_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

Result<std::optional<std::string>> SettingsRepo::get(const std::string& key) {
    return guarded("read setting", "", [&]() -> Result<std::optional<std::string>> {
        auto q_stmt = m_db.statement("SELECT value FROM settings WHERE key = ?");
        auto& q = *q_stmt;
        q.bind(1, key);
        if (!q.executeStep()) return std::optional<std::string>{};
        return std::optional(q.getColumn(0).getString());
    });
}

Result<void> SettingsRepo::set(const std::string& key, const std::string& value) {
    return guarded("save setting", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        auto& q = *q_stmt;
        q.bind(1, key);
        q.bind(2, value);
        q.exec();
        return {};
    });
}

}  // namespace kith::db
