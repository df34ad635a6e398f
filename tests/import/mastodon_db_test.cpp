// The Mastodon archive and CSV importers through the real import runner into real SQLite files:
// reruns change nothing, a newer export ends the edges missing from it.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "db/database.h"
#include "db/import_runner.h"
#include "import/mastodon_archive_importer.h"
#include "import/mastodon_csv_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/archive_writer.h"

using namespace kith;

namespace {

core::Result<db::ImportResult> run(db::Database& database, core::Importer& importer,
                                   const std::string& kind, const std::string& path) {
    core::NullProgress progress;
    return db::run_import(database, importer, {kind, path, {}}, progress, test::kNow);
}

void write_csv(const std::filesystem::path& path, const std::string& rows, const char* when) {
    std::ofstream(path, std::ios::binary)
        << "Account address,Show boosts,Notify on new posts,Languages\n"
        << rows;
    const auto t = std::chrono::file_clock::from_sys(*core::parse_iso(when));
    std::filesystem::last_write_time(path, t);
}

}  // namespace

TEST_CASE("mastodon csv into SQLite: a newer export ends unfollowed edges, reruns change nothing") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    import::MastodonCsvImporter importer;
    const auto old_csv = dir / "old" / "following_accounts.csv";
    const auto new_csv = dir / "new" / "following_accounts.csv";
    std::filesystem::create_directories(old_csv.parent_path());
    std::filesystem::create_directories(new_csv.parent_path());
    write_csv(old_csv, "ana@other.example,true,false,\nbob@social.example,true,false,\n",
              "2026-03-01T00:00:00Z");
    write_csv(new_csv, "ana@other.example,true,false,\ncarol@third.example,true,false,\n",
              "2026-09-01T00:00:00Z");

    auto first = run(*database, importer, "mastodon-csv", old_csv.string());
    REQUIRE_MESSAGE(first.ok(), test::error_text(first));
    CHECK(first->counts.added == 2);
    auto again = run(*database, importer, "mastodon-csv", old_csv.string());
    REQUIRE(again.ok());
    CHECK(again->counts.added + again->counts.updated == 0);

    auto newer = run(*database, importer, "mastodon-csv", new_csv.string());
    REQUIRE(newer.ok());
    const auto ended = [&](const std::string& who) {
        return database->sql()
                   .execAndGet(
                       "SELECT e.ended_at IS NOT NULL FROM follow_edges e JOIN identities "
                       "i ON i.id = e.identity_id WHERE i.value = '" +
                       who + "'")
                   .getInt() != 0;
    };
    CHECK(ended("bob@social.example"));
    CHECK_FALSE(ended("ana@other.example"));
    CHECK_FALSE(ended("carol@third.example"));
    CHECK(database->sql()
              .execAndGet("SELECT first_seen FROM follow_edges e JOIN identities i ON "
                          "i.id = e.identity_id WHERE i.value = 'ana@other.example'")
              .getInt64() == core::to_unix(*core::parse_iso("2026-03-01T00:00:00Z")));
}

TEST_CASE("mastodon archive into SQLite: importing twice changes nothing") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    const std::string actor = R"({"id":"https://social.example/users/me","preferredUsername":"me",)"
                              R"("followers":"https://social.example/users/me/followers"})";
    const std::string outbox =
        R"({"type":"OrderedCollection","totalItems":7,"orderedItems":[)"
        R"({"id":"https://social.example/users/me/statuses/1/activity","type":"Create",)"
        R"("object":{"id":"https://social.example/users/me/statuses/1","type":"Note",)"
        R"("published":"2026-05-01T10:00:00Z","to":["https://other.example/users/ana"],"cc":[],)"
        R"("content":"<p>dinner?</p>","tag":[{"type":"Mention",)"
        R"("href":"https://other.example/users/ana","name":"@ana@other.example"}]}}]})";
    const auto path = dir / "archive.tar.gz";
    import::test::write_archive(path,
                                {{"actor.json", actor},
                                 { "outbox.json",
                                   outbox }},
                                import::test::FixtureFormat::tar_gz);
    import::MastodonArchiveImporter importer;
    auto first = run(*database, importer, "mastodon-archive", path.string());
    REQUIRE_MESSAGE(first.ok(), test::error_text(first));
    CHECK(first->counts.added == 1);
    auto again = run(*database, importer, "mastodon-archive", path.string());
    REQUIRE(again.ok());
    CHECK(again->counts.added + again->counts.updated == 0);
    CHECK(test::count_rows(*database, "interactions") == 1);
    CHECK(database->sql().execAndGet("SELECT kind FROM interactions").getString() == "dm");
}
