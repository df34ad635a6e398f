#include "db/followup_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

Result<void> not_found(std::int64_t id) {
    return make_error(ErrorCode::not_found, "no follow-up with id " + std::to_string(id),
                      "List them with `kith-cli followup list`.");
}

}  // namespace

Result<std::pair<std::int64_t, WriteOutcome>> FollowUpRepo::add(const NewFollowUp& f,
                                                                core::TimePoint now) {
    if (f.text.empty())
        return make_error(ErrorCode::invalid_input, "a follow-up needs a text",
                          "Example: --follow-up \"send the grant report\" --due fri");
    return guarded("add follow-up", "", [&]() -> Result<std::pair<std::int64_t, WriteOutcome>> {
        auto& s = m_db.sql();
        if (!f.ext_id.empty()) {
            SQLite::Statement find(s, "SELECT id FROM followups WHERE ext_ns = ? AND ext_id = ?");
            find.bind(1, f.ext_ns);
            find.bind(2, f.ext_id);
            if (find.executeStep()) {
                const auto id = find.getColumn(0).getInt64();
                SQLite::Statement up(s,
                                     "UPDATE followups SET text = ?1, due_at = ?2 WHERE id = ?3 "
                                     "AND (text <> ?1 OR due_at <> ?2)");
                up.bind(1, f.text);
                up.bind(2, core::to_unix(f.due));
                up.bind(3, id);
                up.exec();
                return std::make_pair(
                    id, s.getChanges() > 0 ? WriteOutcome::updated : WriteOutcome::unchanged);
            }
        }
        SQLite::Statement ins(s,
                              "INSERT INTO followups(text, due_at, created_at, done_at, "
                              "interaction_id, ext_ns, ext_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, f.text);
        ins.bind(2, core::to_unix(f.due));
        ins.bind(3, core::to_unix(now));
        if (f.done)
            ins.bind(4, core::to_unix(now));
        else
            ins.bind(4);
        if (f.interaction_id)
            ins.bind(5, *f.interaction_id);
        else
            ins.bind(5);
        if (f.ext_id.empty()) {
            ins.bind(6);
            ins.bind(7);
        } else {
            ins.bind(6, f.ext_ns);
            ins.bind(7, f.ext_id);
        }
        ins.exec();
        const auto id = s.getLastInsertRowid();
        SQLite::Statement link(
            s, "INSERT OR IGNORE INTO followup_people(followup_id, person_id) VALUES (?, ?)");
        for (auto p : f.person_ids) {
            link.reset();
            link.bind(1, id);
            link.bind(2, p);
            link.exec();
        }
        return std::make_pair(id, WriteOutcome::added);
    });
}

Result<std::vector<FollowUpRow>> FollowUpRepo::query(const std::string& where_order,
                                                     std::optional<std::int64_t> a,
                                                     std::optional<std::int64_t> b) {
    return guarded("read follow-ups", "", [&]() -> Result<std::vector<FollowUpRow>> {
        auto q_stmt = m_db.statement(
            "SELECT f.id, f.text, f.due_at, f.done_at, f.interaction_id, "
            "(SELECT group_concat(p.id || char(30) || p.name, char(31)) "
            " FROM followup_people fp JOIN people p ON p.id = fp.person_id "
            " WHERE fp.followup_id = f.id) FROM followups f " +
            where_order);
        auto& q = *q_stmt;
        int n = 1;
        if (a) q.bind(n++, *a);
        if (b) q.bind(n++, *b);
        std::vector<FollowUpRow> out;
        while (q.executeStep()) {
            FollowUpRow r;
            r.id = q.getColumn(0).getInt64();
            r.text = q.getColumn(1).getString();
            r.due = core::from_unix(q.getColumn(2).getInt64());
            if (!q.getColumn(3).isNull()) r.done_at = core::from_unix(q.getColumn(3).getInt64());
            if (!q.getColumn(4).isNull()) r.interaction_id = q.getColumn(4).getInt64();
            const std::string people = q.getColumn(5).getString();
            for (std::size_t start = 0; start < people.size();) {
                const auto end = people.find('\x1f', start);
                const auto item = people.substr(start, end - start);
                const auto sep = item.find('\x1e');
                if (sep != std::string::npos)
                    r.people.emplace_back(std::stoll(item.substr(0, sep)), item.substr(sep + 1));
                if (end == std::string::npos) break;
                start = end + 1;
            }
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<FollowUpRow> FollowUpRepo::get(std::int64_t id) {
    auto rows = query("WHERE f.id = ?", id, std::nullopt);
    if (!rows) return rows.error();
    if (rows->empty()) return not_found(id).error();
    return rows->front();
}

Result<std::vector<FollowUpRow>> FollowUpRepo::open(std::optional<core::TimePoint> due_by,
                                                    std::optional<std::int64_t> person_id) {
    std::string where = "WHERE f.done_at IS NULL";
    std::optional<std::int64_t> a, b;
    if (due_by) {
        where += " AND f.due_at <= ?";
        a = core::to_unix(*due_by);
    }
    if (person_id) {
        where += " AND f.id IN (SELECT followup_id FROM followup_people WHERE person_id = ?)";
        (a ? b : a) = *person_id;
    }
    return query(where + " ORDER BY f.due_at, f.id", a, b);
}

Result<std::vector<FollowUpRow>> FollowUpRepo::for_person(std::int64_t person_id) {
    return query(
        "WHERE f.id IN (SELECT followup_id FROM followup_people WHERE person_id = ?) "
        "ORDER BY f.done_at IS NULL DESC, f.due_at DESC",
        person_id, std::nullopt);
}

Result<void> FollowUpRepo::mark_done(std::int64_t id, core::TimePoint now) {
    return guarded("complete follow-up", "", [&]() -> Result<void> {
        auto q_stmt =
            m_db.statement("UPDATE followups SET done_at = coalesce(done_at, ?) WHERE id = ?");
        auto& q = *q_stmt;
        q.bind(1, core::to_unix(now));
        q.bind(2, id);
        q.exec();
        if (m_db.sql().getChanges() == 0) return not_found(id);
        return {};
    });
}

Result<void> FollowUpRepo::reschedule(std::int64_t id, core::TimePoint due) {
    return guarded("snooze follow-up", "", [&]() -> Result<void> {
        auto q_stmt = m_db.statement("UPDATE followups SET due_at = ? WHERE id = ?");
        auto& q = *q_stmt;
        q.bind(1, core::to_unix(due));
        q.bind(2, id);
        q.exec();
        if (m_db.sql().getChanges() == 0) return not_found(id);
        return {};
    });
}

}  // namespace kith::db
