#pragma once
// Runs one importer against the database: source and run bookkeeping, the sink, the cursor.

#include <cstdint>
#include <string>

#include "core/importer.h"
#include "db/identity_resolver.h"
#include "db/import_sink.h"

namespace kith::db {

class Database;

struct ImportResult {
    std::int64_t source_id = 0;
    std::int64_t run_id = 0;
    std::string status;  ///< "completed", "cancelled", "failed"
    ImportCounts counts;
    std::int64_t people_refreshed = 0;
    ResolutionCounts resolution;  ///< identity resolution after the run
};

/// How a run writes. The command line commits every `batch_size` records, so a killed run keeps
/// most of its work; the app runs an import as one transaction (`batch_size` 0), so that Cancel
/// can undo all of it while Stop keeps all of it.
struct RunOptions {
    std::size_t batch_size = 10000;  ///< records per transaction; 0 = the whole run in one
    bool resolve_identities = true;  ///< run identity resolution on what the import added
    /// Parse on a thread of its own while this thread writes (core/import_pipeline.h); false
    /// parses and writes on this thread, one after the other (tests compare the two).
    bool pipelined = true;
};

/// Registers (or reuses) the source (kind, location), records a run, streams the importer into an
/// ImportSink, and finishes the run. Cancel or failure keep the batches already committed (every
/// record is complete and a rerun is idempotent), mark the run and keep the old cursor. A cancel
/// (Stop) also commits the open batch; a cancel with `progress.rollback_requested()` (Cancel) and
/// a failure drop it. Errors are returned after the run is recorded as failed or cancelled.
/// The importer runs on a thread of its own (see RunOptions::pipelined) and reports progress and
/// checks for cancel there; every database call stays on the calling thread.
core::Result<ImportResult> run_import(Database& db, core::Importer& importer,
                                      const core::ImportRequest& request, core::Progress& progress,
                                      core::TimePoint now, const RunOptions& options = {});

}  // namespace kith::db
