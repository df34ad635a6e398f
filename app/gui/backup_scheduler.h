#pragma once
// The daily backup while the app runs: a timer asks every hour whether the open database has a
// backup from the last 24 hours, and if not a worker thread with its own connection writes one
// (SQLite's online backup: the window and other writers carry on meanwhile).

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <wx/event.h>
#include <wx/timer.h>

#include "core/clock.h"
#include "core/result.h"

namespace kith::app {

/// UI thread only (the worker touches nothing but its own connection and the files).
class BackupScheduler : public wxEvtHandler {
  public:
    /// How often the timer asks whether a backup is due.
    static constexpr int kCheckMs = 60 * 60 * 1000;

    /// The database to back up: `database()` on each check (nullopt: none, e.g. demo data).
    /// `done` runs on the UI thread after each backup with its file or its error.
    BackupScheduler(std::function<std::optional<std::filesystem::path>()> database,
                    std::shared_ptr<const core::Clock> clock,
                    std::function<void(const core::Result<std::filesystem::path>&)> done);
    ~BackupScheduler() override;  ///< waits for a running backup

    /// Checks now and then every `interval_ms`.
    void start(int interval_ms = kCheckMs);
    /// Starts a backup on a worker when one is due and none is running; true when started.
    bool check_now();
    /// Waits until a running backup's worker has finished (its `done` still goes through the
    /// event loop).
    void wait();

  private:
    std::function<std::optional<std::filesystem::path>()> m_database;
    std::shared_ptr<const core::Clock> m_clock;
    std::function<void(const core::Result<std::filesystem::path>&)> m_done;
    wxTimer m_timer;
    std::thread m_worker;
    std::mutex m_mutex;      ///< guards the two flags below, shared with the worker
    bool m_alive = true;     ///< false once the destructor runs: no more results are posted
    bool m_finished = true;  ///< the worker has written its result
};

}  // namespace kith::app
