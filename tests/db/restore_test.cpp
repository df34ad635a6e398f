// Restoring a backup: the file is checked first, the database as it was is saved, the swap
// leaves no stale WAL behind, and a database in use or a bad file changes nothing.
#include "db/restore.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "db/database.h"
#include "db/migrations.h"
#include "tests/db/schema_fixtures.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using core::ErrorCode;

namespace {

void add_emails(db::Database& database, int first, int n) {
    std::vector<core::InteractionRecord> records;
    for (int i = first; i < first + n; ++i)
        records.push_back(email("m" + std::to_string(i), core::Direction::in, days_ago(1 + i % 30),
                                "t" + std::to_string(i % 7), kAna));
    write_all(database, records);
}

/// A database with 5 interactions, a backup of it, then 7 more interactions written after it.
fs::path database_with_backup(const TempDir& dir) {
    auto database = new_db(dir);
    add_emails(*database, 0, 5);
    auto backup = db::rotate_backup(*database, "daily", kNow, 10);
    REQUIRE_MESSAGE(backup.ok(), error_text(backup));
    add_emails(*database, 5, 7);
    return *backup;
}

}  // namespace

TEST_CASE("restore replaces the database with the backup and saves the database as it was") {
    TempDir dir;
    const auto backup = database_with_backup(dir);
    auto r = db::restore_database(dir / "kith.db", backup, kNow + std::chrono::hours(1));
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    CHECK(r->check.interactions == 5);
    REQUIRE(r->saved_as.has_value());
    CHECK(!r->saved_raw);
    CHECK(r->saved_as->filename().string().find("before-restore") != std::string::npos);
    CHECK(db::check_database_file(*r->saved_as)->interactions == 12);
    for (const char* s : {"-wal", "-shm", "-journal"})
        CHECK(!fs::exists(dir / ("kith.db" + std::string(s))));
    CHECK(!fs::exists(dir / "kith.db.restoring"));
    auto reopened = open_db(dir / "kith.db");
    CHECK(count_rows(*reopened, "interactions") == 5);
    CHECK(reopened->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(reopened->sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    // The backup itself is untouched and still offered.
    CHECK(db::check_database_file(backup)->interactions == 5);
}

TEST_CASE("restore refuses a file that fails its check and changes nothing") {
    TempDir dir;
    database_with_backup(dir);
    write_file(dir / "bad.db", "not a database at all");
    const auto before = file_digest(dir / "kith.db");
    const auto backups = list_dir(dir / "backups");
    auto r = db::restore_database(dir / "kith.db", dir / "bad.db", kNow);
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::not_a_kith_database);
    CHECK(file_digest(dir / "kith.db") == before);
    CHECK(list_dir(dir / "backups") == backups);
    auto itself = db::restore_database(dir / "kith.db", dir / "kith.db", kNow);
    REQUIRE(!itself.ok());
    CHECK(itself.error().code == ErrorCode::invalid_input);
}

TEST_CASE("restore refuses while another connection has the database open") {
    TempDir dir;
    const auto backup = database_with_backup(dir);
    auto app = open_db(dir / "kith.db");  // the app's connection, idle but open
    CHECK(count_rows(*app, "interactions") == 12);
    auto r = db::restore_database(dir / "kith.db", backup, kNow);
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::locked);
    CHECK(r.error().hint.find("Close Kith") != std::string::npos);
    CHECK(count_rows(*app, "interactions") == 12);
    CHECK(!fs::exists(dir / "kith.db.restoring"));
    app.reset();
    CHECK(db::restore_database(dir / "kith.db", backup, kNow).ok());
}

TEST_CASE("a damaged database is saved as a raw copy, never offered, and then replaced") {
    TempDir dir;
    const auto backup = database_with_backup(dir);
    {
        SQLite::Database sql(dir / "kith.db", SQLite::OPEN_READWRITE);
        sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    truncate_half(dir / "kith.db");
    auto r = db::restore_database(dir / "kith.db", backup, kNow + std::chrono::hours(2));
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    REQUIRE(r->saved_as.has_value());
    CHECK(r->saved_raw);
    CHECK(r->saved_as->extension() == ".raw");
    CHECK(db::latest_backup(dir / "kith.db") == backup);
    auto reopened = open_db(dir / "kith.db");
    CHECK(count_rows(*reopened, "interactions") == 5);
}

TEST_CASE("a backup of an older schema is restored and upgraded on the next open") {
    TempDir dir;
    write_database_at_version(dir / "old.db", 1);
    { new_db(dir); }
    auto r = db::restore_database(dir / "kith.db", dir / "old.db", kNow);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    CHECK(r->check.schema_version == 1);
    auto reopened = open_db(dir / "kith.db");
    CHECK(reopened->migration_backup().has_value());
    CHECK(reopened->sql().execAndGet("PRAGMA user_version").getInt() ==
          db::latest_schema_version());
    CHECK(count_rows(*reopened, "interactions") == 3);
}

TEST_CASE("a restore killed before its rename leaves the old database usable") {
    // What a killed restore can leave: the half-built copy, and the old file switched out of WAL.
    TempDir dir;
    const auto backup = database_with_backup(dir);
    write_file(dir / "kith.db.restoring", "half a copy");
    {
        SQLite::Database sql(dir / "kith.db", SQLite::OPEN_READWRITE);
        sql.exec("PRAGMA journal_mode = DELETE");
    }
    {
        auto reopened = open_db(dir / "kith.db");
        CHECK(count_rows(*reopened, "interactions") == 12);
        CHECK(reopened->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    auto r = db::restore_database(dir / "kith.db", backup, kNow);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    CHECK(!fs::exists(dir / "kith.db.restoring"));
    CHECK(count_rows(*open_db(dir / "kith.db"), "interactions") == 5);
}
