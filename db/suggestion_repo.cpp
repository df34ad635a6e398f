#include "db/suggestion_repo.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <utility>

#include "db/database.h"
#include "db/evidence_json.h"
#include "db/merge_repo.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

constexpr const char* kSelect =
    "SELECT s.id, s.person_a, s.person_b, pa.name, pb.name, s.score, s.evidence, s.created_at, "
    "s.status FROM merge_suggestions s JOIN people pa ON pa.id = s.person_a "
    "JOIN people pb ON pb.id = s.person_b ";

SuggestionRow read_row(SQLite::Statement& q) {
    SuggestionRow r;
    r.id = q.getColumn(0).getInt64();
    r.person_a = q.getColumn(1).getInt64();
    r.person_b = q.getColumn(2).getInt64();
    r.name_a = q.getColumn(3).getString();
    r.name_b = q.getColumn(4).getString();
    r.score = q.getColumn(5).getDouble();
    r.evidence = evidence_from_json(q.getColumn(6).getString());
    r.created_at = core::from_unix(q.getColumn(7).getInt64());
    return r;
}

}  // namespace

Result<std::vector<SuggestionRow>> SuggestionRepo::pending(int limit) {
    return guarded("list merge suggestions", m_db.path().string(),
                   [&]() -> Result<std::vector<SuggestionRow>> {
                       SQLite::Statement q(m_db.sql(), std::string(kSelect) +
                                                           "WHERE s.status = 'pending' "
                                                           "ORDER BY s.score DESC, s.id LIMIT ?");
                       q.bind(1, limit > 0 ? limit : -1);
                       std::vector<SuggestionRow> out;
                       while (q.executeStep()) out.push_back(read_row(q));
                       return out;
                   });
}

Result<SuggestionRow> SuggestionRepo::get_pending(std::int64_t id) {
    return guarded("read a merge suggestion", m_db.path().string(), [&]() -> Result<SuggestionRow> {
        SQLite::Statement q(m_db.sql(), std::string(kSelect) + "WHERE s.id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return make_error(ErrorCode::not_found,
                              "there is no merge suggestion #" + std::to_string(id),
                              "List them with `kith-cli merge suggestions`.");
        if (q.getColumn(8).getString() != "pending")
            return make_error(ErrorCode::conflict, "merge suggestion #" + std::to_string(id) +
                                                       " was already " +
                                                       q.getColumn(8).getString());
        return read_row(q);
    });
}

Result<std::int64_t> SuggestionRepo::accept(std::int64_t id, core::TimePoint now) {
    auto s = get_pending(id);
    if (!s) return s.error();
    auto kept = std::min(s->person_a, s->person_b), merged = std::max(s->person_a, s->person_b);
    // Me stays me: when one side is me, I am the one kept.
    auto me = guarded("read me", m_db.path().string(), [&]() -> Result<bool> {
        SQLite::Statement q(m_db.sql(), "SELECT is_me FROM people WHERE id = ?");
        q.bind(1, merged);
        return q.executeStep() && q.getColumn(0).getInt() == 1;
    });
    if (!me) return me.error();
    if (*me) std::swap(kept, merged);
    return MergeRepo(m_db).merge(kept, merged, MergeReason::suggestion, s->evidence, now);
}

Result<void> SuggestionRepo::reject(std::int64_t id, core::TimePoint now) {
    if (auto s = get_pending(id); !s) return s.error();
    return guarded("reject a merge suggestion", m_db.path().string(), [&]() -> Result<void> {
        SQLite::Statement q(m_db.sql(),
                            "UPDATE merge_suggestions SET status = 'rejected', decided_at = ? "
                            "WHERE id = ?");
        q.bind(1, core::to_unix(now));
        q.bind(2, id);
        q.exec();
        return {};
    });
}

}  // namespace kith::db
