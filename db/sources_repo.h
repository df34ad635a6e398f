#pragma once
// The Sources view: every import origin with its latest run.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct SourceSummary {
    std::int64_t id = 0;
    std::string kind;         ///< "mbox", "jsonl"…
    std::string location;     ///< the file, folder or URL
    bool has_cursor = false;  ///< a rerun is incremental
    int runs = 0;
    // The latest run, when there is one.
    std::optional<core::TimePoint> last_started;
    std::string last_status;  ///< "completed", "cancelled", "failed", "running"
    std::int64_t last_added = 0, last_updated = 0, last_skipped = 0, last_warnings = 0;
    std::string last_error;
};

/// Every source, the most recently run first; demo data is not a source the user added and is
/// left out. Errors are the database's.
core::Result<std::vector<SourceSummary>> list_sources(Database& db);

/// Registers a source the user added before its first run (kith-cli source add, the app's account
/// forms) and returns its id; an existing (kind, location) keeps its id, cursor and runs.
core::Result<std::int64_t> add_source(Database& db, const std::string& kind,
                                      const std::string& location, core::TimePoint now);

}  // namespace kith::db
