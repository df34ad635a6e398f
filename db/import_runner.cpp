#include "db/import_runner.h"

#include <limits>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "core/clean_text_sink.h"
#include "core/import_pipeline.h"
#include "db/database.h"
#include "db/identity_resolver.h"
#include "db/person_stats.h"
#include "db/run_lock.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

struct SourceRow {
    std::int64_t id = 0;
    std::optional<std::string> cursor;
};

Result<SourceRow> source_for(Database& db, const core::ImportRequest& req, core::TimePoint now) {
    return guarded("register source", db.path().string(), [&]() -> Result<SourceRow> {
        // Every write here starts as IMMEDIATE: a read that later upgrades to a write fails at
        // once (SQLITE_BUSY_SNAPSHOT, no busy wait) when another process wrote in between.
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement ins(db.sql(),
                              "INSERT OR IGNORE INTO sources(kind, location, created_at) "
                              "VALUES (?, ?, ?)");
        ins.bind(1, req.kind);
        ins.bind(2, req.location);
        ins.bind(3, core::to_unix(now));
        ins.exec();
        SQLite::Statement q(db.sql(),
                            "SELECT id, cursor FROM sources WHERE kind = ? AND location = ?");
        q.bind(1, req.kind);
        q.bind(2, req.location);
        q.executeStep();
        SourceRow r{q.getColumn(0).getInt64(), std::nullopt};
        if (!q.getColumn(1).isNull()) r.cursor = q.getColumn(1).getString();
        q.reset();
        tx.commit();
        return r;
    });
}

struct StartedRun {
    std::int64_t id = 0;
    RunLock lock;  ///< held until the run is finished: tells other processes it is alive
};

// The row and its lock appear together: fail_abandoned_runs checks under the same write lock, so
// it never sees a 'running' row whose lock is not taken yet.
Result<StartedRun> start_run(Database& db, std::int64_t source_id, core::TimePoint now) {
    return guarded("record import run", db.path().string(), [&]() -> Result<StartedRun> {
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(db.sql(),
                            "INSERT INTO import_runs(source_id, started_at, status) "
                            "VALUES (?, ?, 'running')");
        q.bind(1, source_id);
        q.bind(2, core::to_unix(now));
        q.exec();
        const auto id = db.sql().getLastInsertRowid();
        auto lock = RunLock::acquire(db.path(), id);
        if (!lock) return lock.error();
        tx.commit();
        return StartedRun{id, std::move(*lock)};
    });
}

Result<void> finish_run(Database& db, const ImportResult& r, const std::string& error,
                        const std::optional<std::string>& cursor, core::TimePoint now) {
    return guarded("record import run", db.path().string(), [&]() -> Result<void> {
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& m : r.counts.messages)
            messages.push_back({{"location", m.location}, {"message", m.message}});
        // The run's outcome and the source's cursor together, or neither.
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(db.sql(),
                            "UPDATE import_runs SET finished_at = ?, status = ?, added = ?, "
                            "updated = ?, skipped = ?, warnings = ?, error = ?, messages = ? "
                            "WHERE id = ?");
        q.bind(1, core::to_unix(now));
        q.bind(2, r.status);
        q.bind(3, static_cast<std::int64_t>(r.counts.added));
        q.bind(4, static_cast<std::int64_t>(r.counts.updated));
        q.bind(5, static_cast<std::int64_t>(r.counts.skipped));
        q.bind(6, static_cast<std::int64_t>(r.counts.warnings));
        if (error.empty())
            q.bind(7);
        else
            q.bind(7, error);
        // Warnings quote the input, which may not be valid UTF-8: replaced, never a failed run.
        q.bind(8, messages.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        q.bind(9, r.run_id);
        q.exec();
        if (cursor) {
            SQLite::Statement c(db.sql(), "UPDATE sources SET cursor = ? WHERE id = ?");
            c.bind(1, *cursor);
            c.bind(2, r.source_id);
            c.exec();
        }
        tx.commit();
        return {};
    });
}

}  // namespace

Result<ImportResult> run_import(Database& db, core::Importer& importer,
                                const core::ImportRequest& request, core::Progress& progress,
                                core::TimePoint now, const RunOptions& options) {
    // Runs left 'running' by a dead process (killed, crashed) are recorded as failed first.
    if (auto abandoned = fail_abandoned_runs(db, now); !abandoned) return abandoned.error();
    auto source = source_for(db, request, now);
    if (!source) return source.error();
    auto run = start_run(db, source->id, now);
    if (!run) return run.error();

    ImportResult result;
    result.source_id = source->id;
    result.run_id = run->id;
    const std::size_t batch =
        options.batch_size == 0 ? std::numeric_limits<std::size_t>::max() : options.batch_size;
    // Imports insert into large indexes at random places; a bigger page cache for the run (128 MB,
    // within the 200 MB an import may use) keeps their upper levels in memory (about 30% faster at
    // two million interactions).
    db.sql().exec("PRAGMA cache_size = -131072");
    db.sql().exec("PRAGMA wal_autocheckpoint = 16384");
    ImportSink sink(db, source->id, run->id, source->cursor, now, batch);
    const auto parse = [&](core::RecordSink& out) {
        // Whatever bytes the source held, what is stored is valid UTF-8 without NUL (cleaned on
        // the parsing thread: the writing thread is the busier one).
        core::CleanTextSink clean(out);
        return importer.run(request, clean, progress);
    };
    auto outcome = options.pipelined ? core::run_pipeline(parse, sink) : parse(sink);
    // Stop keeps every complete record read so far; Cancel and failures keep only what earlier
    // batches committed.
    const bool keep = outcome || (outcome.error().code == core::ErrorCode::cancelled &&
                                  !progress.rollback_requested());
    if (keep) {
        if (auto c = sink.commit(); !c) outcome = c;
    }
    if (!outcome && !(keep && outcome.error().code == core::ErrorCode::cancelled)) sink.rollback();
    result.counts = sink.counts();

    std::string error;
    if (outcome) {
        result.status = "completed";
    } else if (outcome.error().code == core::ErrorCode::cancelled) {
        result.status = "cancelled";
    } else {
        result.status = "failed";
        error = outcome.error().message;
    }
    // New identities are matched against everyone (cost proportional to what the run added),
    // then the people touched by committed batches get fresh caches whatever the outcome.
    if (options.resolve_identities) {
        if (auto resolved = IdentityResolver(db, now).resolve_new()) result.resolution = *resolved;
    }
    if (auto refreshed = refresh_person_stats(db)) result.people_refreshed = *refreshed;
    const auto cursor = outcome ? sink.new_cursor() : std::nullopt;
    if (auto f = finish_run(db, result, error, cursor, now); !f) return f.error();
    if (!outcome) return outcome.error();
    return result;
}

}  // namespace kith::db
