// Database::open on files it must refuse (never writing to them), folders, and new paths.
#include "db/database.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "db/migrations.h"
#include "tests/db/schema_fixtures.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using core::ErrorCode;

namespace {

constexpr db::OpenMode kBothModes[] = {db::OpenMode::read_write, db::OpenMode::read_only};

const char* mode_name(db::OpenMode m) {
    return m == db::OpenMode::read_write ? "read_write" : "read_only";
}

/// The names in a folder, leaving out SQLite's -wal and -shm files when `mode` is read-only: a
/// read-only connection to a WAL database needs them to read and leaves them behind (empty).
std::vector<std::string> listing(const fs::path& dir, db::OpenMode mode) {
    auto names = list_dir(dir);
    if (mode == db::OpenMode::read_only) {
        std::erase_if(
            names, [](const std::string& n) { return n.ends_with("-wal") || n.ends_with("-shm"); });
    }
    return names;
}

/// Opens `path` expecting refusal with `code`, a message and a hint, and checks that neither the
/// file's bytes nor its folder's contents changed.
void expect_refused_untouched(const fs::path& path, ErrorCode code, db::OpenMode mode) {
    CAPTURE(std::string(mode_name(mode)));
    const auto before = file_digest(path);
    const auto names = listing(path.parent_path(), mode);
    {
        auto r = db::Database::open(path, mode);
        REQUIRE_MESSAGE(!r.ok(), "opened a file that must be refused");
        CHECK(r.error().code == code);
        CHECK(!r.error().message.empty());
        CHECK(!r.error().hint.empty());
    }
    CHECK(file_digest(path) == before);
    CHECK(listing(path.parent_path(), mode) == names);
    const auto wal = fs::path(path.string() + "-wal");
    if (fs::exists(wal)) CHECK(fs::file_size(wal) == 0);
}

/// A Kith database at `version` large enough that its middle holds table pages (3,000 extra
/// interactions), checkpointed so the main file holds everything.
void write_large_database(const fs::path& path, int version) {
    write_database_at_version(path, version);
    SQLite::Database sql(path, SQLite::OPEN_READWRITE);
    sql.exec(
        "WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 FROM n WHERE i < 3009) "
        "INSERT INTO interactions(id, channel, kind, direction, at, ext_ns, ext_id, subject, text) "
        "SELECT i, 'email', 'message', 'in', 1790000000 + i, 'bulk', 'b' || i, 'Subject ' || i, "
        "printf('%080d', i * 7919) FROM n");
    sql.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

/// What opening `path` gave, as a small number a child process can return: 0 when it opened,
/// else 1 + the error code; 100 when the error came without a hint.
int open_outcome(const fs::path& path) {
    auto r = db::Database::open(path);
    if (r) return 0;
    if (r.error().hint.empty()) return 100;
    return 1 + static_cast<int>(r.error().code);
}

/// open_outcome(path) with the OS enforcing that `dir` is read-only: directly when it does, as
/// the unprivileged user nobody when the tests run as root (root bypasses permissions); nullopt
/// when neither is possible.
std::optional<int> outcome_in_read_only_dir(const TempDir& tmp, const fs::path& dir,
                                            const fs::path& path) {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    if (refuses_writes_into(dir)) return open_outcome(path);
    // Root: let nobody reach the folder, then try as nobody.
    fs::permissions(tmp.path(), fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec | fs::perms::others_read |
                                    fs::perms::others_exec);
    return run_as_nobody([&] { return open_outcome(path); });
}

}  // namespace

TEST_CASE("a database written by a newer Kith is refused as too new and left unchanged") {
    TempDir dir;
    const auto path = dir / "kith.db";
    write_database_at_version(path, db::latest_schema_version());
    {
        SQLite::Database sql(path, SQLite::OPEN_READWRITE);
        sql.exec("PRAGMA user_version = " + std::to_string(db::latest_schema_version() + 1));
    }
    for (const auto mode : kBothModes) expect_refused_untouched(path, ErrorCode::too_new, mode);
}

TEST_CASE("files that are not Kith databases are refused and left unchanged") {
    struct Row {
        const char* what;
        std::function<void(const fs::path&)> make;
    };
    const Row rows[] = {
        {"a text file",
         [](const fs::path& p) { write_file(p, "Ana Ruiz, ana@example.org\nBen, ben@x.org\n"); }},
        {"a binary file shorter than a SQLite header",
         [](const fs::path& p) { write_file(p, std::string("\x00\x01\x02", 3)); }},
        {"another program's SQLite database (tables, no application id)",
         [](const fs::path& p) {
             SQLite::Database sql(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
             sql.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)");
             sql.exec("INSERT INTO notes(body) VALUES ('not for Kith')");
         }},
        {"a SQLite file stamped with another application id",
         [](const fs::path& p) {
             SQLite::Database sql(p, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
             sql.exec("PRAGMA application_id = 1234");
         }},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const auto path = dir / "kith.db";
        row.make(path);
        for (const auto mode : kBothModes)
            expect_refused_untouched(path, ErrorCode::not_a_kith_database, mode);
    }
}

TEST_CASE("a damaged Kith database is refused as corrupt and left unchanged") {
    const int latest = db::latest_schema_version();
    struct Row {
        const char* what;
        int version;
        void (*damage)(const fs::path&);
        std::vector<db::OpenMode> modes;
    };
    const Row rows[] = {
        {"latest version cut to half its size",
         latest,
         truncate_half,
         {db::OpenMode::read_write, db::OpenMode::read_only}},
        // Older files are checked before they are backed up and migrated.
        {"older version cut to half its size",
         latest - 1,
         truncate_half,
         {db::OpenMode::read_write, db::OpenMode::read_only}},
        {"older version with its middle overwritten",
         latest - 1,
         overwrite_middle,
         {db::OpenMode::read_write, db::OpenMode::read_only}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const auto path = dir / "kith.db";
        write_large_database(path, row.version);
        row.damage(path);
        for (const auto mode : row.modes) expect_refused_untouched(path, ErrorCode::corrupt, mode);
        CHECK(!fs::exists(dir / "backups"));
    }
}

// Damage behind page 1 is found only by an integrity check, which open runs on files up to
// 64 MB (larger ones are checked when migrating).
TEST_CASE("a latest-version database damaged behind its first page is refused when opened") {
    struct Row {
        const char* what;
        std::function<void(const fs::path&)> damage;
    };
    const Row rows[] = {
        {"its middle overwritten", overwrite_middle},
        {"one table's root page overwritten",
         [](const fs::path& p) { damage_root_page_of(p, "consents"); }},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const auto path = dir / "kith.db";
        write_large_database(path, db::latest_schema_version());
        row.damage(path);
        expect_refused_untouched(path, ErrorCode::corrupt, db::OpenMode::read_write);
    }
}

TEST_CASE("a folder given as the database path is refused with a hint") {
    TempDir dir;
    const auto folder = dir / "data";
    fs::create_directories(folder);
    for (const auto mode : kBothModes) {
        CAPTURE(std::string(mode_name(mode)));
        auto r = db::Database::open(folder, mode);
        REQUIRE(!r.ok());
        CHECK(r.error().code == ErrorCode::io);
        CHECK(r.error().message.find("folder") != std::string::npos);
        CHECK(!r.error().hint.empty());
        CHECK(list_dir(folder).empty());
    }
}

TEST_CASE("missing parent folders of a new database are created") {
    TempDir dir;
    const auto path = dir / "a" / "b" / "c" / "kith.db";
    open_db(path).reset();
    CHECK(fs::is_regular_file(path));
    CHECK(pragma_of(path, "user_version") == db::latest_schema_version());
}

TEST_CASE("read-only mode never creates a database") {
    TempDir dir;
    auto r = db::Database::open(dir / "sub" / "kith.db", db::OpenMode::read_only);
    REQUIRE(!r.ok());
    CHECK(r.error().code == ErrorCode::not_found);
    CHECK(!r.error().hint.empty());
    CHECK(list_dir(dir.path()).empty());
}

TEST_CASE("read-only mode refuses an older database without upgrading or backing it up") {
    TempDir dir;
    const auto path = dir / "kith.db";
    write_database_at_version(path, db::latest_schema_version() - 1);
    expect_refused_untouched(path, ErrorCode::database, db::OpenMode::read_only);
    CHECK(pragma_of(path, "user_version") == db::latest_schema_version() - 1);
}

TEST_CASE("a database in a read-only folder is refused with an io error and a hint") {
    struct Row {
        const char* what;
        bool existing_database;
        fs::path relative;  // below the read-only folder
    };
    const Row rows[] = {
        {"a new database file", false, "kith.db"},
        {"a new database in a missing subfolder", false, "sub/kith.db"},
        {"an existing database (WAL files cannot be created)", true, "kith.db"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir tmp;
        const auto ro = tmp / "ro";
        const auto path = ro / row.relative;
        fs::create_directories(ro);
        if (row.existing_database) {
            write_database_at_version(path, db::latest_schema_version());
            fs::permissions(path, fs::perms::all & ~(fs::perms::owner_exec | fs::perms::group_exec |
                                                     fs::perms::others_exec));
        }
        const auto before = file_digest(path);
        const auto outcome = outcome_in_read_only_dir(tmp, ro, path);
        if (!outcome) {
            MESSAGE(
                "skipped: running as root and cannot drop privileges, so a read-only folder "
                "is writable here");
            return;
        }
        CHECK(*outcome == 1 + static_cast<int>(ErrorCode::io));
        CHECK(file_digest(path) == before);
    }
}

TEST_CASE("the default database path follows KITH_DB then XDG_DATA_HOME then HOME") {
    TempDir dir;
    const auto xdg = (dir / "xdg").string(), home = (dir / "home").string();
    {
        ScopedEnv db_env("KITH_DB", (dir / "mine.db").string());
        ScopedEnv xdg_env("XDG_DATA_HOME", xdg);
        CHECK(db::default_database_path() == dir / "mine.db");
        // The demo never goes into the user's file.
        CHECK(db::default_database_path(true) == fs::path(xdg) / "kith" / "demo.db");
    }
    {
        ScopedEnv db_env("KITH_DB", std::nullopt);
        ScopedEnv xdg_env("XDG_DATA_HOME", xdg);
        CHECK(db::default_database_path() == fs::path(xdg) / "kith" / "kith.db");
    }
    {
        ScopedEnv db_env("KITH_DB", std::nullopt);
        ScopedEnv xdg_env("XDG_DATA_HOME", std::nullopt);
        ScopedEnv home_env("HOME", home);
        CHECK(db::default_database_path() == fs::path(home) / ".local/share/kith/kith.db");
        CHECK(db::default_database_path(true) == fs::path(home) / ".local/share/kith/demo.db");
    }
}

TEST_CASE("the busy timeout comes from KITH_BUSY_TIMEOUT_MS with a safe default") {
    struct Row {
        std::optional<std::string> value;
        int expected;
    };
    for (const auto& row :
         {Row{std::nullopt, 5000}, Row{"200", 200}, Row{"0", 0}, Row{"-5", 0}, Row{"soon", 5000}}) {
        CAPTURE(row.value.value_or("(unset)"));
        ScopedEnv env("KITH_BUSY_TIMEOUT_MS", row.value);
        CHECK(db::busy_timeout_ms() == row.expected);
    }
}
