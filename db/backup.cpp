#include "db/backup.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <regex>
#include <system_error>
#include <thread>
#include <tuple>

#include "db/database.h"
#include "db/migrations.h"
#include "db/settings_repo.h"
#include "db/sqlite_error.h"
#include "db/sqlite_file.h"

namespace kith::db {

namespace fs = std::filesystem;
using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

// The part of a backup's name after "<stem>-": the time, an optional sequence number within the
// same second, and the reason.
const std::regex& backup_name_pattern() {
    static const std::regex pattern(R"(^(\d{8}T\d{6}Z)(?:\.(\d+))?-([a-z0-9-]+)\.db$)");
    return pattern;
}

std::optional<core::TimePoint> parse_stamp(const std::string& s) {
    // "20261129T213000Z" → "2026-11-29T21:30:00Z"
    const std::string iso = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2) + "T" +
                            s.substr(9, 2) + ":" + s.substr(11, 2) + ":" + s.substr(13, 2) + "Z";
    return core::parse_iso(iso);
}

core::Error check_failed(const fs::path& file, const std::string& what) {
    return make_error(ErrorCode::corrupt, "check (" + file.string() + "): " + what,
                      "Choose another copy; `kith-cli backup --list` shows the backups.");
}

}  // namespace

void copy_all_pages(SQLite::Database& into, SQLite::Database& from) {
    SQLite::Backup backup(into, from);
    for (int attempt = 0;; ++attempt) {
        // SQLiteCpp throws on errors but returns BUSY and LOCKED, which mean "not yet".
        const int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE) return;
        if (attempt == 50) throw SQLite::Exception("the database stayed busy during the copy", rc);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::string backup_stamp(core::TimePoint t) {
    const std::time_t tt = core::to_unix(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

fs::path backup_folder(const fs::path& database) {
    return database.parent_path() / "backups";
}

std::vector<BackupFile> list_backups(const fs::path& database) {
    std::vector<BackupFile> found;
    const std::string prefix = database.stem().string() + "-";
    std::error_code ec;
    for (auto it = fs::directory_iterator(backup_folder(database), ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with(prefix) || !it->is_regular_file(ec)) continue;
        const std::string rest = name.substr(prefix.size());
        std::smatch m;
        if (!std::regex_match(rest, m, backup_name_pattern())) continue;
        BackupFile b;
        b.path = it->path();
        b.stamp = m[1];
        b.sequence = m[2].matched ? std::stoi(m[2]) : 0;
        b.reason = m[3];
        b.bytes = it->file_size(ec);
        found.push_back(std::move(b));
    }
    std::sort(found.begin(), found.end(), [](const BackupFile& a, const BackupFile& b) {
        return std::tie(a.stamp, a.sequence) > std::tie(b.stamp, b.sequence);
    });
    return found;
}

std::optional<fs::path> latest_backup(const fs::path& database) {
    for (const auto& b : list_backups(database))
        if (has_sqlite_header(b.path)) return b.path;
    return std::nullopt;
}

std::string restore_hint(const fs::path& database) {
    const std::string db = shell_quoted(database);
    if (const auto latest = latest_backup(database))
        return "Nothing was written. Restore the newest copy (your database is saved first): "
               "kith-cli --db " +
               db + " restore " + shell_quoted(*latest);
    return "Nothing was written. Restore the newest copy you have (no backups in " +
           backup_folder(database).string() + "): kith-cli --db " + db + " restore FILE";
}

int backup_keep(Database& db) {
    auto value = SettingsRepo(db).get(kBackupKeepSetting);
    if (!value || !*value) return kDefaultBackupKeep;
    try {
        const int n = std::stoi(**value);
        return n >= 1 && n <= 1000 ? n : kDefaultBackupKeep;
    } catch (...) {
        return kDefaultBackupKeep;
    }
}

Result<void> backup_into(Database& db, const fs::path& target) {
    const std::string where = target.string();
    std::error_code ec;
    if (fs::exists(target, ec))
        return make_error(ErrorCode::conflict, "backup (" + where + "): the file already exists",
                          "Choose a new file name or a folder; nothing was overwritten.");
    const fs::path partial = target.string() + ".partial";
    fs::remove(partial, ec);  // left by a backup that was killed
    auto copied = guarded("backup", where, [&]() -> Result<void> {
        {
            SQLite::Database copy(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copy_all_pages(copy, db.sql());
            copy.exec("PRAGMA journal_mode = DELETE");
            const std::string check = copy.execAndGet("PRAGMA quick_check(1)").getString();
            if (check != "ok")
                return make_error(ErrorCode::corrupt,
                                  "backup (" + db.path().string() +
                                      "): the copy failed its check (" + check + ")",
                                  "The database may be damaged; run `kith-cli restore` with an "
                                  "earlier backup.");
        }
        sync_path(partial);
        fs::rename(partial, target);
        sync_path(target.parent_path());
        return {};
    });
    if (!copied) fs::remove(partial, ec);
    return copied;
}

Result<fs::path> rotate_backup(Database& db, std::string_view reason, core::TimePoint now,
                               int keep) {
    const fs::path folder = backup_folder(db.path());
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        return make_error(
            ErrorCode::io,
            "backup: cannot create the folder " + folder.string() + ": " + ec.message(),
            "Make the database's folder writable.");
    const std::string base = db.path().stem().string() + "-" + backup_stamp(now);
    fs::path target = folder / (base + "-" + std::string(reason) + ".db");
    for (int n = 2; fs::exists(target, ec); ++n)
        target = folder / (base + "." + std::to_string(n) + "-" + std::string(reason) + ".db");
    if (auto r = backup_into(db, target); !r) return r.error();
    const auto all = list_backups(db.path());
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 1)); i < all.size(); ++i)
        fs::remove(all[i].path, ec);
    return target;
}

bool backup_due(const fs::path& database, core::TimePoint now, std::chrono::seconds interval) {
    const auto all = list_backups(database);
    if (all.empty()) return true;
    const auto newest = parse_stamp(all.front().stamp);
    return !newest || now - *newest >= interval;
}

Result<DatabaseCheck> check_database_file(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return make_error(ErrorCode::not_found, "check (" + file.string() + "): no such file",
                          "Give the path of a backup; `kith-cli backup --list` shows them.");
    if (!has_sqlite_header(file))
        return make_error(ErrorCode::not_a_kith_database,
                          "check (" + file.string() + "): this file is not a Kith database",
                          "Give the path of a backup; `kith-cli backup --list` shows them.");
    try {
        SQLite::Database sql(file, SQLite::OPEN_READONLY);
        const int app_id = sql.execAndGet("PRAGMA application_id").getInt();
        if (app_id != kApplicationId)
            return make_error(ErrorCode::not_a_kith_database,
                              "check (" + file.string() +
                                  "): this SQLite file is not a Kith "
                                  "database",
                              "Give the path of a backup; `kith-cli backup --list` shows them.");
        const int version = sql.execAndGet("PRAGMA user_version").getInt();
        if (version > latest_schema_version())
            return make_error(ErrorCode::too_new,
                              "check (" + file.string() + "): written by a newer Kith (schema " +
                                  std::to_string(version) + ")",
                              "Update Kith first.");
        if (version < 1) return check_failed(file, "the file holds no Kith schema");
        const std::string integrity = sql.execAndGet("PRAGMA integrity_check(1)").getString();
        if (integrity != "ok") return check_failed(file, "the file is damaged (" + integrity + ")");
        DatabaseCheck c;
        c.schema_version = version;
        c.people = sql.execAndGet("SELECT count(*) FROM people").getInt64();
        c.interactions = sql.execAndGet("SELECT count(*) FROM interactions").getInt64();
        return c;
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            return check_failed(file, std::string("the file is damaged (") + e.what() + ")");
        return sqlite_error(e, "check", file.string());
    }
}

}  // namespace kith::db
