// The web comment importers (feed, wp-rest) against a real HTTP server on 127.0.0.1, into real
// SQLite files.

#include <doctest/doctest.h>

#include <string>

#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/people_repo.h"
#include "import/comment_feed_importer.h"
#include "import/http_client.h"
#include "import/rfc822_date.h"
#include "import/wp_rest_importer.h"
#include "tests/import/blog_test_server.h"
#include "tests/import/blog_test_util.h"
#include "tests/test_paths.h"

using namespace kith;
using import::test::BlogTestServer;
using kith::test::TempDir;

namespace {

BlogTestServer& server() {
    static BlogTestServer s(kith::test::source_dir() + "/tests/import/blog_server.py");
    return s;
}

void set_stage(int n) {
    core::NullProgress p;
    REQUIRE(import::http_get(server().url("/_stage/" + std::to_string(n)), {}, p).ok());
}

core::Result<db::ImportResult> poll(db::Database& db, core::Importer& importer,
                                    const std::string& url,
                                    std::map<std::string, std::string> options = {}) {
    core::NullProgress progress;
    return db::run_import(db, importer, {std::string(importer.kind()), url, std::move(options)},
                          progress, kith::test::kNow);
}

std::string texts(db::Database& db) {
    std::string out;
    SQLite::Statement q(db.sql(),
                        "SELECT direction, personal, text FROM interactions ORDER BY at, id");
    while (q.executeStep())
        out += q.getColumn(0).getString() + (q.getColumn(1).getInt() ? "!" : "") + " " +
               q.getColumn(2).getString() + "\n";
    return out;
}

}  // namespace

TEST_CASE("rfc822 dates of RSS feeds") {
    using import::parse_rfc822;
    const auto iso = [](std::string_view s) {
        const auto t = parse_rfc822(s);
        return t ? core::format_iso(*t) : std::string("-");
    };
    CHECK(iso("Fri, 20 Nov 2026 09:00:00 +0000") == "2026-11-20T09:00:00Z");
    CHECK(iso("20 Nov 2026 10:00:00 +0100") == "2026-11-20T09:00:00Z");
    CHECK(iso("Fri, 20 nov 26 04:00 EST") == "2026-11-20T09:00:00Z");
    CHECK(iso("Fri, 20 Nov 2026 09:00:00 GMT") == "2026-11-20T09:00:00Z");
    CHECK(iso("2026-11-20T09:00:00Z") == "2026-11-20T09:00:00Z");  // some feeds use ISO
    CHECK(iso("Fri, 31 Feb 2026 09:00:00 +0000") == "-");
    CHECK(iso("yesterday") == "-");
}

TEST_CASE("feed: my blog's comment feed, polled twice, adds only new comments") {
    TempDir dir;
    auto db = kith::test::new_db(dir);
    {
        auto me = db::PeopleRepo(*db).me(kith::test::kNow);
        REQUIRE(me.ok());
        const auto site = "127.0.0.1:" + server().url("").substr(17) + "/myblog";
        REQUIRE(db::IdentityRepo(*db)
                    .add(*me, {core::IdentityKind::website, site, site}, kith::test::kNow)
                    .ok());
    }
    set_stage(1);
    import::CommentFeedImporter feed;
    const auto url = server().url("/myblog/comments/feed/");
    const auto first = poll(*db, feed, url);
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK(first->counts.added == 2);
    CHECK(texts(*db) == "in! First!\nin! Nice & clear\n");
    const auto again = poll(*db, feed, url);
    REQUIRE(again.ok());
    CHECK(again->counts.added == 0);
    CHECK(again->counts.skipped == 2);  // seen in the first poll

    set_stage(2);
    const auto second = poll(*db, feed, url);
    REQUIRE(second.ok());
    CHECK(second->counts.added == 1);
    CHECK(texts(*db) == "in! First!\nin! Nice & clear\nin! Me again\n");
    // Ben (known only by name on this blog) is one person across polls, and is owed a reply.
    CHECK(kith::test::count_rows(*db, "people") == 3);  // me, Ben, Chloé
    const auto today = kith::test::today_at(*db);
    REQUIRE(today.owe_reply.size() == 1);
    CHECK(today.owe_reply[0].person_name == "Ben Okafor");
    CHECK(today.owe_reply[0].external_id.find("/myblog/hello#comment-3") != std::string::npos);
    set_stage(1);
}

TEST_CASE("feed: on someone else's post, a reply after my comment is owed a reply") {
    TempDir dir;
    auto db = kith::test::new_db(dir);
    set_stage(1);
    import::CommentFeedImporter feed;
    const auto url = server().url("/other/hello/feed/");
    const auto first = poll(*db, feed, url, {{"me", "Ana Ruiz"}});
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK(first->counts.added == 1);    // my comment
    CHECK(first->counts.skipped == 1);  // Zoe, before I joined
    CHECK(texts(*db) == "out My comment\n");
    set_stage(2);
    const auto second = poll(*db, feed, url, {{"me", "Ana Ruiz"}});
    REQUIRE(second.ok());
    CHECK(second->counts.added == 1);
    CHECK(texts(*db) == "out My comment\nin! Replying to Ana\n");
    const auto today = kith::test::today_at(*db);
    REQUIRE(today.owe_reply.size() == 1);
    CHECK(today.owe_reply[0].person_name == "Ben Okafor");
    CHECK(today.owe_reply[0].channel == core::Channel::blog);
    set_stage(1);
}

TEST_CASE("feed: Atom comment feeds") {
    import::CommentFeedImporter feed;
    const auto run = import::test::run_importer(feed, server().url("/atom/"), {{"mine", "yes"}});
    REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
    REQUIRE(run.sink.interactions.size() == 2);
    const auto& dan = run.sink.interactions[0];
    CHECK(dan.ext_ns == "wordpress");
    CHECK(dan.ext_id.find("/atomblog/post#comment-1") != std::string::npos);
    CHECK(dan.thread_key.find("/atomblog/post") != std::string::npos);
    CHECK(dan.text == "Hi from Dan");
    REQUIRE(dan.participants.size() == 1);
    CHECK(dan.participants[0].identity.value == "dan.example");
    CHECK(run.sink.interactions[1].participants[0].identity.value.find("#commenter=eve") !=
          std::string::npos);
    CHECK(run.sink.stored_cursor.has_value());
}

TEST_CASE("wp-rest: pages, threads across runs, incremental by after=") {
    TempDir dir;
    auto db = kith::test::new_db(dir);
    set_stage(1);
    import::WpRestImporter rest;
    const auto base = server().url("/wp");
    const auto first = poll(*db, rest, base, {{"mine", "yes"}});
    REQUIRE_MESSAGE(first.ok(), first.error().message);
    CHECK(first->counts.added == 150);  // two pages
    CHECK(first->counts.warnings == 0);
    // Registered user comments (author 1) on my blog are mine: 15 of them.
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM interactions WHERE direction='out'")
              .getInt64() == 15);
    // Comment 12 answers 11: same thread.
    CHECK(db->sql()
              .execAndGet("SELECT count(DISTINCT thread_id) FROM interactions WHERE ext_id LIKE "
                          "'%#comment-11' OR ext_id LIKE '%#comment-12'")
              .getInt64() == 1);

    set_stage(2);
    const auto second = poll(*db, rest, base, {{"mine", "yes"}});
    REQUIRE_MESSAGE(second.ok(), second.error().message);
    CHECK(second->counts.added == 2);
    CHECK(second->counts.skipped == 0);  // only what is after the cursor was asked for
    // Ben's reply to my comment 3 from the first run joins its thread (its parent was fetched).
    CHECK(db->sql()
              .execAndGet("SELECT count(DISTINCT thread_id) FROM interactions WHERE ext_id LIKE "
                          "'%#comment-151' OR ext_id LIKE '%#comment-3'")
              .getInt64() == 1);
    const auto third = poll(*db, rest, base, {{"mine", "yes"}});
    REQUIRE(third.ok());
    CHECK(third->counts.added == 0);
    CHECK(kith::test::count_rows(*db, "interactions") == 152);
    set_stage(1);
}

TEST_CASE("wp-rest: on someone else's blog only my comments and replies to them") {
    set_stage(1);
    import::WpRestImporter rest;
    const auto run = import::test::run_importer(rest, server().url("/wp"), {{"me", "Ana Ruiz"}});
    REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
    // 15 of mine; replies to mine: none in stage 1 (replies answer comments 1, 11, 21…).
    CHECK(run.sink.interactions.size() == 15);
    CHECK(run.sink.skipped_count == 135);
}

TEST_CASE("web comment sources: HTTP errors, timeouts and wrong addresses are clear errors") {
    import::CommentFeedImporter feed;
    import::WpRestImporter rest;
    struct Case {
        const char* what;
        core::Importer* importer;
        std::string url;
        std::map<std::string, std::string> options;
        core::ErrorCode code;
        std::string message;  ///< a part of the error message
    };
    const std::vector<Case> cases = {
        {"HTTP 500",
         &feed,
         server().url("/error/500"),
         {},
         core::ErrorCode::network,
         "answered HTTP 500"},
        {"HTTP 404",
         &rest,
         server().url("/nothing"),
         {},
         core::ErrorCode::network,
         "answered HTTP 404"},
        {"a timeout",
         &feed,
         server().url("/slow"),
         {{"timeout", "1"}},
         core::ErrorCode::network,
         "did not answer within 1 s"},
        {"nobody listening",
         &feed,
         "http://127.0.0.1:1/feed/",
         {},
         core::ErrorCode::network,
         "cannot fetch"},
        {"a web page, not a feed",
         &feed,
         server().url("/html"),
         {},
         core::ErrorCode::format,
         "is a web page, not a feed"},
        {"a site without the REST API answers with a page",
         &rest,
         server().url("/plain"),
         {},
         core::ErrorCode::format,
         "is not a WordPress comments API"},
        {"a feed with a DOCTYPE (XXE)",
         &feed,
         server().url("/xxe/"),
         {},
         core::ErrorCode::format,
         "has a DOCTYPE"},
        {"not an http address",
         &feed,
         "file:///etc/passwd",
         {},
         core::ErrorCode::invalid_input,
         "is not an http(s) address"},
        {"an unknown option",
         &feed,
         server().url("/atom/"),
         {{"colour", "red"}},
         core::ErrorCode::invalid_input,
         "unknown option colour"},
    };
    for (const auto& c : cases) {
        const std::string what = c.what;
        CAPTURE(what);
        const auto run = import::test::run_importer(*c.importer, c.url, c.options);
        REQUIRE_FALSE(run.result.ok());
        CAPTURE(run.result.error().message);
        CHECK(run.result.error().code == c.code);
        CHECK(run.result.error().message.find(c.message) != std::string::npos);
        CHECK(!run.result.error().hint.empty());
        CHECK(run.sink.records() == 0);
    }
}
