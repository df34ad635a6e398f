// Schema migrations: from nothing and from every earlier version to the latest, on real files.
#include "db/migrations.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "db/interaction_storage.h"
#include "db/people_repo.h"
#include "db/person_stats.h"
#include "db/timeline_repo.h"
#include "tests/db/schema_fixtures.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;

namespace {

/// Every version a user's file may still be at: 1 … latest − 1.
std::vector<int> earlier_versions() {
    std::vector<int> v;
    for (int k = 1; k < db::latest_schema_version(); ++k) v.push_back(k);
    return v;
}

/// Writes a database at `version` into `dir` and opens it with Kith (which migrates it).
std::unique_ptr<db::Database> upgraded_from(int version, const TempDir& dir) {
    write_database_at_version(dir / "kith.db", version);
    return open_db(dir / "kith.db");
}

/// Every earlier version, then 0 for a file Kith creates new.
std::vector<int> new_and_earlier_versions() {
    auto v = earlier_versions();
    v.push_back(0);
    return v;
}

/// A new database for version 0, else one upgraded from `version`.
std::unique_ptr<db::Database> new_or_upgraded(int version, const TempDir& dir) {
    return version == 0 ? new_db(dir) : upgraded_from(version, dir);
}

std::vector<std::int64_t> person_ids_of(const std::vector<db::PersonRow>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.id);
    return out;
}

std::vector<std::int64_t> entry_ids_of(const std::vector<db::TimelineEntry>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("migrations are numbered from 1 without gaps and each says what it does") {
    const auto all = db::migrations();
    REQUIRE(!all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        CAPTURE(i);
        CHECK(all[i].version == static_cast<int>(i) + 1);
        CHECK(!all[i].what.empty());
        CHECK(!all[i].sql.empty());
    }
    CHECK(db::latest_schema_version() == all.back().version);
}

TEST_CASE("a new or empty file becomes a Kith database at the latest version") {
    struct Row {
        const char* what;
        bool create_empty_file;
    };
    for (const Row row : {Row{"missing file", false}, Row{"zero-byte file", true}}) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        const auto path = dir / "kith.db";
        if (row.create_empty_file) write_file(path, "");
        {
            auto db = open_db(path);
            CHECK(!db->migration_backup().has_value());  // nothing to back up
            CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
            CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
            for (const auto& t : kSeedRows) CHECK(count_rows(*db, t.table) == 0);
        }
        CHECK(pragma_of(path, "user_version") == db::latest_schema_version());
        CHECK(pragma_of(path, "application_id") == db::kApplicationId);
        CHECK(db::kApplicationId == 0x4B697468);
        CHECK(!fs::exists(dir / "backups"));
    }
}

TEST_CASE("upgrading from every earlier version keeps every row") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = upgraded_from(k, dir);
        for (const auto& t : kSeedRows) {
            CAPTURE(std::string(t.table));
            CHECK(count_rows(*db, t.table) == t.rows);
        }
        auto jose = db::PeopleRepo(*db).get(2);
        REQUIRE(jose.ok());
        CHECK(jose->name == "José Álvarez");
        CHECK(jose->notes == "Met at DevConf, bakes sourdough");
        CHECK(db->sql().execAndGet("SELECT cursor FROM sources WHERE id = 1").getString() ==
              "line:3");
        CHECK(db->sql().execAndGet("SELECT place FROM interactions WHERE id = 3").getString() ==
              "Café Central");
        CHECK(db->sql().execAndGet("SELECT tail_state FROM threads WHERE id = 1").getInt() == 1);
    }
}

TEST_CASE("upgrading from every earlier version stamps the latest version and Kith's id") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        const auto path = dir / "kith.db";
        write_database_at_version(path, k);
        REQUIRE(pragma_of(path, "user_version") == k);
        open_db(path).reset();
        CHECK(pragma_of(path, "user_version") == db::latest_schema_version());
        CHECK(pragma_of(path, "application_id") == 0x4B697468);
    }
}

TEST_CASE("upgrading from every earlier version makes existing names notes and texts searchable") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = upgraded_from(k, dir);
        db::PeopleRepo people(*db);
        struct PersonQuery {
            const char* query;
            std::vector<std::int64_t> expected;
        };
        for (const auto& q : {
                 PersonQuery{"jose", {2}},                // name, diacritics folded
                 PersonQuery{"sourdough", {2}},           // notes
                 PersonQuery{"jose@example.org", {2}},    // email identity
                 PersonQuery{"ana@mastodon.social", {3}}  // mastodon identity
             }) {
            CAPTURE(std::string(q.query));
            auto found = people.search(q.query, 10);
            REQUIRE_MESSAGE(found.ok(), error_text(found));
            CHECK(person_ids_of(*found) == q.expected);
        }
        db::TimelineRepo timeline(*db);
        struct TextQuery {
            const char* query;
            std::vector<std::int64_t> expected;
        };
        for (const auto& q : {TextQuery{"grant", {1, 2}},  // subjects
                              TextQuery{"inline", {2}},    // text
                              TextQuery{"cafe", {3}}}) {   // place
            CAPTURE(std::string(q.query));
            auto found = timeline.search(q.query, 10);
            REQUIRE_MESSAGE(found.ok(), error_text(found));
            CHECK(entry_ids_of(*found) == q.expected);
        }
        check_search_index(*db);
    }
}

TEST_CASE("upgrading from every earlier version first saves a copy in backups next to the file") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        const auto path = dir / "kith.db";
        write_database_at_version(path, k);
        auto db = open_db(path);
        REQUIRE(db->migration_backup().has_value());
        const auto backup = *db->migration_backup();
        CHECK(backup.parent_path() == dir / "backups");
        REQUIRE(fs::exists(backup));
        CHECK(list_dir(dir / "backups").size() == 1);
        // The copy is the database as it was: the old version, with the same rows.
        CHECK(pragma_of(backup, "user_version") == k);
        SQLite::Database copy(backup, SQLite::OPEN_READONLY);
        CHECK(copy.execAndGet("SELECT count(*) FROM interactions").getInt() == 3);
        CHECK(copy.execAndGet("SELECT name FROM people WHERE id = 2").getString() ==
              "José Álvarez");
    }
}

TEST_CASE("opening a database at the latest version makes no backup") {
    TempDir dir;
    write_database_at_version(dir / "kith.db", db::latest_schema_version());
    auto db = open_db(dir / "kith.db");
    CHECK(!db->migration_backup().has_value());
    CHECK(!fs::exists(dir / "backups"));
}

TEST_CASE("upgraded data feeds the person caches and the Today digest") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = upgraded_from(k, dir);
        db->sql().exec("UPDATE people SET stats_dirty = 1");
        auto refreshed = db::refresh_person_stats(*db);
        REQUIRE_MESSAGE(refreshed.ok(), error_text(refreshed));
        auto jose = db::PeopleRepo(*db).get(2);
        REQUIRE(jose.ok());
        CHECK(jose->interaction_count == 3);
        REQUIRE(jose->last_contact.has_value());
        CHECK(core::to_unix(*jose->last_contact) == kSeedMeeting);
        CHECK(jose->last_channel == "in_person");
        // José's reply is the tail of the old thread: a reply is owed.
        const auto digest = today_at(*db);
        REQUIRE(digest.owe_reply.size() == 1);
        CHECK(digest.owe_reply[0].id == "owe_reply:2");
        CHECK(digest.owe_reply[0].person_name == "José Álvarez");
        CHECK(digest.owe_reply[0].external_id == "<m2@example.org>");
    }
}

TEST_CASE("a migration that fails leaves the file at the version before it") {
    const int last = db::latest_schema_version();
    REQUIRE(last >= 2);
    TempDir dir;
    const auto path = dir / "kith.db";
    write_database_at_version(path, last - 1);
    const auto& final_step = db::migrations().back();
    {
        // Make the last migration fail halfway: an object it creates already exists.
        SQLite::Database sql(path, SQLite::OPEN_READWRITE);
        const std::string sql_text(final_step.sql);
        static const std::regex kCreate(
            R"(CREATE\s+(?:VIRTUAL\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW)\s+(\w+))");
        std::smatch m;
        REQUIRE(std::regex_search(sql_text, m, kCreate));
        const std::string name = m[1];
        CAPTURE(name);
        // A migration that rebuilds an existing table drops it first: a view of that name
        // makes its DROP TABLE fail instead.
        if (sql.tableExists(name)) sql.exec("DROP TABLE " + name);
        sql.exec("CREATE VIEW " + name + " AS SELECT 1 AS blocker");
    }
    auto opened = db::Database::open(path);
    REQUIRE(!opened.ok());
    CHECK(!opened.error().message.empty());
    CHECK(!opened.error().hint.empty());
    CHECK(pragma_of(path, "user_version") == last - 1);
    SQLite::Database sql(path, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("SELECT count(*) FROM interactions").getInt() == 3);
}

TEST_CASE("a program that read the old version after another one migrated does not migrate again") {
    // Two programs (the app and a kith-cli) opening an old file at once both read its version
    // before either migrates; the second to get the write lock must find the work done.
    const int from = db::latest_schema_version() - 2;
    REQUIRE(from >= 1);
    TempDir dir;
    const auto path = dir / "kith.db";
    write_database_at_version(path, from);
    SQLite::Database late(path, SQLite::OPEN_READWRITE);
    REQUIRE(late.execAndGet("PRAGMA user_version").getInt() == from);
    REQUIRE(open_db(path) != nullptr);  // the first program migrates to the latest version
    CHECK_NOTHROW(db::apply_migrations(late, from));
    CHECK(pragma_of(path, "user_version") == db::latest_schema_version());
    SQLite::Database sql(path, SQLite::OPEN_READONLY);
    CHECK(sql.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(sql.execAndGet("SELECT count(*) FROM interactions").getInt() == 3);
}

namespace {

/// The interactions table's CREATE statement as stored in the file.
std::string interactions_sql(db::Database& db) {
    return db.sql()
        .execAndGet("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'interactions'")
        .getString();
}

/// Writes one interaction row with `direction` through plain SQL; the CHECK decides.
void insert_direction(db::Database& db, const std::string& direction, int n) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO interactions(channel, kind, direction, at, ext_ns, ext_id) "
                        "VALUES ('email', 'message', ?, 0, 'check', ?)");
    q.bind(1, direction);
    q.bind(2, "c" + std::to_string(n));
    q.exec();
}

/// Whether SQLite's program for an interaction insert builds an ephemeral table.
bool builds_ephemeral_table(db::Database& db) {
    SQLite::Statement plan(db.sql(),
                           "EXPLAIN INSERT INTO interactions(channel, kind, direction, at, ext_ns, "
                           "ext_id) VALUES ('email', 'message', 'in', 0, 'x', 'y')");
    bool ephemeral = false;
    while (plan.executeStep()) ephemeral |= plan.getColumn(1).getString() == "OpenEphemeral";
    return ephemeral;
}

}  // namespace

TEST_CASE("version 8: the direction CHECK compares instead of building a list, same rule") {
    // Upgraded files (edited in place by the writable_schema procedure) and new ones alike.
    for (const int k : new_and_earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = new_or_upgraded(k, dir);
        const auto text = interactions_sql(*db);
        CHECK(text.find("direction IN (") == std::string::npos);
        CHECK(text.find("CHECK (direction = 'in' OR direction = 'out' OR direction = 'mutual')") !=
              std::string::npos);
        CHECK(db->sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
        // The connection that migrated already uses the new text: no ephemeral table is built
        // for the insert (what cost ~13,000 instructions a row).
        CHECK(!builds_ephemeral_table(*db));
        // The same rule: the three directions pass, anything else (case included) is refused,
        // on this connection and on a fresh one.
        int n = 0;
        for (const char* ok : {"in", "out", "mutual"})
            CHECK_NOTHROW(insert_direction(*db, ok, ++n));
        for (const char* bad : {"IN", "both", "", "in "})
            CHECK_THROWS_AS(insert_direction(*db, bad, ++n), SQLite::Exception);
        CHECK_THROWS_AS(
            db->sql().exec("UPDATE interactions SET direction = 'sideways' WHERE id = 1"),
            SQLite::Exception);
        db.reset();
        auto again = open_db(dir / "kith.db");
        CHECK_THROWS_AS(insert_direction(*again, "sideways", ++n), SQLite::Exception);
        CHECK_NOTHROW(insert_direction(*again, "mutual", ++n));
    }
}

TEST_CASE("version 8: the interaction search index keeps no column sizes and still finds texts") {
    for (const int k : earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = upgraded_from(k, dir);
        CHECK(!db->sql().tableExists("interactions_fts_docsize"));
        CHECK(db->sql().tableExists("interactions_fts_data"));
        auto found = db::TimelineRepo(*db).search("inline", 10);
        REQUIRE_MESSAGE(found.ok(), error_text(found));
        CHECK(entry_ids_of(*found) == std::vector<std::int64_t>{2});
        check_search_index(*db);
    }
}

TEST_CASE("version 9: digests instead of an index over external ids, mid: URLs not repeated") {
    for (const int k : new_and_earlier_versions()) {
        CAPTURE(k);
        TempDir dir;
        auto db = new_or_upgraded(k, dir);
        auto& s = db->sql();
        // No index over the texts (the UNIQUE constraint's), one over the digest instead.
        CHECK(s.execAndGet("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'interactions' "
                           "AND name LIKE 'sqlite_autoindex%'")
                  .getInt() == 0);
        CHECK(s.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'interactions_ext'")
                  .getInt() == 1);
        const auto fts = s.execAndGet(
                              "SELECT sql FROM sqlite_schema WHERE name = "
                              "'interactions_fts'")
                             .getString();
        CHECK(fts.find("detail = column") != std::string::npos);
        CHECK(s.execAndGet("PRAGMA integrity_check").getString() == "ok");
        SQLite::Statement dangling(s, "PRAGMA foreign_key_check");
        CHECK_FALSE(dangling.executeStep());  // no row refers to one that is gone
        if (k == 0) continue;
        // Every row's digest is the writer's, so re-importing it finds it.
        SQLite::Statement rows(s, "SELECT ext_ns, ext_id, ext_hash FROM interactions");
        int n = 0;
        while (rows.executeStep()) {
            ++n;
            CHECK(rows.getColumn(2).getInt64() ==
                  db::ext_hash(rows.getColumn(0).getString(), rows.getColumn(1).getString()));
        }
        CHECK(n == 3);
        CHECK(s.execAndGet("SELECT url IS NULL FROM interactions WHERE id = 2").getInt() == 1);
        CHECK(s.execAndGet("SELECT url FROM interactions WHERE id = 1").getString() == "");
        auto timeline = db::TimelineRepo(*db).for_person(2, std::nullopt, 10, std::nullopt);
        REQUIRE(timeline.ok());
        for (const auto& e : *timeline) {
            CAPTURE(e.id);
            CHECK(e.url == (e.id == 2 ? "mid:m2@example.org" : ""));
        }
        // The search index was rebuilt from the rows: the upgraded texts are found.
        auto found = db::TimelineRepo(*db).search("inline", 10);
        REQUIRE_MESSAGE(found.ok(), error_text(found));
        CHECK(entry_ids_of(*found) == std::vector<std::int64_t>{2});
        check_search_index(*db);
        // The old table's triggers came back: an edited text leaves the index consistent.
        CHECK(s.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                           "tbl_name = 'interactions'")
                  .getInt() == 2);
        s.exec("UPDATE interactions SET text = 'rewritten entirely' WHERE id = 2");
        check_search_index(*db);
        auto rewritten = db::TimelineRepo(*db).search("rewritten", 10);
        REQUIRE(rewritten.ok());
        CHECK(entry_ids_of(*rewritten) == std::vector<std::int64_t>{2});
        // The migration ran with foreign keys off and gave them back.
        CHECK(s.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    }
}
