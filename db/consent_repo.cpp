#include "db/consent_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

ConsentRow read_row(SQLite::Statement& q) {
    ConsentRow r;
    r.person_id = q.getColumn(0).getInt64();
    r.list = q.getColumn(1).getString();
    r.status = core::parse_consent_status(q.getColumn(2).getString())
                   .value_or(core::ConsentStatus::unknown);
    r.at = core::from_unix(q.getColumn(3).getInt64());
    r.evidence = q.getColumn(4).getString();
    return r;
}

constexpr const char* kSelect =
    "SELECT person_id, list, status, at, evidence FROM consents WHERE person_id = ?";

}  // namespace

Result<void> ConsentRepo::record(std::int64_t person_id, const std::string& list,
                                 core::ConsentStatus status, core::TimePoint at,
                                 const std::string& evidence) {
    if (list.empty())
        return core::make_error(core::ErrorCode::invalid_input, "a mailing list needs a name",
                                "Example: --list newsletter");
    return guarded("record consent", m_db.path().string(), [&]() -> Result<void> {
        auto exists = m_db.statement("SELECT 1 FROM people WHERE id = ?");
        exists->bind(1, person_id);
        if (!exists->executeStep())
            return core::make_error(core::ErrorCode::not_found,
                                    "no person with id " + std::to_string(person_id));
        auto up = m_db.statement(
            "INSERT INTO consents(person_id, list, status, at, evidence) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(person_id, list) DO UPDATE SET status = excluded.status, "
            "at = excluded.at, evidence = excluded.evidence");
        up->bind(1, person_id);
        up->bind(2, list);
        up->bind(3, std::string(core::to_string(status)));
        up->bind(4, core::to_unix(at));
        up->bind(5, evidence);
        up->exec();
        return {};
    });
}

Result<std::optional<ConsentRow>> ConsentRepo::get(std::int64_t person_id,
                                                   const std::string& list) {
    return guarded("read consent", m_db.path().string(),
                   [&]() -> Result<std::optional<ConsentRow>> {
                       auto q = m_db.statement(std::string(kSelect) + " AND list = ?");
                       q->bind(1, person_id);
                       q->bind(2, list);
                       if (!q->executeStep()) return std::optional<ConsentRow>{};
                       return std::optional(read_row(*q));
                   });
}

Result<std::vector<ConsentRow>> ConsentRepo::for_person(std::int64_t person_id) {
    return guarded("read consents", m_db.path().string(), [&]() -> Result<std::vector<ConsentRow>> {
        auto q = m_db.statement(std::string(kSelect) + " ORDER BY list");
        q->bind(1, person_id);
        std::vector<ConsentRow> out;
        while (q->executeStep()) out.push_back(read_row(*q));
        return out;
    });
}

}  // namespace kith::db
