#include "app/gui/backup_scheduler.h"

#include "db/backup.h"
#include "db/database.h"

namespace kith::app {

namespace fs = std::filesystem;

BackupScheduler::BackupScheduler(std::function<std::optional<fs::path>()> database,
                                 std::shared_ptr<const core::Clock> clock,
                                 std::function<void(const core::Result<fs::path>&)> done)
    : m_database(std::move(database)), m_clock(std::move(clock)), m_done(std::move(done)) {
    m_timer.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { check_now(); });
}

BackupScheduler::~BackupScheduler() {
    m_timer.Stop();
    {
        std::lock_guard lock(m_mutex);
        m_alive = false;
    }
    wait();
}

void BackupScheduler::start(int interval_ms) {
    check_now();
    m_timer.Start(interval_ms);
}

void BackupScheduler::wait() {
    if (m_worker.joinable()) m_worker.join();
}

bool BackupScheduler::check_now() {
    const auto path = m_database();
    const auto now = m_clock->now();
    if (!path || !db::backup_due(*path, now)) return false;
    // One at a time: a backup still running (a very large file) is not started twice.
    {
        std::lock_guard lock(m_mutex);
        if (!m_finished) return false;
        m_finished = false;
    }
    wait();
    m_worker = std::thread([this, file = *path, now] {
        // The worker's own connection, read-only: the app's rule for threads.
        core::Result<fs::path> result = [&]() -> core::Result<fs::path> {
            auto opened = db::Database::open(file, db::OpenMode::read_only);
            if (!opened) return opened.error();
            return db::rotate_backup(**opened, "daily", now, db::backup_keep(**opened));
        }();
        std::lock_guard lock(m_mutex);
        m_finished = true;
        if (m_alive) CallAfter([this, result] { m_done(result); });
    });
    return true;
}

}  // namespace kith::app
