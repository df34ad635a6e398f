#include "db/sources_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

core::Result<std::vector<SourceSummary>> list_sources(Database& db) {
    return guarded("list sources", db.path().string(),
                   [&]() -> core::Result<std::vector<SourceSummary>> {
                       auto q = db.statement(
                           "SELECT s.id, s.kind, s.location, s.cursor IS NOT NULL, "
                           "(SELECT count(*) FROM import_runs r WHERE r.source_id = s.id), "
                           "r.started_at, r.status, r.added, r.updated, r.skipped, r.warnings, "
                           "coalesce(r.error, '') FROM sources s LEFT JOIN import_runs r ON "
                           "r.id = (SELECT max(id) FROM import_runs WHERE source_id = s.id) "
                           "WHERE s.kind <> 'demo' ORDER BY r.started_at DESC, s.id DESC");
                       std::vector<SourceSummary> out;
                       while (q->executeStep()) {
                           SourceSummary s;
                           s.id = q->getColumn(0).getInt64();
                           s.kind = q->getColumn(1).getString();
                           s.location = q->getColumn(2).getString();
                           s.has_cursor = q->getColumn(3).getInt() != 0;
                           s.runs = q->getColumn(4).getInt();
                           if (!q->getColumn(5).isNull()) {
                               s.last_started = core::from_unix(q->getColumn(5).getInt64());
                               s.last_status = q->getColumn(6).getString();
                               s.last_added = q->getColumn(7).getInt64();
                               s.last_updated = q->getColumn(8).getInt64();
                               s.last_skipped = q->getColumn(9).getInt64();
                               s.last_warnings = q->getColumn(10).getInt64();
                               s.last_error = q->getColumn(11).getString();
                           }
                           out.push_back(std::move(s));
                       }
                       return out;
                   });
}

core::Result<std::int64_t> add_source(Database& db, const std::string& kind,
                                      const std::string& location, core::TimePoint now) {
    return guarded("add source", db.path().string(), [&]() -> core::Result<std::int64_t> {
        auto ins = db.statement(
            "INSERT INTO sources(kind, location, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(kind, location) DO NOTHING");
        ins->bind(1, kind);
        ins->bind(2, location);
        ins->bind(3, core::to_unix(now));
        ins->exec();
        auto q = db.statement("SELECT id FROM sources WHERE kind = ? AND location = ?");
        q->bind(1, kind);
        q->bind(2, location);
        q->executeStep();
        return q->getColumn(0).getInt64();
    });
}

}  // namespace kith::db
