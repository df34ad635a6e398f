#include "db/run_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <utility>
#include <vector>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct flock byte_of(std::int64_t run_id, short type) {
    struct flock l {};
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = static_cast<off_t>(run_id);
    l.l_len = 1;
    return l;
}

}  // namespace

fs::path run_lock_path(const fs::path& database) {
    return database.string() + "-imports.lock";
}

Result<RunLock> RunLock::acquire(const fs::path& database, std::int64_t run_id) {
    const fs::path path = run_lock_path(database);
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return make_error(ErrorCode::io, "import: cannot create " + path.string(),
                          "Make the database's folder writable.");
    auto l = byte_of(run_id, F_WRLCK);
    if (::fcntl(fd, F_OFD_SETLK, &l) != 0) {
        ::close(fd);
        return make_error(ErrorCode::internal,
                          "import: run " + std::to_string(run_id) + " is already locked",
                          "This is a bug in Kith; please report it.");
    }
    return RunLock(fd);
}

bool RunLock::held(const fs::path& database, std::int64_t run_id) {
    const int fd = ::open(run_lock_path(database).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;  // no lock file: no run ever held a lock here
    auto l = byte_of(run_id, F_RDLCK);
    const bool held = ::fcntl(fd, F_OFD_GETLK, &l) == 0 && l.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

RunLock::RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

RunLock::~RunLock() {
    if (m_fd >= 0) ::close(m_fd);
}

Result<int> fail_abandoned_runs(Database& db, core::TimePoint now) {
    return guarded("check import runs", db.path().string(), [&]() -> Result<int> {
        // Cheap when nothing is running: no write transaction at all.
        if (db.sql()
                .execAndGet("SELECT count(*) FROM import_runs WHERE status = 'running'")
                .getInt() == 0)
            return 0;
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        std::vector<std::int64_t> dead;
        {
            SQLite::Statement q(db.sql(), "SELECT id FROM import_runs WHERE status = 'running'");
            while (q.executeStep()) {
                const auto id = q.getColumn(0).getInt64();
                if (!RunLock::held(db.path(), id)) dead.push_back(id);
            }
        }
        SQLite::Statement u(db.sql(),
                            "UPDATE import_runs SET status = 'failed', finished_at = ?, error = "
                            "'interrupted: the program running this import ended before it "
                            "finished (killed, crashed or the computer stopped); what its "
                            "committed batches hold is kept, run the import again to complete "
                            "it' WHERE id = ?");
        for (const auto id : dead) {
            u.bind(1, core::to_unix(now));
            u.bind(2, id);
            u.exec();
            u.reset();
        }
        tx.commit();
        return static_cast<int>(dead.size());
    });
}

}  // namespace kith::db
