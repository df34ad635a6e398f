// The Mastodon API importer against a real HTTP server on 127.0.0.1 (tests/import/
// mastodon_server.py) serving the API's JSON shapes, into real SQLite files; with my archive of
// the same account, whose statuses are the same records.
#include "import/mastodon_api_importer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "import/jsonl_importer.h"
#include "import/mastodon_archive_importer.h"
#include "tests/db/test_db.h"
#include "tests/import/archive_writer.h"
#include "tests/import/collecting_sink.h"
#include "tests/import/loopback_server.h"
#include "tests/test_paths.h"

using namespace kith;

namespace {

/// The server with its state folder; `set` rewrites the behaviour for the next requests.
struct Server {
    test::TempDir dir;
    import::test::LoopbackServer* server = nullptr;

    void set(int phase, bool rate_limit_once, bool drop_once) {
        std::ofstream(dir / "state.json")
            << "{\"phase\":" << phase
            << ",\"rate_limit_once\":" << (rate_limit_once ? "true" : "false")
            << ",\"drop_once\":" << (drop_once ? "true" : "false") << "}";
        std::ofstream(dir / "requests.log", std::ios::trunc);
    }
    std::string requests() const {
        std::ifstream in(dir / "requests.log");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

core::Result<db::ImportResult> run(db::Database& database, const std::string& url,
                                   const std::string& token, core::Progress& progress) {
    import::MastodonApiImporter importer;
    return db::run_import(database, importer, {"mastodon", url, {{"token", token}}}, progress,
                          test::kNow);
}

std::int64_t count(db::Database& database, const std::string& sql) {
    return database.sql().execAndGet(sql).getInt64();
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto p = text.find(part); p != std::string::npos; p = text.find(part, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("mastodon api: paging, 429, dropped connection, incremental runs, unfollows") {
    Server s;
    s.set(1, true, true);
    import::test::LoopbackServer server(
        kith::test::source_dir() + "/tests/import/mastodon_server.py", {s.dir.path().string()});
    test::TempDir dbdir;
    auto database = test::new_db(dbdir);

    SUBCASE("a refused token is a clear error naming the token and writes nothing") {
        core::NullProgress progress;
        auto r = run(*database, server.url(), "wrong-token", progress);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == core::ErrorCode::network);
        CHECK(r.error().message.find("access token was refused") != std::string::npos);
        CHECK(r.error().message.find("HTTP 401") != std::string::npos);
        CHECK(r.error().message.find("wrong-token") == std::string::npos);
        CHECK(r.error().hint.find("token") != std::string::npos);
        CHECK(count(*database, "SELECT count(*) FROM interactions") == 0);
    }

    SUBCASE("full run, rerun, then new items") {
        // First run: one 429 (waited out, visibly), then the connection drops mid-page.
        import::test::RecordingProgress progress;
        auto first = run(*database, server.url(), "good-token", progress);
        REQUIRE_FALSE(first.ok());
        CHECK(first.error().code == core::ErrorCode::network);
        bool waited = false;
        for (const auto& u : progress.updates)
            waited = waited || u.what.find("waiting for the rate limit") != std::string::npos;
        CHECK(waited);
        CHECK(count(*database, "SELECT count(*) FROM sources WHERE cursor IS NOT NULL") == 0);

        // The rerun completes without duplicates.
        core::NullProgress quiet;
        auto second = run(*database, server.url(), "good-token", quiet);
        REQUIRE_MESSAGE(second.ok(), test::error_text(second));
        // Mentions 905, 903 (DM, also the conversation's last status), 902 (reply), 901; my
        // reply 801 and boost 803; the self-reply 802 is not an interaction.
        CHECK(count(*database, "SELECT count(*) FROM interactions") == 6);
        CHECK(count(*database, "SELECT count(*) FROM interactions WHERE kind = 'dm'") == 1);
        CHECK(count(*database, "SELECT count(*) FROM interactions WHERE kind = 'reply'") == 2);
        CHECK(count(*database, "SELECT count(*) FROM interactions WHERE kind = 'boost'") == 1);
        CHECK(count(*database, "SELECT count(*) FROM follow_edges WHERE ended_at IS NULL") == 7);
        // Local accounts are qualified with the instance's web domain; verified links kept.
        CHECK(count(*database,
                    "SELECT count(*) FROM identities WHERE value = 'bob@social.example'") == 1);
        CHECK(
            count(
                *database,
                "SELECT count(*) FROM identities w JOIN identities m ON m.person_id = w.person_id "
                "WHERE w.kind = 'website' AND w.value = 'ana.example/blog' AND "
                "m.value = 'ana@other.example'") == 1);
        CHECK(count(*database, "SELECT count(*) FROM identities WHERE kind = 'website'") == 1);

        // Same data again: only the newest page of each timeline is read, nothing is added.
        s.set(1, false, false);
        auto third = run(*database, server.url(), "good-token", quiet);
        REQUIRE(third.ok());
        CHECK(third->counts.added == 0);
        CHECK(occurrences(s.requests(), "/api/v1/notifications") == 1);
        CHECK(count(*database, "SELECT count(*) FROM interactions") == 6);

        // New items: only they are added; gus unfollowed, erin followed. Edges are dated to the
        // second, so the snapshot must be a second newer than the last one.
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        s.set(2, false, false);
        auto fourth = run(*database, server.url(), "good-token", quiet);
        REQUIRE(fourth.ok());
        CHECK(count(*database, "SELECT count(*) FROM interactions") == 8);
        CHECK(occurrences(s.requests(), "/api/v1/notifications") == 1);
        CHECK(count(*database,
                    "SELECT count(*) FROM follow_edges e JOIN identities i ON i.id = e.identity_id "
                    "WHERE i.value = 'gus@other.example' AND e.ended_at IS NOT NULL") == 1);
        CHECK(count(*database,
                    "SELECT count(*) FROM follow_edges e JOIN identities i ON i.id = e.identity_id "
                    "WHERE i.value = 'erin@fourth.example' AND e.direction = 'follows_me' AND "
                    "e.ended_at IS NULL") == 1);
        test::check_search_index(*database);
    }
}

TEST_CASE("mastodon api: addresses and tokens are checked before any request") {
    import::MastodonApiImporter importer;
    core::NullProgress progress;
    import::test::CollectingSink sink;
    auto plain =
        importer.run({"mastodon", "http://mastodon.example", {{"token", "t"}}}, sink, progress);
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error().code == core::ErrorCode::invalid_input);
    ::unsetenv("KITH_MASTODON_TOKEN");
    auto no_token = importer.run({"mastodon", "https://mastodon.example", {}}, sink, progress);
    REQUIRE_FALSE(no_token.ok());
    CHECK(no_token.error().message.find("no Mastodon access token") != std::string::npos);
    CHECK(import::link_next("<https://a.example/x?max_id=5>; rel=\"next\", "
                            "<https://a.example/x?min_id=9>; rel=\"prev\"") ==
          "https://a.example/x?max_id=5");
    CHECK(import::link_next("<https://a.example/x?min_id=9>; rel=\"prev\"").empty());
}

namespace {

/// My archive of the server's account: my reply 801 to Ana (its text as first posted; the
/// server has it edited) and my boost 803 of Erin's post, as the outbox names them.
std::string my_archive(const test::TempDir& dir) {
    const std::string note =
        R"({"id":"https://social.example/users/me/statuses/801/activity","type":"Create",)"
        R"("object":{"id":"https://social.example/users/me/statuses/801","type":"Note",)"
        R"("url":"https://social.example/@me/801","published":"2026-11-18T10:00:00Z",)"
        R"("to":["https://www.w3.org/ns/activitystreams#Public"],)"
        R"("cc":["https://social.example/users/me/followers","https://other.example/users/ana"],)"
        R"("inReplyTo":"https://other.example/users/ana/statuses/900",)"
        R"("conversation":"tag:other.example,2026-11-18:objectId=77:objectType=Conversation",)"
        R"("content":"<p>@ana sur</p>","tag":[{"type":"Mention",)"
        R"("href":"https://other.example/users/ana","name":"@ana@other.example"}]}})";
    const std::string boost =
        R"({"id":"https://social.example/users/me/statuses/803/activity","type":"Announce",)"
        R"("published":"2026-11-20T10:00:00Z","to":["https://www.w3.org/ns/activitystreams#Public"],)"
        R"("object":"https://fourth.example/users/erin/statuses/777"})";
    const auto path = dir / "archive-me.tar.gz";
    import::test::write_archive(
        path,
        {{"actor.json",
          R"({"id":"https://social.example/users/me","type":"Person","preferredUsername":"me",)"
          R"("url":"https://social.example/@me",)"
          R"("followers":"https://social.example/users/me/followers"})"},
         { "outbox.json",
           R"({"type":"OrderedCollection","totalItems":2,"orderedItems":[)" + note + "," + boost +
               "]}" }},
        import::test::FixtureFormat::tar_gz);
    return path.string();
}

core::Result<db::ImportResult> run_archive(db::Database& database, const std::string& path) {
    import::MastodonArchiveImporter importer;
    core::NullProgress progress;
    return db::run_import(database, importer, {"mastodon-archive", path, {}}, progress, test::kNow);
}

std::vector<std::string> my_mastodon_identities(db::Database& database) {
    auto mine = db::IdentityRepo(database).mine();
    REQUIRE(mine.ok());
    std::vector<std::string> out;
    for (const auto& i : *mine)
        if (i.kind == core::IdentityKind::mastodon) out.push_back(i.value);
    return out;
}

}  // namespace

TEST_CASE(
    "mastodon archive then api: my account becomes mine, a status from both is one "
    "interaction in one thread") {
    Server s;
    s.set(1, false, false);
    import::test::LoopbackServer server(
        kith::test::source_dir() + "/tests/import/mastodon_server.py", {s.dir.path().string()});
    test::TempDir dir;
    auto database = test::new_db(dir);
    // Before Kith knew my account, a script's export (jsonl) showed it as a stranger writing
    // to Ana: a person of its own, the message inbound.
    const auto jsonl = dir / "earlier.jsonl";
    test::write_file(jsonl,
                     R"({"type":"interaction","id":"j1","channel":"mastodon","kind":"mention",)"
                     R"("at":"2026-10-02T10:00:00Z","participants":[{"identity":)"
                     R"("@me@social.example","role":"from"},{"identity":"@ana@other.example",)"
                     R"("role":"mentioned"}]})"
                     "\n");
    import::JsonlImporter jsonl_importer;
    core::NullProgress progress;
    REQUIRE(db::run_import(*database, jsonl_importer, {"jsonl", jsonl.string(), {}}, progress,
                           test::kNow)
                .ok());
    CHECK(test::direction_and_participants(*database, "j1") ==
          "in ana@other.example,me@social.example");

    // The archive: actor.json is me; what the export derived is derived again as sent by me.
    auto archived = run_archive(*database, my_archive(dir));
    REQUIRE_MESSAGE(archived.ok(), test::error_text(archived));
    CHECK(archived->counts.added == 2);
    CHECK(my_mastodon_identities(*database) == std::vector<std::string>{"me@social.example"});
    CHECK(test::direction_and_participants(*database, "j1") == "out ana@other.example");
    const std::string reply = "https://social.example/users/me/statuses/801";
    const std::string boost = "https://social.example/users/me/statuses/803/activity";
    const auto thread_of = [&](const std::string& ext_id) {
        return database->sql()
            .execAndGet(
                "SELECT coalesce(t.key, '') FROM interactions i LEFT JOIN threads t ON "
                "t.id = i.thread_id WHERE i.ext_id = '" +
                ext_id + "'")
            .getString();
    };
    const std::string reply_thread = "mastodon:status:https://other.example/users/ana/statuses/900";
    CHECK(thread_of(reply) == reply_thread);

    // The API: the token's account is the same me (acct, uri and url agree). The reply and the
    // boost it lists too are the archive's records: same keys, so no second copy. The reply was
    // edited since the archive: updated in place, in the thread it is in.
    auto api = run(*database, server.url(), "good-token", progress);
    REQUIRE_MESSAGE(api.ok(), test::error_text(api));
    CHECK(my_mastodon_identities(*database) == std::vector<std::string>{"me@social.example"});
    CHECK(count(*database, "SELECT count(*) FROM interactions WHERE ext_id = '" + reply + "'") ==
          1);
    CHECK(count(*database, "SELECT count(*) FROM interactions WHERE ext_id = '" + boost + "'") ==
          1);
    CHECK(count(*database, "SELECT count(*) FROM interactions WHERE ext_ns = 'mastodon'") == 6);
    CHECK(test::direction_and_participants(*database, reply) == "out ana@other.example");
    CHECK(database->sql()
              .execAndGet("SELECT text FROM interactions WHERE ext_id = '" + reply + "'")
              .getString() == "@ana sure");
    CHECK(thread_of(reply) == reply_thread);
    // No other thread claims the reply as its last word.
    CHECK(count(*database,
                "SELECT count(*) FROM threads t JOIN interactions i ON i.id = "
                "t.tail_interaction_id WHERE i.ext_id = '" +
                    reply + "' AND i.thread_id <> t.id") == 0);
    // Ana's answer to my 801 is keyed by my status's URI, as an archive names it.
    CHECK(thread_of("https://other.example/users/ana/statuses/902") ==
          "mastodon:status:https://social.example/users/me/statuses/801");

    // Both again: nothing to add, the archive's records unchanged (follow lists are dated
    // to the second of the run, so their edges may move; no interaction does).
    const auto before = count(*database, "SELECT count(*) FROM interactions");
    auto api_again = run(*database, server.url(), "good-token", progress);
    REQUIRE(api_again.ok());
    CHECK(api_again->counts.added == 0);
    auto archive_again = run_archive(*database, my_archive(dir));
    REQUIRE(archive_again.ok());
    CHECK(archive_again->counts.added == 0);
    CHECK(count(*database, "SELECT count(*) FROM interactions") == before);
    test::check_search_index(*database);
}
