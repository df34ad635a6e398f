#include "import/mastodon_archive_importer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "import/mastodon_csv_importer.h"
#include "tests/db/temp_dir.h"
#include "tests/import/archive_writer.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using import::test::CollectingSink;
using import::test::FixtureFile;
using import::test::FixtureFormat;
using import::test::has_line;
using import::test::joined;
using import::test::write_archive;

namespace {

const std::string kActor =
    R"({"id":"https://social.example/users/me","type":"Person","preferredUsername":"me",)"
    R"("name":"Me","url":"https://social.example/@me",)"
    R"("followers":"https://social.example/users/me/followers"})";
const std::string kPublic = "https://www.w3.org/ns/activitystreams#Public";
const std::string kFollowers = "https://social.example/users/me/followers";

/// A Create activity of a Note with this addressing, reply target and tags.
std::string create(const std::string& n, const std::string& to, const std::string& cc,
                   const std::string& tags, const std::string& in_reply_to = "null",
                   const std::string& content = "<p>hello</p>") {
    const std::string id = "https://social.example/users/me/statuses/" + n;
    return R"({"id":")" + id +
           R"(/activity","type":"Create","actor":"https://social.example/users/me",)"
           R"("published":"2026-05-0)" +
           n.substr(n.size() - 1) + R"(T10:00:00Z","to":)" + to + R"(,"cc":)" + cc +
           R"(,"object":{"id":")" + id +
           R"(","type":"Note","url":)"
           R"("https://social.example/@me/)" +
           n + R"(","published":"2026-05-0)" + n.substr(n.size() - 1) + R"(T10:00:00Z","to":)" +
           to + R"(,"cc":)" + cc + R"(,"inReplyTo":)" + in_reply_to +
           R"(,"conversation":"tag:social.example,2026:objectId=)" + n + R"(","content":")" +
           content + R"(","tag":[)" + tags + "]}}";
}

const std::string kMentionAna =
    R"({"type":"Mention","href":"https://other.example/users/ana","name":"@ana@other.example"})";
const std::string kMentionLocalBob =
    R"({"type":"Mention","href":"https://social.example/users/bob","name":"@bob"})";

std::string outbox(const std::string& items, int total) {
    return R"({"@context":"https://www.w3.org/ns/activitystreams","id":"outbox.json",)"
           R"("type":"OrderedCollection","totalItems":)" +
           std::to_string(total) + R"(,"orderedItems":[)" + items + "]}";
}

struct Run {
    CollectingSink sink;
    core::Result<void> result;
    std::vector<std::string> lines;
};

Run import_archive(const std::vector<FixtureFile>& files,
                   FixtureFormat format = FixtureFormat::tar_gz) {
    test::TempDir dir;
    const auto path = dir / "archive-20261101.tar.gz";
    write_archive(path, files, format);
    import::MastodonArchiveImporter importer;
    core::NullProgress progress;
    Run run{CollectingSink{}, {}, {}};
    run.result = importer.run({"mastodon-archive", path.string(), {}}, run.sink, progress);
    run.lines = import::test::transcript(run.sink);
    return run;
}

}  // namespace

TEST_CASE("mastodon archive: one FORMATS.md quirk a row") {
    struct Quirk {
        const char* name;
        std::string items;
        int total;
        std::vector<std::string> expected;
        std::size_t interactions;
    };
    const std::vector<Quirk> quirks = {
        {// Nothing Public, not to my followers → direct: a DM to the mentioned accounts.
         "direct visibility is a DM",
         create("1", "[\"https://other.example/users/ana\"]", "[]", kMentionAna),
         1,
         {"mastodon/https://social.example/users/me/statuses/1 mastodon dm out "
          "2026-05-01T10:00:00Z thread=mastodon:conv:tag:social.example,2026:objectId=1 "
          "subject= text=hello url=https://social.example/@me/1 place= personal=1 bulk=0 "
          "[mastodon:ana@other.example (@ana@other.example) \"\" to]",
          // actor.json is the owner: its account becomes mine.
          "owner mastodon:me@social.example (@me@social.example)"},
         1},
        {// Public in "to" → public: a mention, not a DM.
         "public mention",
         create("2", "[\"" + kPublic + "\"]", "[\"" + kFollowers + "\"]", kMentionAna),
         1,
         {"statuses/2 mastodon mention out",
          "[mastodon:ana@other.example (@ana@other.example) \"\" mentioned]"},
         1},
        {// Public only in "cc" → unlisted; "to" may be a single string.
         "unlisted, addressing as a plain string",
         create("3", "\"" + kFollowers + "\"", "\"" + kPublic + "\"", kMentionAna),
         1,
         {"statuses/3 mastodon mention out"},
         1},
        {// Followers collection in "to" → private (followers-only), still not a DM.
         "private (followers-only)",
         create("4", "[\"" + kFollowers + "\"]", "[\"https://other.example/users/ana\"]",
                kMentionAna),
         1,
         {"statuses/4 mastodon mention out"},
         1},
        {// A local mention's name is "@bob": the domain comes from tag.href.
         "local mention qualified from href",
         create("5", "[\"" + kPublic + "\"]", "[]", kMentionLocalBob),
         1,
         {"[mastodon:bob@social.example (@bob@social.example) \"\" mentioned]"},
         1},
        {// Replies to others are replies; replies to myself (threads) are not interactions;
         // HTML content becomes text.
         "replies and self-replies, HTML content",
         create("6", "[\"" + kPublic + "\"]", "[]", kMentionAna,
                "\"https://other.example/users/ana/statuses/99\"",
                "<p><span class=\\\"h-card\\\">@ana</span> sure &amp; soon</p>") +
             "," +
             create("7", "[\"" + kPublic + "\"]", "[]", "",
                    "\"https://social.example/users/me/statuses/6\""),
         2,
         {"statuses/6 mastodon reply out 2026-05-06T10:00:00Z "
          "thread=mastodon:status:https://other.example/users/ana/statuses/99 subject= "
          "text=@ana sure & soon"},
         1},
        {// Announce holds only the URI; its author comes from it. My own boosts are skipped.
         "boosts of others' posts",
         R"({"id":"https://social.example/users/me/statuses/8/activity","type":"Announce",)"
         R"("published":"2026-05-08T10:00:00Z","to":[")" +
             kPublic +
             R"("],)"
             R"("object":"https://other.example/users/carol/statuses/555"},)"
             R"({"id":"https://social.example/users/me/statuses/9/activity","type":"Announce",)"
             R"("published":"2026-05-09T10:00:00Z","to":[")" +
             kPublic +
             R"("],)"
             R"("object":"https://social.example/users/me/statuses/1"})",
         2,
         {"mastodon/https://social.example/users/me/statuses/8/activity mastodon boost out "
          "2026-05-08T10:00:00Z",
          "personal=0 bulk=0 [mastodon:carol@other.example (@carol@other.example) \"\" to]"},
         1},
        {// totalItems rarely equals the items present; it is never trusted.
         "totalItems mismatch",
         create("1", "[\"" + kPublic + "\"]", "[]", kMentionAna),
         250,
         {"statuses/1 mastodon mention out"},
         1},
    };
    for (const auto& q : quirks) {
        CAPTURE(std::string(q.name));
        const auto run = import_archive({{"outbox.json", outbox(q.items, q.total)},
                                         {"actor.json", kActor},
                                         {"likes.json", R"({"orderedItems":[]})"}});
        REQUIRE_MESSAGE(run.result.ok(), (run.result ? "" : run.result.error().message));
        for (const auto& e : q.expected) {
            CAPTURE(e);
            CHECK_MESSAGE(has_line(run.lines, e), joined(run.lines));
        }
        CHECK(run.sink.interactions.size() == q.interactions);
        CHECK(run.sink.warnings.empty());
    }
}

TEST_CASE("mastodon archive: hostile and broken archives are refused before any record") {
    const FixtureFile good{"outbox.json",
                           outbox(create("1", "[\"" + kPublic + "\"]", "[]", kMentionAna), 1)};
    struct Case {
        const char* name;
        std::vector<FixtureFile> files;
        std::string message_part;
    };
    const std::vector<Case> cases = {
        {"tar-slip name", {{"actor.json", kActor}, good, {"../outside.txt", "x"}}, "zip-slip"},
        {"outbox that is not JSON",
         {{"actor.json", kActor}, {"outbox.json", "{\"orderedItems\":[{]"}},
         "outbox.json: invalid JSON"},
        {"outbox without orderedItems",
         {{"actor.json", kActor}, {"outbox.json", "{\"type\":\"x\"}"}},
         "has no \"orderedItems\" array"},
        {"no outbox", {{"actor.json", kActor}}, "not a Mastodon archive"},
        {"no actor", {good}, "no usable actor.json"},
    };
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        const auto run = import_archive(c.files);
        REQUIRE_FALSE(run.result.ok());
        CHECK_MESSAGE(run.result.error().message.find(c.message_part) != std::string::npos,
                      run.result.error().message);
        CHECK(run.sink.records() == 0);
    }
}

TEST_CASE("mastodon archive: a zip made the same way reads the same") {
    const auto run = import_archive(
        {{"actor.json", kActor},
         {"outbox.json", outbox(create("1", "[\"" + kPublic + "\"]", "[]", kMentionAna), 1)}},
        FixtureFormat::zip);
    REQUIRE(run.result.ok());
    CHECK(run.sink.interactions.size() == 1);
}

TEST_CASE("mastodon csv: follows and followers exports, one quirk a row") {
    struct Row {
        const char* name;
        const char* file;
        std::string content;
        std::map<std::string, std::string> options;
        std::vector<std::string> expected;
        std::size_t warnings;
    };
    const std::vector<Row> rows = {
        {// The follows export has four columns; only the first names the account.
         "following_accounts.csv",
         "following_accounts.csv",
         "Account address,Show boosts,Notify on new posts,Languages\n"
         "Ana@Other.Example,true,false,\n\"bob@social.example\",false,false,\"en,de\"\r\n",
         {},
         {"mastodon mastodon:ana@other.example (@Ana@other.example) \"\" i_follow",
          "mastodon mastodon:bob@social.example (@bob@social.example) \"\" i_follow"},
         0},
        {// Newer servers export followers with one column; the direction follows the name.
         "followers.csv",
         "followers.csv",
         "Account address\ncarol@third.example\n",
         {},
         {"mastodon mastodon:carol@third.example (@carol@third.example) \"\" follows_me"},
         0},
        {// A local account without a domain needs the instance.
         "local accounts",
         "followers.csv",
         "Account address\ndave\nnot an account@@\n",
         {{"instance", "social.example"}},
         {"mastodon:dave@social.example"},
         1},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.name));
        test::TempDir dir;
        const auto path = dir / row.file;
        std::ofstream(path, std::ios::binary) << row.content;
        import::MastodonCsvImporter importer;
        core::NullProgress progress;
        CollectingSink sink;
        const auto r = importer.run({"mastodon-csv", path.string(), row.options}, sink, progress);
        REQUIRE(r.ok());
        const auto lines = import::test::transcript(sink);
        for (const auto& e : row.expected) CHECK_MESSAGE(has_line(lines, e), joined(lines));
        CHECK(sink.warnings.size() == row.warnings);
    }
}
