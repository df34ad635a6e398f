#pragma once
// Consistent copies of a Kith database (SQLite's online backup API) in a rotating folder beside
// it, and the checks that say whether a file is a usable Kith database.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace SQLite {
class Database;
}

namespace kith::db {

class Database;

/// How many rotating backups are kept when the setting `backup.keep` is not set.
inline constexpr int kDefaultBackupKeep = 10;
/// The setting that overrides kDefaultBackupKeep (a number from 1 to 1000).
inline constexpr const char* kBackupKeepSetting = "backup.keep";

/// One backup in the rotating folder.
struct BackupFile {
    std::filesystem::path path;
    std::string stamp;   ///< UTC, "20261129T213000Z"
    int sequence = 0;    ///< 0, or 2, 3… for further backups within the same second
    std::string reason;  ///< "manual", "daily", "before-upgrade-from-2", "before-restore"…
    std::uintmax_t bytes = 0;
};

/// The rotating folder of `database`: `backups` beside the file (shared by the databases of a
/// folder; each file's backups are named after it).
std::filesystem::path backup_folder(const std::filesystem::path& database);

/// The backups of `database` in its folder, newest first. Only files Kith named for this
/// database count; partial copies and copies of damaged files are never listed.
std::vector<BackupFile> list_backups(const std::filesystem::path& database);

/// The newest backup of `database` that looks like a Kith database (every backup was checked
/// when it was written), if any.
std::optional<std::filesystem::path> latest_backup(const std::filesystem::path& database);

/// What to tell someone whose database is damaged: the exact restore command with the newest
/// backup, or where backups would be.
std::string restore_hint(const std::filesystem::path& database);

/// How many rotating backups to keep: the `backup.keep` setting, else kDefaultBackupKeep.
int backup_keep(Database& db);

/// Copies the open database into `target` while other connections carry on (SQLite's online
/// backup API), checks the copy (quick_check) and only then gives it its name, so a failed or
/// killed backup never leaves a file that looks like one. The copy is a single self-contained
/// file (rollback journal). `target` must not exist.
core::Result<void> backup_into(Database& db, const std::filesystem::path& target);

/// Writes a rotating backup, `<folder>/<stem>-<UTC time>-<reason>.db`, then deletes the oldest
/// beyond `keep`. Returns the new file.
core::Result<std::filesystem::path> rotate_backup(Database& db, std::string_view reason,
                                                  core::TimePoint now, int keep);

/// True when `database` has no backup taken within `interval` before `now`.
bool backup_due(const std::filesystem::path& database, core::TimePoint now,
                std::chrono::seconds interval = std::chrono::hours(24));

/// What a checked database file holds.
struct DatabaseCheck {
    int schema_version = 0;
    std::int64_t people = 0;
    std::int64_t interactions = 0;
};

/// Checks that `file` is a complete, undamaged Kith database this Kith can open, without writing
/// to it: opened read-only, PRAGMA integrity_check, Kith's application id, a schema version from
/// 1 to the latest. The error says what is wrong.
core::Result<DatabaseCheck> check_database_file(const std::filesystem::path& file);

/// Copies every page of `from` into `into` in one step of SQLite's online backup API (one read
/// transaction on `from`: a consistent snapshot while other connections write), retrying while
/// `from` is briefly busy. Throws SQLite::Exception when the copy cannot be completed.
void copy_all_pages(SQLite::Database& into, SQLite::Database& from);

/// A file name stamp for `t`: "20261129T213000Z".
std::string backup_stamp(core::TimePoint t);

}  // namespace kith::db
