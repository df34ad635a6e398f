#pragma once
// Demo data, shared by `kith-cli demo` and the app's first run: generated into its own file, never
// into the user's database. No wxWidgets here; the welcome panel runs it on a worker thread.

#include <cstdint>
#include <filesystem>

#include "core/progress.h"
#include "core/result.h"
#include "core/time.h"
#include "db/import_runner.h"

namespace kith::db {
class Database;
}

namespace kith::app {

/// How many people the app's demo has (the same default as `kith-cli demo`).
inline constexpr int kDemoPeople = 300;

struct DemoRequest {
    std::filesystem::path path;  ///< the demo file, db::default_database_path(true) in the app
    int people = kDemoPeople;
    core::TimePoint now{};   ///< the user's now: the data ends today
    std::uint64_t seed = 0;  ///< 0: the generator's default (same seed, same data)
    int interactions = 0;    ///< average per person; 0: the generator's default
};

/// Refuses a database that holds someone's own data (people or interactions but no demo marker:
/// ErrorCode::conflict), marks it as demo data, and runs the demo importer on `db` (path in
/// `request` is not used). Rerunning adds nothing new.
core::Result<db::ImportResult> generate_demo(db::Database& db, const DemoRequest& request,
                                             core::Progress& progress);

/// Opens its OWN connection to `request.path` (call it on the worker thread that runs it), refuses
/// a file that holds someone's own data (people or interactions but no demo marker:
/// ErrorCode::conflict), marks the file as demo data, and runs the demo importer. Rerunning adds
/// nothing new, so a cancelled run is simply started again. Errors: the database's, the
/// importer's, ErrorCode::cancelled when `progress` asked to stop (the batches committed so far
/// stay, each complete).
core::Result<db::ImportResult> generate_demo(const DemoRequest& request, core::Progress& progress);

/// True when the database carries the demo marker (written by generate_demo and `kith-cli demo`).
core::Result<bool> is_demo_database(db::Database& db);

}  // namespace kith::app
