#pragma once
// Runs one importer against the database: source and run bookkeeping, the sink, the cursor.

#include <cstdint>
#include <string>

#include "core/importer.h"
#include "db/import_sink.h"

namespace kith::db {

class Database;

struct ImportResult {
    std::int64_t source_id = 0;
    std::int64_t run_id = 0;
    std::string status;  ///< "completed", "cancelled", "failed"
    ImportCounts counts;
    std::int64_t people_refreshed = 0;
};

/// Registers (or reuses) the source (kind, location), records a run, streams the importer into an
/// ImportSink, and finishes the run. Cancel or failure keep the batches already committed (every
/// record is complete and a rerun is idempotent), drop the open batch, mark the run and keep the
/// old cursor. Errors are returned after the run is recorded as failed.
core::Result<ImportResult> run_import(Database& db, core::Importer& importer,
                                      const core::ImportRequest& request, core::Progress& progress,
                                      core::TimePoint now);

}  // namespace kith::db
