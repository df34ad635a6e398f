// Backups through SQLite's online backup API: consistent copies while a writer is busy, the
// rotating folder, and the checks a file must pass before it may replace a database.
#include "db/backup.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/migrations.h"
#include "db/settings_repo.h"
#include "tests/db/schema_fixtures.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using core::ErrorCode;

namespace {

/// `n` inbound emails from Ana, ids "m0"…
void add_emails(db::Database& database, int n, int first = 0) {
    std::vector<core::InteractionRecord> records;
    for (int i = first; i < first + n; ++i)
        records.push_back(email("m" + std::to_string(i), core::Direction::in, days_ago(1 + i % 30),
                                "t" + std::to_string(i % 7), kAna));
    write_all(database, records);
}

std::int64_t interactions_in(const fs::path& file) {
    SQLite::Database sql(file, SQLite::OPEN_READONLY);
    return sql.execAndGet("SELECT count(*) FROM interactions").getInt64();
}

std::vector<std::string> names_of(const std::vector<db::BackupFile>& all) {
    std::vector<std::string> names;
    for (const auto& b : all) names.push_back(b.path.filename().string());
    return names;
}

}  // namespace

TEST_CASE("a rotating backup is a checked single-file copy named after the database and time") {
    TempDir dir;
    auto database = new_db(dir);
    add_emails(*database, 40);
    auto written = db::rotate_backup(*database, "manual", kNow, 10);
    REQUIRE_MESSAGE(written.ok(), error_text(written));
    CHECK(written->parent_path() == dir / "backups");
    CHECK(written->filename().string() == "kith-" + db::backup_stamp(kNow) + "-manual.db");
    CHECK(list_dir(dir / "backups") == std::vector<std::string>{written->filename().string()});
    // Self-contained: rollback journal mode, so the one file is the whole copy.
    SQLite::Database sql(*written, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("PRAGMA journal_mode").getString() == "delete");
    auto check = db::check_database_file(*written);
    REQUIRE_MESSAGE(check.ok(), error_text(check));
    CHECK(check->interactions == 40);
    CHECK(check->people == count_rows(*database, "people"));
    CHECK(check->schema_version == db::latest_schema_version());
}

TEST_CASE("a backup taken while another connection is mid-write holds only committed data") {
    TempDir dir;
    auto database = new_db(dir);
    add_emails(*database, 10);
    auto writer = open_db(dir / "kith.db");
    writer->sql().exec("BEGIN IMMEDIATE");
    writer->sql().exec("DELETE FROM interactions WHERE ext_id IN ('m1', 'm2')");
    auto written = db::rotate_backup(*database, "daily", kNow, 10);
    REQUIRE_MESSAGE(written.ok(), error_text(written));
    writer->sql().exec("COMMIT");
    CHECK(interactions_in(*written) == 10);
    CHECK(count_rows(*database, "interactions") == 8);
}

TEST_CASE("rotation keeps the newest N backups of this database and leaves other files alone") {
    TempDir dir;
    auto database = new_db(dir);
    fs::create_directories(dir / "backups");
    // Not this database's backups: another database's, a killed copy, a damaged raw copy.
    const std::vector<std::string> foreign = {
        "demo-20260101T000000Z-manual.db", "kith-20260101T000000Z-manual.db.partial",
        "kith-20260101T000000Z-before-restore.raw", "notes.txt"};
    for (const auto& f : foreign) write_file(dir / "backups" / f, "x");
    std::vector<fs::path> written;
    for (int i = 0; i < 5; ++i) {
        add_emails(*database, 1, i);
        // Two backups in the same second get a sequence number and still sort in order.
        auto w = db::rotate_backup(*database, "daily", days_ago(10 - i / 2 * 2), 3);
        REQUIRE_MESSAGE(w.ok(), error_text(w));
        written.push_back(*w);
    }
    const auto kept = db::list_backups(dir / "kith.db");
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].path == written[4]);
    CHECK(kept[1].path == written[3]);
    CHECK(kept[2].path == written[2]);
    CHECK(kept[1].sequence == 2);
    CHECK(interactions_in(kept[0].path) == 5);
    for (const auto& f : foreign) CHECK(fs::exists(dir / "backups" / f));
    CHECK(db::latest_backup(dir / "kith.db") == written[4]);
    CHECK(names_of(db::list_backups(dir / "demo.db")) ==
          std::vector<std::string>{"demo-20260101T000000Z-manual.db"});
}

TEST_CASE("the number of backups kept is the backup.keep setting, 10 when unset or invalid") {
    TempDir dir;
    auto database = new_db(dir);
    db::SettingsRepo settings(*database);
    const std::pair<const char*, int> rows[] = {
        {nullptr, db::kDefaultBackupKeep}, {"3", 3},       {"0", db::kDefaultBackupKeep},
        {"many", db::kDefaultBackupKeep},  {"1000", 1000},
    };
    for (const auto& [value, expected] : rows) {
        CAPTURE(value ? value : "unset");
        if (value) REQUIRE(settings.set(db::kBackupKeepSetting, value).ok());
        CHECK(db::backup_keep(*database) == expected);
    }
}

TEST_CASE("a backup is due when there is none or the newest is a day old") {
    TempDir dir;
    auto database = new_db(dir);
    CHECK(db::backup_due(dir / "kith.db", kNow));
    REQUIRE(db::rotate_backup(*database, "daily", kNow, 10).ok());
    CHECK(!db::backup_due(dir / "kith.db", kNow));
    CHECK(!db::backup_due(dir / "kith.db", kNow + std::chrono::hours(23)));
    CHECK(db::backup_due(dir / "kith.db", kNow + std::chrono::hours(24)));
}

TEST_CASE("a backup never overwrites a file and leaves nothing behind when it cannot write") {
    TempDir dir;
    auto database = new_db(dir);
    write_file(dir / "taken.db", "mine");
    auto r = db::backup_into(*database, dir / "taken.db");
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::conflict);
    CHECK(read_file(dir / "taken.db") == "mine");
    auto missing = db::backup_into(*database, dir / "no" / "such" / "folder.db");
    REQUIRE(!missing.ok());
    CHECK(!missing.error().hint.empty());
    CHECK(!fs::exists(dir / "no"));
}

TEST_CASE("check_database_file accepts a sound Kith file and says what is wrong with others") {
    struct Row {
        const char* what;
        std::function<void(const fs::path&)> make;
        ErrorCode code;
        const char* message;
    };
    const Row rows[] = {
        {"no file", [](const fs::path&) {}, ErrorCode::not_found, "no such file"},
        {"a text file", [](const fs::path& p) { write_file(p, "name,email\n"); },
         ErrorCode::not_a_kith_database, "not a Kith database"},
        {"another program's SQLite file",
         [](const fs::path& p) {
             SQLite::Database sql(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
             sql.exec("CREATE TABLE notes(body TEXT)");
         },
         ErrorCode::not_a_kith_database, "not a Kith database"},
        {"a newer Kith's file",
         [](const fs::path& p) {
             write_database_at_version(p, db::latest_schema_version());
             SQLite::Database sql(p, SQLite::OPEN_READWRITE);
             sql.exec("PRAGMA user_version = 999");
         },
         ErrorCode::too_new, "newer Kith"},
        // Damage past page 1 is only found by the integrity check.
        {"a Kith file with its middle overwritten",
         [](const fs::path& p) {
             write_database_at_version(p, db::latest_schema_version());
             {
                 SQLite::Database sql(p, SQLite::OPEN_READWRITE);
                 sql.exec(
                     "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < "
                     "3009) INSERT INTO interactions(id, channel, kind, direction, at, ext_ns, "
                     "ext_id, text) SELECT i, 'email', 'message', 'in', 1790000000 + i, 'b', "
                     "'b' || i, printf('%080d', i * 7919) FROM n");
                 sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
                 sql.exec("PRAGMA journal_mode = DELETE");
             }
             overwrite_middle(p);
         },
         ErrorCode::corrupt, "damaged"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const auto path = dir / "copy.db";
        row.make(path);
        const auto before = fs::exists(path) ? file_digest(path) : std::string();
        auto r = db::check_database_file(path);
        REQUIRE(!r.ok());
        CHECK(r.error().code == row.code);
        CHECK(r.error().message.find(row.message) != std::string::npos);
        CHECK(r.error().message.find(path.string()) != std::string::npos);
        CHECK(!r.error().hint.empty());
        if (fs::exists(path)) CHECK(file_digest(path) == before);
    }
    TempDir dir;
    write_database_at_version(dir / "old.db", 1);
    auto old = db::check_database_file(dir / "old.db");
    REQUIRE_MESSAGE(old.ok(), error_text(old));
    CHECK(old->schema_version == 1);  // older schemas are fine: opening upgrades them
}

TEST_CASE("the hint for a damaged database names the exact restore command") {
    TempDir dir;
    {
        auto database = new_db(dir);
        CHECK(db::restore_hint(dir / "kith.db").find("restore FILE") != std::string::npos);
        REQUIRE(db::rotate_backup(*database, "daily", kNow, 10).ok());
    }
    const auto latest = db::latest_backup(dir / "kith.db");
    REQUIRE(latest.has_value());
    CHECK(db::restore_hint(dir / "kith.db") ==
          "Nothing was written. Restore the newest copy (your database is saved first): "
          "kith-cli --db " +
              (dir / "kith.db").string() + " restore " + latest->string());
}
