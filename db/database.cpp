#include "db/database.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <system_error>
#include <thread>

#include "db/backup.h"
#include "db/migrations.h"
#include "db/run_lock.h"
#include "db/sqlite_error.h"
#include "db/sqlite_file.h"

namespace kith::db {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// Up to this size every open runs PRAGMA quick_check (about 3 ms per MB), so a damaged file is
// refused before anything is written to it. Larger files are checked when migrating and by the
// app in the background.
constexpr std::uintmax_t kQuickCheckMaxBytes = 64u << 20;

core::Error damaged(const fs::path& path) {
    return make_error(ErrorCode::corrupt,
                      "open (" + path.string() + "): the database file is damaged",
                      restore_hint(path));
}

Result<void> check_is_kith(SQLite::Database& db, const fs::path& path) {
    const int app_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    // Reading the schema also makes SQLite validate page 1; damaged files fail here.
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (app_id != kApplicationId && (app_id != 0 || tables > 0)) {
        return make_error(ErrorCode::not_a_kith_database,
                          "open (" + path.string() +
                              "): this SQLite file belongs to another "
                              "program, not Kith",
                          "Check the path given with --db or KITH_DB; nothing was changed.");
    }
    if (version > latest_schema_version()) {
        return make_error(ErrorCode::too_new,
                          "open (" + path.string() +
                              "): the database was written by a newer Kith "
                              "(schema " +
                              std::to_string(version) + ", this Kith knows up to " +
                              std::to_string(latest_schema_version()) + ")",
                          "Update Kith; nothing was changed.");
    }
    return {};
}

// SQLite's own busy handler sleeps up to 100 ms between attempts, so a writer waiting for an
// import that commits a batch and starts the next within milliseconds almost never gets in. This
// one tries every millisecond until the busy timeout has passed (ImportSink pauses 5 ms after
// each batch). Busy episodes are contiguous on one thread, so the start time is thread-local.
int poll_while_busy(void* timeout_ms, int attempt) {
    thread_local std::chrono::steady_clock::time_point started;
    const auto now = std::chrono::steady_clock::now();
    if (attempt == 0) started = now;
    const auto limit = std::chrono::milliseconds(reinterpret_cast<std::intptr_t>(timeout_ms));
    if (now - started >= limit) return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return 1;
}

}  // namespace

Database::Database(std::unique_ptr<SQLite::Database> db, fs::path path)
    : m_db(std::move(db)),
      m_path(std::move(path)),
      m_statements(std::make_unique<StatementCache>(*m_db)) {}

Database::~Database() = default;

int busy_timeout_ms() {
    const auto v = env("KITH_BUSY_TIMEOUT_MS");
    if (v.empty()) return 5000;
    try {
        return std::max(0, std::stoi(v));
    } catch (...) {
        return 5000;
    }
}

fs::path default_database_path(bool demo) {
    const char* file = demo ? "demo.db" : "kith.db";
    if (!demo) {
        if (const auto p = env("KITH_DB"); !p.empty()) return p;
    }
    if (const auto xdg = env("XDG_DATA_HOME"); !xdg.empty()) return fs::path(xdg) / "kith" / file;
    const auto home = env("HOME");
    return fs::path(home.empty() ? "." : home) / ".local" / "share" / "kith" / file;
}

Result<std::unique_ptr<Database>> Database::open(const fs::path& path, OpenMode mode) {
    const std::string where = path.string();
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (exists && fs::is_directory(path, ec)) {
        return make_error(ErrorCode::io, "open (" + where + "): this is a folder, not a file",
                          "Give the path of a database file, e.g. --db " + where + "/kith.db");
    }
    const bool is_new = !exists || fs::file_size(path, ec) == 0;
    if (!exists) {
        if (mode == OpenMode::read_only) {
            return make_error(ErrorCode::not_found, "open (" + where + "): no database here",
                              "Create one with `kith-cli --db " + where + " init`.");
        }
        if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) {
            fs::create_directories(path.parent_path(), ec);
            if (ec) {
                return make_error(ErrorCode::io,
                                  "open (" + where + "): cannot create the folder " +
                                      path.parent_path().string() + ": " + ec.message(),
                                  "Choose a writable location with --db PATH or KITH_DB.");
            }
        }
    } else if (!is_new && !has_sqlite_header(path)) {
        return make_error(ErrorCode::not_a_kith_database,
                          "open (" + where + "): this file is not a Kith database",
                          "Check the path given with --db or KITH_DB; nothing was changed.");
    }

    return guarded("open", where, [&]() -> Result<std::unique_ptr<Database>> {
        // One connection per thread (never shared), so SQLite's own mutexes are pure overhead.
        const int flags =
            (mode == OpenMode::read_only ? SQLite::OPEN_READONLY
                                         : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) |
            SQLite::OPEN_NOMUTEX;
        auto sql = std::make_unique<SQLite::Database>(path, flags, busy_timeout_ms());
        sqlite3_busy_handler(
            sql->getHandle(), poll_while_busy,
            reinterpret_cast<void*>(static_cast<std::intptr_t>(busy_timeout_ms())));
        if (auto ok = check_is_kith(*sql, path); !ok) return ok.error();

        const int version = sql->execAndGet("PRAGMA user_version").getInt();
        if (!is_new && fs::file_size(path, ec) <= kQuickCheckMaxBytes &&
            sql->execAndGet("PRAGMA quick_check(1)").getString() != "ok")
            return damaged(path);
        std::unique_ptr<Database> db(new Database(std::move(sql), path));
        auto& s = *db->m_db;
        if (version < latest_schema_version()) {
            if (mode == OpenMode::read_only) {
                return make_error(ErrorCode::database,
                                  "open (" + where + "): the database needs an upgrade first",
                                  "Run any kith-cli command without read-only mode once.");
            }
            if (version > 0) {
                if (s.execAndGet("PRAGMA quick_check(1)").getString() != "ok") return damaged(path);
                const auto now =
                    std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
                auto copy = rotate_backup(*db, "before-upgrade-from-" + std::to_string(version),
                                          now, backup_keep(*db));
                if (!copy) return copy.error();
                db->m_backup = *copy;
            }
            if (is_new) s.exec("PRAGMA journal_mode = WAL");
            apply_migrations(s, version);
        }
        s.exec("PRAGMA foreign_keys = ON");
        if (mode == OpenMode::read_write) {
            s.exec("PRAGMA synchronous = NORMAL");
            // Readers and writers side by side need WAL; a restore interrupted before its rename
            // leaves the old file in rollback mode. Switching needs the file to ourselves, so it
            // is retried on a later open when another connection is there.
            if (s.execAndGet("PRAGMA journal_mode").getString() != "wal") {
                try {
                    s.exec("PRAGMA journal_mode = WAL");
                } catch (const SQLite::Exception&) {
                }
            }
            if (auto r = fail_abandoned_runs(*db, std::chrono::floor<std::chrono::seconds>(
                                                      std::chrono::system_clock::now()));
                !r)
                return r.error();
        }
        s.exec("PRAGMA temp_store = MEMORY");
        s.exec("PRAGMA cache_size = -65536");
        return db;
    });
}

}  // namespace kith::db
