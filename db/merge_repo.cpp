#include "db/merge_repo.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "db/database.h"
#include "db/evidence_json.h"
#include "db/person_stats.h"
#include "db/row_snapshot.h"
#include "db/savepoint.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;
using nlohmann::json;

namespace {

// Columns the user edits; an unmerge keeps later edits of them instead of the old values.
constexpr const char* kUserColumns[] = {"name", "notes", "cadence_days", "archived"};

void refresh_if_outside_transaction(Database& db) {
    if (outside_transaction(db)) (void)refresh_person_stats(db);
}

json person_row(Database& db, std::int64_t id) {
    auto rows = rows_where(db, "people", "id", id);
    return rows.empty() ? json() : rows[0];
}

json fts_row(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "SELECT name, notes, identities FROM people_fts WHERE rowid = ?");
    q.bind(1, id);
    if (!q.executeStep()) return json();
    return {{"name", column_json(q.getColumn(0))},
            {"notes", column_json(q.getColumn(1))},
            {"identities", column_json(q.getColumn(2))}};
}

void restore_fts(Database& db, std::int64_t id, const json& row) {
    if (row.is_null()) return;
    SQLite::Statement q(
        db.sql(), "UPDATE people_fts SET name = ?, notes = ?, identities = ? WHERE rowid = ?");
    bind_json(q, 1, row["name"]);
    bind_json(q, 2, row["notes"]);
    bind_json(q, 3, row["identities"]);
    q.bind(4, id);
    q.exec();
}

std::int64_t max_interaction_id(Database& db) {
    return db.sql().execAndGet("SELECT coalesce(max(id), 0) FROM interactions").getInt64();
}

std::string where_key(const std::vector<std::string>& key) {
    std::string w;
    for (const auto& k : key) w += (w.empty() ? "\"" : " AND \"") + k + "\" = ?";
    return w;
}

/// Moves the rows of one person column from `merged` to `kept`; rows that cannot move (the
/// kept person already has the same circle, the same interaction) are deleted. Returns what to
/// undo: the keys of moved rows and the deleted rows whole.
json move_column(Database& db, const PersonColumn& pc, std::int64_t kept, std::int64_t merged) {
    json keys = keys_where(db, pc, merged);
    if (keys.empty()) return nullptr;
    auto up = db.statement("UPDATE OR IGNORE \"" + pc.table + "\" SET \"" + pc.column +
                           "\" = ? WHERE \"" + pc.column + "\" = ?");
    up->bind(1, kept);
    up->bind(2, merged);
    up->exec();
    json dropped = rows_where(db, pc.table, pc.column, merged);
    json stuck = keys_where(db, pc, merged);
    if (!stuck.empty()) {
        auto del = db.statement("DELETE FROM \"" + pc.table + "\" WHERE \"" + pc.column + "\" = ?");
        del->bind(1, merged);
        del->exec();
    }
    json moved = json::array();
    for (auto& k : keys)
        if (std::find(stuck.begin(), stuck.end(), k) == stuck.end()) moved.push_back(k);
    return {{"table", pc.table},
            {"column", pc.column},
            {"key", pc.key},
            {"moved", std::move(moved)},
            {"dropped", std::move(dropped)}};
}

/// Reverses move_column: moved rows go back to `merged`, deleted rows come back (with `merged`
/// where they named the old id).
void unmove_column(Database& db, const json& t, std::int64_t kept, std::int64_t old_merged,
                   std::int64_t merged) {
    const auto table = t["table"].get<std::string>();
    const auto column = t["column"].get<std::string>();
    const auto key = t["key"].get<std::vector<std::string>>();
    SQLite::Statement up(db.sql(), "UPDATE OR IGNORE \"" + table + "\" SET \"" + column +
                                       "\" = ? WHERE " + where_key(key));
    for (const auto& k : t["moved"]) {
        up.reset();
        up.bind(1, merged);
        for (std::size_t i = 0; i < key.size(); ++i)
            bind_json(up, static_cast<int>(i + 2), key[i] == column ? json(kept) : k[i]);
        up.exec();
    }
    auto columns = t.value("also", std::vector<std::string>{});
    columns.push_back(column);
    json rows = t["dropped"];
    for (auto& row : rows)
        for (auto& [name, v] : row.items())
            if (v == old_merged && std::find(columns.begin(), columns.end(), name) != columns.end())
                v = merged;
    insert_rows(db, table, rows);
}

Result<void> require_person(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "SELECT 1 FROM people WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep()) return {};
    return make_error(ErrorCode::not_found, "there is no person #" + std::to_string(id),
                      "List people with `kith-cli people`.");
}

}  // namespace

std::string_view to_string(MergeReason r) {
    switch (r) {
        case MergeReason::automatic:
            return "auto";
        case MergeReason::suggestion:
            return "suggestion";
        case MergeReason::manual:
            return "manual";
    }
    return "manual";
}

Result<std::int64_t> MergeRepo::merge(std::int64_t kept, std::int64_t merged, MergeReason reason,
                                      std::span<const core::Evidence> evidence,
                                      core::TimePoint now) {
    if (kept == merged)
        return make_error(ErrorCode::invalid_input,
                          "cannot merge person #" + std::to_string(kept) + " with itself");
    auto r = atomically(m_db, "merge people", "kith_merge", [&]() -> Result<std::int64_t> {
        if (auto k = require_person(m_db, kept); !k) return k.error();
        if (auto m = require_person(m_db, merged); !m) return m.error();
        json before_kept = person_row(m_db, kept), before_merged = person_row(m_db, merged);
        if (before_merged.value("is_me", 0) == 1)
            return make_error(
                ErrorCode::conflict,
                "person #" + std::to_string(merged) + " is you; others are merged into you",
                "Merge the other way round: kith-cli merge ME OTHER.");
        json undo = {{"kept", before_kept},
                     {"merged", before_merged},
                     {"fts", {{"kept", fts_row(m_db, kept)}, {"merged", fts_row(m_db, merged)}}},
                     {"max_interaction", max_interaction_id(m_db)}};
        // Suggestions to merge these two are settled by the merge: kept whole for an unmerge.
        json settled = json::array();
        for (auto& row : rows_where(m_db, "merge_suggestions", "person_a", kept))
            if (row["person_b"] == merged) settled.push_back(row);
        for (auto& row : rows_where(m_db, "merge_suggestions", "person_a", merged))
            if (row["person_b"] == kept) settled.push_back(row);
        SQLite::Statement settle(m_db.sql(),
                                 "DELETE FROM merge_suggestions WHERE (person_a = ?1 AND "
                                 "person_b = ?2) OR (person_a = ?2 AND person_b = ?1)");
        settle.bind(1, kept);
        settle.bind(2, merged);
        settle.exec();
        json tables = json::array();
        tables.push_back({{"table", "merge_suggestions"},
                          {"column", "person_a"},
                          {"also", {"person_b"}},
                          {"key", {"id"}},
                          {"moved", json::array()},
                          {"dropped", std::move(settled)}});
        if (m_columns.empty()) m_columns = person_columns(m_db);
        for (const auto& pc : m_columns)
            if (auto moved = move_column(m_db, pc, kept, merged); !moved.is_null())
                tables.push_back(std::move(moved));
        undo["tables"] = std::move(tables);

        SQLite::Statement up(
            m_db.sql(),
            "UPDATE people SET notes = CASE WHEN ?1 = '' THEN notes "
            "WHEN notes = '' THEN ?1 ELSE notes || char(10) || char(10) || ?1 END, "
            "cadence_days = coalesce(cadence_days, ?2), stats_dirty = 1, "
            "updated_at = ?3 WHERE id = ?4");
        bind_json(up, 1, before_merged["notes"]);
        bind_json(up, 2, before_merged["cadence_days"]);
        up.bind(3, core::to_unix(now));
        up.bind(4, kept);
        up.exec();
        json after = person_row(m_db, kept), kept_after = json::object();
        for (const char* c : kUserColumns) kept_after[c] = after[c];
        undo["kept_after"] = std::move(kept_after);

        SQLite::Statement del(m_db.sql(), "DELETE FROM people WHERE id = ?");
        del.bind(1, merged);
        del.exec();

        SQLite::Statement log(m_db.sql(),
                              "INSERT INTO merges(kept_id, merged_id, kept_name, merged_name, "
                              "reason, evidence, undo, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        log.bind(1, kept);
        log.bind(2, merged);
        bind_json(log, 3, before_kept["name"]);
        bind_json(log, 4, before_merged["name"]);
        log.bind(5, std::string(to_string(reason)));
        log.bind(6, evidence_to_json(evidence));
        log.bind(7, undo.dump());
        log.bind(8, core::to_unix(now));
        log.exec();
        return m_db.sql().getLastInsertRowid();
    });
    if (r) refresh_if_outside_transaction(m_db);
    return r;
}

Result<std::int64_t> MergeRepo::unmerge(std::int64_t merge_id, core::TimePoint now) {
    auto r = atomically(m_db, "unmerge people", "kith_merge", [&]() -> Result<std::int64_t> {
        SQLite::Statement q(m_db.sql(),
                            "SELECT kept_id, merged_id, reason, undo, undone_at FROM merges "
                            "WHERE id = ?");
        q.bind(1, merge_id);
        if (!q.executeStep())
            return make_error(ErrorCode::not_found,
                              "there is no merge #" + std::to_string(merge_id),
                              "See the merges with `kith-cli merge log`.");
        if (!q.getColumn(4).isNull())
            return make_error(ErrorCode::conflict,
                              "merge #" + std::to_string(merge_id) + " is already undone");
        const auto kept = q.getColumn(0).getInt64();
        const auto old_merged = q.getColumn(1).getInt64();
        const bool from_suggestion = q.getColumn(2).getString() == "suggestion";
        const json undo = json::parse(q.getColumn(3).getString());
        if (!require_person(m_db, kept))
            return make_error(
                ErrorCode::conflict,
                "the person merge #" + std::to_string(merge_id) + " kept (#" +
                    std::to_string(kept) + ") no longer exists",
                "Undo the later merge that absorbed them first (kith-cli merge log).");

        // The merged person comes back under its old id unless a new person took it since.
        json merged_row = undo["merged"];
        if (require_person(m_db, old_merged)) merged_row.erase("id");
        insert_rows(m_db, "people", json::array({merged_row}));
        const std::int64_t merged =
            merged_row.contains("id") ? old_merged : m_db.sql().getLastInsertRowid();

        const auto& tables = undo["tables"];
        for (auto it = tables.rbegin(); it != tables.rend(); ++it)
            unmove_column(m_db, *it, kept, old_merged, merged);

        // The kept person's own fields come back, except those the user changed since.
        const json current = person_row(m_db, kept);
        const bool untouched =
            max_interaction_id(m_db) == undo["max_interaction"].get<std::int64_t>();
        std::string sets;
        std::vector<json> values;
        for (const auto& [name, old_value] : undo["kept"].items()) {
            if (name == "id") continue;
            bool user_edit = false;
            for (const char* c : kUserColumns)
                user_edit = user_edit || (name == c && current[name] != undo["kept_after"][name]);
            if (user_edit) continue;
            sets += (sets.empty() ? "\"" : ", \"") + name + "\" = ?";
            values.push_back(name == "stats_dirty" && !untouched ? json(1) : old_value);
        }
        SQLite::Statement up(m_db.sql(), "UPDATE people SET " + sets + " WHERE id = ?");
        int i = 1;
        for (const auto& v : values) bind_json(up, i++, v);
        up.bind(i, kept);
        up.exec();
        if (!untouched) {
            SQLite::Statement dirty(m_db.sql(), "UPDATE people SET stats_dirty = 1 WHERE id = ?");
            dirty.bind(1, merged);
            dirty.exec();
        }
        restore_fts(m_db, kept, undo["fts"]["kept"]);
        restore_fts(m_db, merged, undo["fts"]["merged"]);

        if (from_suggestion) {
            SQLite::Statement rej(
                m_db.sql(),
                "UPDATE merge_suggestions SET status = 'rejected', decided_at = ? "
                "WHERE (person_a = ?2 AND person_b = ?3) OR "
                "(person_a = ?3 AND person_b = ?2)");
            rej.bind(1, core::to_unix(now));
            rej.bind(2, kept);
            rej.bind(3, merged);
            rej.exec();
        }
        SQLite::Statement done(m_db.sql(), "UPDATE merges SET undone_at = ? WHERE id = ?");
        done.bind(1, core::to_unix(now));
        done.bind(2, merge_id);
        done.exec();
        return merged;
    });
    if (r) refresh_if_outside_transaction(m_db);
    return r;
}

Result<std::vector<MergeLogRow>> MergeRepo::log(int limit) {
    return guarded("read the merge log", m_db.path().string(),
                   [&]() -> Result<std::vector<MergeLogRow>> {
                       SQLite::Statement q(m_db.sql(),
                                           "SELECT id, kept_id, merged_id, kept_name, merged_name, "
                                           "reason, evidence, at, undone_at FROM merges "
                                           "ORDER BY id DESC LIMIT ?");
                       q.bind(1, limit > 0 ? limit : -1);
                       std::vector<MergeLogRow> out;
                       while (q.executeStep()) {
                           MergeLogRow r;
                           r.id = q.getColumn(0).getInt64();
                           r.kept_id = q.getColumn(1).getInt64();
                           r.merged_id = q.getColumn(2).getInt64();
                           r.kept_name = q.getColumn(3).getString();
                           r.merged_name = q.getColumn(4).getString();
                           const auto reason = q.getColumn(5).getString();
                           r.reason = reason == "auto"         ? MergeReason::automatic
                                      : reason == "suggestion" ? MergeReason::suggestion
                                                               : MergeReason::manual;
                           r.evidence = evidence_from_json(q.getColumn(6).getString());
                           r.at = core::from_unix(q.getColumn(7).getInt64());
                           if (!q.getColumn(8).isNull())
                               r.undone_at = core::from_unix(q.getColumn(8).getInt64());
                           out.push_back(std::move(r));
                       }
                       return out;
                   });
}

}  // namespace kith::db
