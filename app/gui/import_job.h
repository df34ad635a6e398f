#pragma once
// One import on a worker thread: its own database connection, progress posted to the UI thread a
// few times a second, Stop (keep what was read) and Cancel (undo the run). The run is one
// transaction, so the user's data never holds half an import.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/importer.h"
#include "core/result.h"
#include "core/time.h"
#include "db/import_runner.h"

namespace kith::app {

/// A progress report, on the UI thread.
struct ImportProgress {
    std::uint64_t done = 0, total = 0;  ///< bytes or records; total 0 = unknown
    std::string what;
    std::chrono::steady_clock::duration elapsed{};
};

/// Starts the worker in the constructor; the destructor cancels (rolls back) a run still going
/// and waits for it. Callbacks run on the UI thread, never after the job is destroyed. Create and
/// destroy on the UI thread.
class ImportJob {
  public:
    using OnProgress = std::function<void(const ImportProgress&)>;
    using OnDone = std::function<void(const core::Result<db::ImportResult>&)>;

    ImportJob(std::filesystem::path db_path, core::ImportRequest request, core::TimePoint now,
              OnProgress on_progress, OnDone on_done);
    ~ImportJob();
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    /// Stop: the importer stops at the next record; everything read so far is kept.
    void stop();
    /// Cancel: the importer stops at the next record; the whole run is undone.
    void cancel();
    /// True until on_done has been called.
    bool running() const;

    /// Estimated time left from the progress so far, when the total is known. Pure.
    static std::optional<std::chrono::seconds> eta(const ImportProgress& p);

  private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    std::thread m_worker;
};

}  // namespace kith::app
