#include "db/restore.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <climits>
#include <system_error>

#include "db/database.h"
#include "db/sqlite_error.h"
#include "db/sqlite_file.h"

namespace kith::db {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

constexpr const char* kSidecars[] = {"-wal", "-shm", "-journal"};

fs::path sidecar(const fs::path& database, const char* suffix) {
    return database.string() + suffix;
}

// A database that cannot be opened (damaged, or a schema this Kith only reads after upgrading
// it) is kept byte for byte with its WAL, which may hold committed transactions, under a name
// list_backups never offers for restoring.
Result<fs::path> save_raw_copy(const fs::path& database, core::TimePoint now) {
    const fs::path folder = backup_folder(database);
    std::error_code ec;
    fs::create_directories(folder, ec);
    const fs::path target =
        folder / (database.stem().string() + "-" + backup_stamp(now) + "-before-restore.raw");
    fs::copy_file(database, target, fs::copy_options::overwrite_existing, ec);
    if (!ec && fs::exists(sidecar(database, "-wal")))
        fs::copy_file(sidecar(database, "-wal"), target.string() + "-wal",
                      fs::copy_options::overwrite_existing, ec);
    if (ec)
        return make_error(
            ErrorCode::io,
            "restore: cannot save the current database to " + target.string() + ": " + ec.message(),
            "Free some space or make the folder writable; nothing was changed.");
    sync_path(target);
    return target;
}

Result<void> save_current(const fs::path& database, core::TimePoint now, RestoreResult& out) {
    std::error_code ec;
    if (!fs::exists(database, ec) || fs::file_size(database, ec) == 0) return {};
    if (auto db = Database::open(database, OpenMode::read_only)) {
        // Not rotated: a restore never deletes older backups.
        auto saved = rotate_backup(**db, "before-restore", now, INT_MAX);
        if (!saved) return saved.error();
        out.saved_as = *saved;
        return {};
    }
    auto raw = save_raw_copy(database, now);
    if (!raw) return raw.error();
    out.saved_as = *raw;
    out.saved_raw = true;
    return {};
}

// The copy of `from` beside the database, in WAL mode like every Kith database.
Result<void> build_copy(const fs::path& from, const fs::path& copy_path) {
    std::error_code ec;
    fs::remove(copy_path, ec);  // left by a restore that was killed
    for (const char* s : kSidecars) fs::remove(sidecar(copy_path, s), ec);
    return guarded("restore", copy_path.string(), [&]() -> Result<void> {
        {
            SQLite::Database source(from, SQLite::OPEN_READONLY);
            SQLite::Database copy(copy_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copy_all_pages(copy, source);
            copy.exec("PRAGMA journal_mode = WAL");
            copy.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        sync_path(copy_path);
        return {};
    });
}

core::Error in_use(const fs::path& database) {
    return make_error(
        ErrorCode::locked,
        "restore (" + database.string() + "): the database is open in Kith or another kith-cli",
        "Close Kith and wait for running imports, then run the restore again; "
        "nothing was changed.");
}

}  // namespace

Result<RestoreResult> restore_database(const fs::path& database, const fs::path& from,
                                       core::TimePoint now) {
    std::error_code ec;
    if (fs::exists(database, ec) && fs::equivalent(database, from, ec))
        return make_error(ErrorCode::invalid_input,
                          "restore: " + from.string() + " is the database itself",
                          "Give a backup; `kith-cli backup --list` shows them.");
    RestoreResult result;
    auto checked = check_database_file(from);
    if (!checked) return checked.error();
    result.check = *checked;
    if (auto saved = save_current(database, now, result); !saved) return saved.error();

    if (database.has_parent_path()) fs::create_directories(database.parent_path(), ec);
    const fs::path copy_path = database.string() + ".restoring";
    if (auto built = build_copy(from, copy_path); !built) {
        fs::remove(copy_path, ec);
        return built.error();
    }

    // Exclusive use of the current file while it is swapped: leaving WAL mode needs every other
    // connection closed, and the exclusive transaction keeps new ones out until the rename.
    std::unique_ptr<SQLite::Database> guard;
    if (fs::exists(database, ec) && fs::file_size(database, ec) > 0) {
        try {
            guard = std::make_unique<SQLite::Database>(database, SQLite::OPEN_READWRITE, 2000);
            const std::string mode = guard->execAndGet("PRAGMA journal_mode = DELETE").getString();
            if (mode != "delete") {
                fs::remove(copy_path, ec);
                return in_use(database);
            }
            guard->exec("BEGIN EXCLUSIVE");
        } catch (const SQLite::Exception& e) {
            const int code = e.getErrorCode() & 0xff;
            if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
                fs::remove(copy_path, ec);
                return in_use(database);
            }
            // Too damaged to take part: it was saved raw above and is replaced as a file.
            guard.reset();
        }
    }
    for (const char* s : kSidecars) fs::remove(sidecar(database, s), ec);
    fs::rename(copy_path, database, ec);
    if (ec) {
        fs::remove(copy_path, ec);
        return make_error(
            ErrorCode::io,
            "restore (" + database.string() + "): cannot replace the file: " + ec.message(),
            "Make the database's folder writable; the database was not changed.");
    }
    sync_path(database.parent_path());
    guard.reset();  // rolls back the empty transaction on the old, now unlinked, file
    return result;
}

}  // namespace kith::db
