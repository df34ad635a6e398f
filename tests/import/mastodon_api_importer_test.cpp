// The Mastodon API importer against a real HTTP server on 127.0.0.1 (tests/import/
// mastodon_server.py) serving the API's JSON shapes, into real SQLite files.
#include "import/mastodon_api_importer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "db/database.h"
#include "db/import_runner.h"
#include "tests/db/test_db.h"
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
