#include "db/circle_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/person_stats.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

Result<std::optional<std::int64_t>> CircleRepo::find(const std::string& name) {
    return guarded("find circle", "", [&]() -> Result<std::optional<std::int64_t>> {
        auto q_stmt = m_db.statement("SELECT id FROM circles WHERE name = ?");
        auto& q = *q_stmt;
        q.bind(1, name);
        if (!q.executeStep()) return std::optional<std::int64_t>{};
        return std::optional(q.getColumn(0).getInt64());
    });
}

Result<std::int64_t> CircleRepo::get_or_create(const std::string& name, core::TimePoint now) {
    if (name.empty())
        return make_error(ErrorCode::invalid_input, "a circle needs a name",
                          "Example: kith-cli circle add \"Close friends\" --cadence 14d");
    auto found = find(name);
    if (!found) return found.error();
    if (*found) return **found;
    return guarded("add circle", "", [&]() -> Result<std::int64_t> {
        auto q_stmt = m_db.statement("INSERT INTO circles(name, created_at) VALUES (?, ?)");
        auto& q = *q_stmt;
        q.bind(1, name);
        q.bind(2, core::to_unix(now));
        q.exec();
        return m_db.sql().getLastInsertRowid();
    });
}

Result<void> CircleRepo::set_cadence(std::int64_t circle_id, std::optional<int> days) {
    if (days && (*days < 1 || *days > 3650))
        return make_error(
            ErrorCode::invalid_input,
            "a cadence must be between 1 and 3650 days, not " + std::to_string(*days));
    auto r = guarded("set circle cadence", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement("UPDATE circles SET cadence_days = ? WHERE id = ?");
        auto& q = *q_stmt;
        if (days)
            q.bind(1, *days);
        else
            q.bind(1);
        q.bind(2, circle_id);
        q.exec();
        return {};
    });
    if (!r) return r;
    return mark_circle_dirty(m_db, circle_id);
}

Result<void> CircleRepo::assign(std::int64_t person_id, std::int64_t circle_id) {
    return guarded("assign circle", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement(
            "INSERT OR IGNORE INTO person_circles(person_id, circle_id) VALUES (?, ?)");
        auto& q = *q_stmt;
        q.bind(1, person_id);
        q.bind(2, circle_id);
        q.exec();
        auto d_stmt = m_db.statement("UPDATE people SET stats_dirty = 1 WHERE id = ?");
        auto& d = *d_stmt;
        d.bind(1, person_id);
        d.exec();
        return {};
    });
}

Result<void> CircleRepo::unassign(std::int64_t person_id, std::int64_t circle_id) {
    return guarded("remove from circle", "", [&]() -> Result<void> {
        auto q_stmt =
            m_db.statement("DELETE FROM person_circles WHERE person_id = ? AND circle_id = ?");
        auto& q = *q_stmt;
        q.bind(1, person_id);
        q.bind(2, circle_id);
        q.exec();
        auto d_stmt = m_db.statement("UPDATE people SET stats_dirty = 1 WHERE id = ?");
        auto& d = *d_stmt;
        d.bind(1, person_id);
        d.exec();
        return {};
    });
}

Result<std::vector<CircleRow>> CircleRepo::list() {
    return guarded("list circles", "", [&]() -> Result<std::vector<CircleRow>> {
        auto q_stmt = m_db.statement(
            "SELECT c.id, c.name, c.cadence_days, "
            "(SELECT count(*) FROM person_circles pc JOIN people p "
            " ON p.id = pc.person_id AND p.archived = 0 WHERE pc.circle_id = c.id) "
            "FROM circles c ORDER BY c.name COLLATE NOCASE");
        auto& q = *q_stmt;
        std::vector<CircleRow> out;
        while (q.executeStep()) {
            CircleRow r;
            r.id = q.getColumn(0).getInt64();
            r.name = q.getColumn(1).getString();
            if (!q.getColumn(2).isNull()) r.cadence_days = q.getColumn(2).getInt();
            r.members = q.getColumn(3).getInt();
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<std::vector<std::string>> CircleRepo::names_for_person(std::int64_t person_id) {
    return guarded("read circles", "", [&]() -> Result<std::vector<std::string>> {
        auto q_stmt = m_db.statement(
            "SELECT c.name FROM person_circles pc JOIN circles c "
            "ON c.id = pc.circle_id WHERE pc.person_id = ? ORDER BY c.name");
        auto& q = *q_stmt;
        q.bind(1, person_id);
        std::vector<std::string> out;
        while (q.executeStep()) out.push_back(q.getColumn(0).getString());
        return out;
    });
}

}  // namespace kith::db
