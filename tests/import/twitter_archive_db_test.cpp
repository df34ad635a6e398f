// The twitter importer through the real import runner into real SQLite files: reruns change
// nothing, a newer archive records unfollows, a broken archive writes nothing, the archive's
// account becomes mine.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "import/jsonl_importer.h"
#include "import/twitter_archive_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/archive_writer.h"

using namespace kith;
using import::test::FixtureFile;
using import::test::write_archive;

namespace {

const std::string kAccount =
    R"(window.YTD.account.part0 = [ { "account" : { "username" : "me", "accountId" : "12" } } ])";

/// An archive generated on `date` with these followers and one DM from follower 101.
std::vector<FixtureFile> fixture(const std::string& date,
                                 const std::vector<std::string>& followers) {
    std::string list;
    for (const auto& f : followers)
        list += std::string(list.empty() ? "" : ",") + R"({ "follower" : { "accountId" : ")" + f +
                R"(" } })";
    return {
        {"data/manifest.js",
         R"(window.__THAR_CONFIG = { "archiveInfo" : { "generationDate" : ")" + date +
             R"(" }, "dataTypes" : { "follower" : { "files" : [ { "fileName" : "data/follower.js" } ] },)"
             R"( "directMessages" : { "files" : [ { "fileName" : "data/direct-messages.js" } ] } } })"},
        {"data/account.js", kAccount},
        {"data/follower.js", "window.YTD.follower.part0 = [ " + list + " ]"},
        {"data/direct-messages.js",
         R"(window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : "12-101", )"
         R"("messages" : [ { "messageCreate" : { "id" : "5001", "senderId" : "101", )"
         R"("recipientId" : "12", "text" : "hi", "createdAt" : "2026-01-05T10:00:00.000Z" } } ] } } ])"},
    };
}

core::Result<db::ImportResult> run(db::Database& database, const std::string& path) {
    import::TwitterArchiveImporter importer;
    core::NullProgress progress;
    return db::run_import(database, importer, {"twitter", path, {}}, progress, test::kNow);
}

struct Edge {
    std::string id;
    std::int64_t first_seen, last_seen;
    bool ended;
};

std::vector<Edge> edges(db::Database& database) {
    std::vector<Edge> out;
    SQLite::Statement q(database.sql(),
                        "SELECT i.value, e.first_seen, e.last_seen, e.ended_at IS NOT NULL "
                        "FROM follow_edges e JOIN identities i ON i.id = e.identity_id "
                        "ORDER BY i.value");
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                       q.getColumn(2).getInt64(), q.getColumn(3).getInt() != 0});
    return out;
}

}  // namespace

TEST_CASE("twitter archive into SQLite: a rerun changes nothing, a newer archive ends edges") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    const auto old_zip = dir / "old.zip", new_zip = dir / "new.zip";
    write_archive(old_zip, fixture("2026-01-10T00:00:00.000Z", {"101", "102", "103"}));
    write_archive(new_zip, fixture("2026-06-10T00:00:00.000Z", {"101", "103", "104"}));
    const auto jan = core::to_unix(*core::parse_iso("2026-01-10T00:00:00Z"));
    const auto jun = core::to_unix(*core::parse_iso("2026-06-10T00:00:00Z"));

    auto first = run(*database, old_zip.string());
    REQUIRE_MESSAGE(first.ok(), test::error_text(first));
    CHECK(first->counts.added == 4);  // three edges and one DM
    CHECK(test::count_rows(*database, "interactions") == 1);

    auto again = run(*database, old_zip.string());
    REQUIRE(again.ok());
    CHECK(again->counts.added == 0);
    CHECK(again->counts.updated == 0);
    CHECK(test::count_rows(*database, "interactions") == 1);
    CHECK(test::count_rows(*database, "follow_edges") == 3);

    auto newer = run(*database, new_zip.string());
    REQUIRE(newer.ok());
    CHECK(newer->counts.added == 1);    // 104 is new
    CHECK(newer->counts.updated == 3);  // 101 and 103 seen again, 102 ended
    auto e = edges(*database);
    REQUIRE(e.size() == 4);
    CHECK((e[0].id == "101" && e[0].first_seen == jan && e[0].last_seen == jun && !e[0].ended));
    CHECK((e[1].id == "102" && e[1].last_seen == jan && e[1].ended));
    CHECK((e[2].id == "103" && e[2].first_seen == jan && !e[2].ended));
    CHECK((e[3].id == "104" && e[3].first_seen == jun && !e[3].ended));

    // The older archive again: it neither revives 102 nor moves any date.
    auto old_again = run(*database, old_zip.string());
    REQUIRE(old_again.ok());
    CHECK(old_again->counts.added == 0);
    CHECK(old_again->counts.updated == 0);
    const auto after = edges(*database);
    for (std::size_t i = 0; i < e.size(); ++i) {
        CAPTURE(e[i].id);
        CHECK(after[i].ended == e[i].ended);
        CHECK(after[i].last_seen == e[i].last_seen);
    }
    test::check_search_index(*database);
}

TEST_CASE("twitter archive into SQLite: a broken data file writes nothing") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    auto files = fixture("2026-01-10T00:00:00.000Z", {"101", "102"});
    files.push_back({"data/following.js", "window.YTD.following.part0 = [ {,} ]"});
    const auto zip = dir / "broken.zip";
    write_archive(zip, files);
    auto r = run(*database, zip.string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::format);
    CHECK(test::count_rows(*database, "interactions") == 0);
    CHECK(test::count_rows(*database, "follow_edges") == 0);
    CHECK(test::count_rows(*database, "people") == 0);
}

namespace {

/// My identities as "kind:value", with " (display)" when asked, sorted.
std::vector<std::string> my_identities(db::Database& database, bool display = false) {
    auto mine = db::IdentityRepo(database).mine();
    REQUIRE(mine.ok());
    std::vector<std::string> out;
    for (const auto& i : *mine)
        out.push_back(std::string(core::to_string(i.kind)) + ":" + i.value +
                      (display ? " (" + i.display + ")" : ""));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE(
    "twitter archive into SQLite: its account becomes mine and takes over what an earlier "
    "import made of it") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    // Before Kith knew my account, a script's export (jsonl) showed it as a stranger: my handle
    // mentioning Ana, my account id writing to 101. Both became someone, both "inbound".
    const auto jsonl = dir / "earlier.jsonl";
    test::write_file(
        jsonl,
        R"({"type":"interaction","id":"t1","channel":"twitter","kind":"mention","direction":"in",)"
        R"("at":"2026-01-02T10:00:00Z","participants":[{"identity":"@Me","role":"from"},)"
        R"({"identity":"@ana","role":"mentioned"}]})"
        "\n"
        R"({"type":"interaction","id":"t2","channel":"twitter","kind":"dm","direction":"in",)"
        R"("at":"2026-01-03T10:00:00Z","thread":"x","participants":[{"identity":"12",)"
        R"("kind":"twitter","name":"Me","role":"from"},{"identity":"101","kind":"twitter",)"
        R"("role":"to"}]})"
        "\n");
    import::JsonlImporter jsonl_importer;
    core::NullProgress progress;
    auto earlier = db::run_import(*database, jsonl_importer, {"jsonl", jsonl.string(), {}},
                                  progress, test::kNow);
    REQUIRE_MESSAGE(earlier.ok(), test::error_text(earlier));
    CHECK(test::direction_and_participants(*database, "t1") == "in @ana,@me");
    CHECK(test::direction_and_participants(*database, "t2") == "in 101,12");
    CHECK(my_identities(*database).empty());

    const auto zip = dir / "mine.zip";
    write_archive(zip, fixture("2026-01-10T00:00:00.000Z", {"101"}));
    auto first = run(*database, zip.string());
    REQUIRE_MESSAGE(first.ok(), test::error_text(first));
    // The account id (shown as the handle) and the handle: what the converter names accounts by.
    const std::vector<std::string> expected{"twitter:12", "twitter:@me"};
    CHECK(my_identities(*database) == expected);
    // Where they were seen, for `me show`: the export that named the account id, then the
    // archive that said it is mine.
    const auto seen = db::IdentityRepo(*database).seen_in({core::IdentityKind::twitter, "12", ""});
    REQUIRE(seen.ok());
    CHECK(*seen == std::vector<std::string>{"jsonl " + jsonl.string(), "twitter " + zip.string()});
    // What the earlier import derived is derived again as if Kith had known: sent by me.
    CHECK(test::direction_and_participants(*database, "t1") == "out @ana");
    CHECK(test::direction_and_participants(*database, "t2") == "out 101");
    CHECK(test::direction_and_participants(*database, "dm:5001") == "in 101");
    // The strangers that were me had nothing else: archived, not deleted.
    CHECK(database->sql()
              .execAndGet("SELECT count(*) FROM people WHERE archived = 1 AND is_me = 0")
              .getInt64() == 2);
    test::check_search_index(*database);

    // Again: already mine, nothing changes, not even a count.
    const auto people_before = test::count_rows(*database, "people");
    auto again = run(*database, zip.string());
    REQUIRE(again.ok());
    CHECK(again->counts.added == 0);
    CHECK(again->counts.updated == 0);
    CHECK(my_identities(*database) == expected);
    CHECK(test::count_rows(*database, "people") == people_before);
    CHECK(test::direction_and_participants(*database, "t1") == "out @ana");
}

TEST_CASE("twitter archive into SQLite: Grailbird's user_details.js names the owner too") {
    test::TempDir dir;
    auto database = test::new_db(dir);
    const auto zip = dir / "grailbird.zip";
    write_archive(
        zip,
        {{"data/js/user_details.js",
          R"(var user_details = {"screen_name":"OldMe","id":"9007199254740993","full_name":"Me"})"},
         {"data/js/tweets/2012_01.js",
          R"(Grailbird.data.tweets_2012_01 = [ {"id_str":"1","created_at":"2012-01-01 10:00:00 +0000",)"
          R"("text":"@ana hi","in_reply_to_user_id_str":"7","in_reply_to_screen_name":"ana",)"
          R"("entities":{"user_mentions":[{"id_str":"7","screen_name":"ana","name":"Ana"}]}} ])"}});
    auto r = run(*database, zip.string());
    REQUIRE_MESSAGE(r.ok(), test::error_text(r));
    // Ids above 2^53 stay exact; the handle is lower-cased as every handle.
    const std::vector<std::string> expected{"twitter:9007199254740993 (@OldMe)",
                                            "twitter:@oldme (@OldMe)"};
    CHECK(my_identities(*database, true) == expected);
    CHECK(test::direction_and_participants(*database, "tweet:1") == "out 7");
}
