#pragma once
// Telling a running import from one whose process died: a live run holds a lock that the kernel
// drops when its process ends, however it ends (SIGKILL, a crash, power loss).

#include <cstdint>
#include <filesystem>

#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// Holds run `run_id` of a database as alive: an open-file-description lock on byte `run_id` of
/// `<database>-imports.lock` (a file that stays empty), released when this object or its process
/// goes. Locks conflict between connections of one process too. Move-only.
class RunLock {
  public:
    /// Takes the lock; an error when the lock file cannot be created.
    static core::Result<RunLock> acquire(const std::filesystem::path& database,
                                         std::int64_t run_id);
    /// True while some RunLock (in any process) holds `run_id`.
    static bool held(const std::filesystem::path& database, std::int64_t run_id);

    RunLock(RunLock&& other) noexcept;
    RunLock& operator=(RunLock&& other) noexcept;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock();

  private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

/// The lock file of `database`.
std::filesystem::path run_lock_path(const std::filesystem::path& database);

/// Marks every run still 'running' whose process is gone as failed ("interrupted"), in one write
/// transaction (so no run can start between the check and the update). Returns how many.
core::Result<int> fail_abandoned_runs(Database& db, core::TimePoint now);

}  // namespace kith::db
