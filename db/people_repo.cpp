#include "db/people_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/search_fold.h"
#include "db/database.h"
#include "db/fts_query.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

constexpr const char* kColumns =
    "p.id, p.name, p.notes, p.is_me, p.archived, p.cadence_days, "
    "(SELECT min(c.cadence_days) FROM person_circles pc JOIN circles c ON c.id = pc.circle_id "
    " WHERE pc.person_id = p.id), "
    "p.inferred_cadence_days, p.created_at, p.last_contact_at, coalesce(p.last_channel, ''), "
    "p.interaction_count, p.strength_ref, p.strength_in, p.strength_out, p.strength_mutual, "
    "p.cold_due_at";

std::optional<int> opt_int(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<int>(c.getInt());
}
std::optional<core::TimePoint> opt_time(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(core::from_unix(c.getInt64()));
}

PersonRow read_person(SQLite::Statement& q) {
    PersonRow r;
    r.id = q.getColumn(0).getInt64();
    r.name = q.getColumn(1).getString();
    r.notes = q.getColumn(2).getString();
    r.is_me = q.getColumn(3).getInt() != 0;
    r.archived = q.getColumn(4).getInt() != 0;
    r.cadence_days = opt_int(q.getColumn(5));
    r.circle_cadence_days = opt_int(q.getColumn(6));
    r.inferred_cadence_days = opt_int(q.getColumn(7));
    r.created_at = core::from_unix(q.getColumn(8).getInt64());
    r.last_contact = opt_time(q.getColumn(9));
    r.last_channel = q.getColumn(10).getString();
    r.interaction_count = q.getColumn(11).getInt();
    r.strength.ref = core::from_unix(q.getColumn(12).getInt64());
    r.strength.in = q.getColumn(13).getDouble();
    r.strength.out = q.getColumn(14).getDouble();
    r.strength.mutual = q.getColumn(15).getDouble();
    r.cold_due = opt_time(q.getColumn(16));
    return r;
}

std::vector<PersonRow> read_all(SQLite::Statement& q) {
    std::vector<PersonRow> out;
    while (q.executeStep()) out.push_back(read_person(q));
    return out;
}

Result<void> expect_one_change(Database& db, std::int64_t id) {
    if (db.sql().getChanges() == 0)
        return make_error(ErrorCode::not_found, "no person with id " + std::to_string(id),
                          "List people with `kith-cli person list`.");
    return {};
}

}  // namespace

core::Cadence PersonRow::cadence() const {
    auto days = [](const std::optional<int>& d) {
        return d ? std::optional<core::Days>(core::Days{*d}) : std::nullopt;
    };
    return core::effective_cadence(days(cadence_days), days(circle_cadence_days),
                                   days(inferred_cadence_days));
}

Result<std::int64_t> PeopleRepo::add(const std::string& name, const std::string& notes,
                                     core::TimePoint now, bool index_later) {
    if (name.empty())
        return make_error(ErrorCode::invalid_input, "a person needs a name",
                          "Example: kith-cli person add \"Ana Ruiz\"");
    return guarded("add person", "", [&]() -> Result<std::int64_t> {
        auto q_stmt = m_db.statement(
            "INSERT INTO people(name, notes, created_at, updated_at, search_alias, fts_pending) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        auto& q = *q_stmt;
        q.bind(1, name);
        q.bind(2, notes);
        q.bind(3, core::to_unix(now));
        q.bind(4, core::to_unix(now));
        q.bind(5, core::search_alias(name));
        q.bind(6, index_later ? 1 : 0);
        q.exec();
        return m_db.sql().getLastInsertRowid();
    });
}

Result<PersonRow> PeopleRepo::get(std::int64_t id) {
    return guarded("read person", "", [&]() -> Result<PersonRow> {
        auto q_stmt =
            m_db.statement(std::string("SELECT ") + kColumns + " FROM people p WHERE p.id = ?");
        auto& q = *q_stmt;
        q.bind(1, id);
        if (!q.executeStep())
            return make_error(ErrorCode::not_found, "no person with id " + std::to_string(id),
                              "List people with `kith-cli person list`.");
        return read_person(q);
    });
}

Result<std::vector<PersonRow>> PeopleRepo::find_by_name(const std::string& name) {
    return guarded("find person", "", [&]() -> Result<std::vector<PersonRow>> {
        auto q_stmt = m_db.statement(std::string("SELECT ") + kColumns +
                                     " FROM people p WHERE p.name = ? COLLATE NOCASE "
                                     "ORDER BY p.archived, p.id");
        auto& q = *q_stmt;
        q.bind(1, name);
        return read_all(q);
    });
}

Result<std::vector<PersonRow>> PeopleRepo::search(const std::string& query, int limit) {
    const auto match = fts_prefix_query(query);
    if (match.empty()) return std::vector<PersonRow>{};
    return guarded("search people", "", [&]() -> Result<std::vector<PersonRow>> {
        auto q_stmt = m_db.statement(std::string("SELECT ") + kColumns +
                                     " FROM people_fts f JOIN people p ON p.id = f.rowid "
                                     "WHERE people_fts MATCH ? ORDER BY p.archived, rank "
                                     "LIMIT ?");
        auto& q = *q_stmt;
        q.bind(1, match);
        q.bind(2, limit);
        return read_all(q);
    });
}

Result<std::optional<std::int64_t>> PeopleRepo::find_by_identity(const core::Identity& id) {
    return guarded("find identity", "", [&]() -> Result<std::optional<std::int64_t>> {
        auto q_stmt =
            m_db.statement("SELECT person_id FROM identities WHERE kind = ? AND value = ?");
        auto& q = *q_stmt;
        q.bind(1, std::string(core::to_string(id.kind)));
        q.bind(2, id.value);
        if (!q.executeStep()) return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>(q.getColumn(0).getInt64());
    });
}

Result<std::vector<PersonRow>> PeopleRepo::list(const PeopleFilter& f) {
    return guarded("list people", "", [&]() -> Result<std::vector<PersonRow>> {
        std::string sql = std::string("SELECT ") + kColumns + " FROM people p";
        if (!f.circle.empty())
            sql +=
                " JOIN person_circles pc ON pc.person_id = p.id "
                "JOIN circles c ON c.id = pc.circle_id AND c.name = ?1";
        sql += f.include_archived ? " WHERE 1" : " WHERE p.archived = 0";
        sql += " AND p.is_me = 0";
        switch (f.sort) {
            case PeopleSort::name:
                sql += " ORDER BY p.name COLLATE NOCASE";
                break;
            case PeopleSort::last_contact:
                sql += " ORDER BY p.last_contact_at DESC";
                break;
            case PeopleSort::strength:
                sql += " ORDER BY p.strength_in + p.strength_out + p.strength_mutual DESC";
                break;
        }
        if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
        SQLite::Statement q(m_db.sql(), sql);
        if (!f.circle.empty()) q.bind(1, f.circle);
        return read_all(q);
    });
}

Result<void> PeopleRepo::rename(std::int64_t id, const std::string& name, core::TimePoint now) {
    if (name.empty())
        return make_error(ErrorCode::invalid_input, "a person's name cannot be empty");
    return guarded("rename person", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement(
            "UPDATE people SET name = ?, updated_at = ?, search_alias = ? WHERE id = ?");
        auto& q = *q_stmt;
        q.bind(1, name);
        q.bind(2, core::to_unix(now));
        q.bind(3, core::search_alias(name));
        q.bind(4, id);
        q.exec();
        return expect_one_change(m_db, id);
    });
}

Result<void> PeopleRepo::set_notes(std::int64_t id, const std::string& notes, core::TimePoint now) {
    return guarded("edit notes", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement("UPDATE people SET notes = ?, updated_at = ? WHERE id = ?");
        auto& q = *q_stmt;
        q.bind(1, notes);
        q.bind(2, core::to_unix(now));
        q.bind(3, id);
        q.exec();
        return expect_one_change(m_db, id);
    });
}

Result<void> PeopleRepo::set_archived(std::int64_t id, bool archived, core::TimePoint now) {
    return guarded("archive person", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement("UPDATE people SET archived = ?, updated_at = ? WHERE id = ?");
        auto& q = *q_stmt;
        q.bind(1, archived ? 1 : 0);
        q.bind(2, core::to_unix(now));
        q.bind(3, id);
        q.exec();
        return expect_one_change(m_db, id);
    });
}

Result<void> PeopleRepo::set_cadence(std::int64_t id, std::optional<int> days,
                                     core::TimePoint now) {
    if (days && (*days < 1 || *days > 3650))
        return make_error(ErrorCode::invalid_input,
                          "a cadence must be between 1 and 3650 days, not " + std::to_string(*days),
                          "Example: kith-cli cadence set \"Ana Ruiz\" 30d");
    return guarded("set cadence", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement(
            "UPDATE people SET cadence_days = ?, updated_at = ?, stats_dirty = 1 "
            "WHERE id = ?");
        auto& q = *q_stmt;
        if (days)
            q.bind(1, *days);
        else
            q.bind(1);
        q.bind(2, core::to_unix(now));
        q.bind(3, id);
        q.exec();
        return expect_one_change(m_db, id);
    });
}

Result<std::int64_t> PeopleRepo::me(core::TimePoint now) {
    return guarded("find me", "", [&]() -> Result<std::int64_t> {
        auto q_stmt = m_db.statement("SELECT id FROM people WHERE is_me = 1");
        auto& q = *q_stmt;
        if (q.executeStep()) return q.getColumn(0).getInt64();
        auto ins_stmt = m_db.statement(
            "INSERT INTO people(name, is_me, created_at, updated_at, stats_dirty) "
            "VALUES ('Me', 1, ?, ?, 0)");
        auto& ins = *ins_stmt;
        ins.bind(1, core::to_unix(now));
        ins.bind(2, core::to_unix(now));
        ins.exec();
        return m_db.sql().getLastInsertRowid();
    });
}

}  // namespace kith::db
