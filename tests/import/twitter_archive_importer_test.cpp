#include "import/twitter_archive_importer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/db/temp_dir.h"
#include "tests/import/archive_writer.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using import::test::CollectingSink;
using import::test::FixtureFile;
using import::test::has_line;
using import::test::joined;
using import::test::write_archive;

namespace {

const std::string kAccount =
    R"(window.YTD.account.part0 = [ { "account" : { "email" : "me@example.org", )"
    R"("username" : "MeHandle", "accountId" : "12", "createdAt" : "2010-01-01T00:00:00.000Z", )"
    R"("accountDisplayName" : "Me Myself" } } ])";

std::string manifest(const std::string& data_types, const std::string& date = "2026-11-01") {
    return R"(window.__THAR_CONFIG = { "userInfo" : { "accountId" : "12", "userName" : "MeHandle" },)"
           R"( "archiveInfo" : { "generationDate" : ")" +
           date + R"(T10:00:00.000Z" }, "dataTypes" : {)" + data_types + "} }";
}

std::string files_entry(const std::string& type, std::initializer_list<std::string> names) {
    std::string out = "\"" + type + "\" : { \"files\" : [";
    bool first = true;
    for (const auto& n : names) {
        out += std::string(first ? "" : ",") + R"({ "fileName" : ")" + n +
               R"(", "globalName" : "x", "count" : "1" })";
        first = false;
    }
    return out + "] }";
}

/// A reply to Ana (an id above 2^53, numbers as strings) in the late-2022 shape.
const std::string kReplyToAna =
    R"({ "tweet" : { "id_str" : "1600000000000000001", "id" : "1600000000000000001", )"
    R"("favorite_count" : "0", "full_text" : "@ana hello &amp; welcome", )"
    R"("in_reply_to_user_id_str" : "1234567890123456789", "in_reply_to_screen_name" : "ana", )"
    R"("in_reply_to_status_id_str" : "1599999999999999999", )"
    R"("created_at" : "Fri Mar 06 13:02:05 +0000 2026", "display_text_range" : ["5", "24"], )"
    R"("entities" : { "user_mentions" : [ { "id_str" : "1234567890123456789", )"
    R"("screen_name" : "ana", "name" : "Ana Ruiz", "indices" : ["0", "4"] } ] } } })";

std::string tweets_file(const std::string& global, const std::string& elements) {
    return "window.YTD." + global + " = [ " + elements + " ]";
}

/// A tweet mentioning Ben, with id `id` (wrapped or not).
std::string mention_of_ben(const std::string& id, bool wrapped) {
    const std::string t =
        R"({ "id_str" : ")" + id +
        R"(", "full_text" : "hi @ben", )"
        R"("created_at" : "Sat Mar 07 08:00:00 +0000 2026", "entities" : { "user_mentions" : )"
        R"([ { "id_str" : "77", "screen_name" : "Ben", "name" : "Ben Okafor" } ] } })";
    return wrapped ? R"({ "tweet" : )" + t + " }" : t;
}

struct Run {
    CollectingSink sink;
    core::Result<void> result;
    std::vector<std::string> lines;
};

Run import_archive(const std::vector<FixtureFile>& files, import::ArchiveLimits limits = {}) {
    test::TempDir dir;
    const auto path = dir / "twitter-2026.zip";
    write_archive(path, files);
    import::TwitterArchiveImporter importer(limits);
    core::NullProgress progress;
    Run run{CollectingSink{}, {}, {}};
    run.result = importer.run({"twitter", path.string(), {}}, run.sink, progress);
    run.lines = import::test::transcript(run.sink);
    return run;
}

struct Quirk {
    const char* name;  ///< where the quirk comes from
    std::vector<FixtureFile> files;
    std::vector<std::string> expected;  ///< parts of transcript lines that must appear
    std::size_t interactions;
};

}  // namespace

TEST_CASE("twitter archive: one FORMATS.md quirk a row") {
    const std::vector<Quirk> quirks = {
        {// Late-2022 archives: tweets.js, numbers as strings, ids above 2^53, HTML-escaped text,
         // display_text_range cutting the leading "@ana ".
         "tweets.js, string numbers, escaped text",
         {{"data/account.js", kAccount},
          {"data/tweets.js", tweets_file("tweets.part0", kReplyToAna)}},
         {"twitter/tweet:1600000000000000001 twitter reply out 2026-03-06T13:02:05Z "
          "thread=twitter:status:1599999999999999999 subject= text=hello & welcome "
          "url=https://x.com/MeHandle/status/1600000000000000001",
          "[twitter:1234567890123456789 (@ana) \"Ana Ruiz\" to]",
          // account.js: the owner's id and handle become mine.
          "owner twitter:12 (@MeHandle)", "owner twitter:@mehandle (@MeHandle)",
          "owner email:me@example.org (me@example.org)"},
         1},
        {// Grailbird (before 2019): ids are JSON numbers above 2^53 (2^53+1 is not a double),
         // "var user_details" is the owner, dates "YYYY-MM-DD hh:mm:ss +0000".
         "Grailbird numbers above 2^53",
         {{"data/js/user_details.js",
           R"(var user_details =  { "screen_name" : "MeHandle", "id" : "12", "full_name" : "Me" })"},
          {"data/js/tweets/2013_01.js",
           "Grailbird.data.tweets_2013_01 = \n [ { \"id\" : 290000000000000001, \"text\" : "
           "\"@carol yes\", \"created_at\" : \"2013-01-25 20:58:39 +0000\", "
           "\"in_reply_to_user_id\" : 9007199254740993, \"in_reply_to_screen_name\" : \"carol\", "
           "\"in_reply_to_status_id\" : 290000000000000000, \"user\" : { \"id_str\" : \"12\" } } "
           "]"}},
         {"twitter/tweet:290000000000000001 twitter reply out 2013-01-25T20:58:39Z "
          "thread=twitter:status:290000000000000000",
          "[twitter:9007199254740993 (@carol) \"\" to]", "owner twitter:12 (@MeHandle)"},
         1},
        {// 2019 archives: tweet.js, elements not wrapped.
         "tweet.js without wrapper",
         {{"data/account.js", kAccount},
          {"data/tweet.js", tweets_file("tweet.part0", mention_of_ben("501", false))}},
         {"twitter/tweet:501 twitter mention out 2026-03-07T08:00:00Z",
          "[twitter:77 (@Ben) \"Ben Okafor\" mentioned]"},
         1},
        {// 2020–2022 archives: each element wrapped in {"tweet":{…}}.
         "tweet.js with {\"tweet\":{}} wrapper",
         {{"data/account.js", kAccount},
          {"data/tweet.js", tweets_file("tweet.part0", mention_of_ben("502", true))}},
         {"twitter/tweet:502 twitter mention out"},
         1},
        {// Entity indices and display_text_range count code points: an emoji is 4 bytes and 2
         // UTF-16 units but one index.
         "code-point indices",
         {{"data/account.js", kAccount},
          {"data/tweets.js",
           tweets_file("tweets.part0",
                       R"({ "tweet" : { "id_str" : "503", "full_text" : "@bob 😀 café &lt;3", )"
                       R"("in_reply_to_user_id_str" : "88", "in_reply_to_screen_name" : "bob", )"
                       R"("created_at" : "Sun Mar 08 09:00:00 +0000 2026", )"
                       R"("display_text_range" : [ "5", "14" ] } })")}},
         {"text=😀 café <3 url="},
         1},
        {// Big archives split into tweets.js, tweets-part1.js…, listed in any order; the
         // manifest is the file list (a part it does not list is not read).
         "split parts in any order, from the manifest",
         {{"data/manifest.js",
           manifest(files_entry("tweets", {"data/tweets-part1.js", "data/tweets.js"}))},
          {"data/account.js", kAccount},
          {"data/tweets-part1.js", tweets_file("tweets.part1", mention_of_ben("602", true))},
          {"data/tweets-part9.js", tweets_file("tweets.part9", mention_of_ben("699", true))},
          {"data/tweets.js", tweets_file("tweets.part0", mention_of_ben("601", true))}},
         {"tweet:601", "tweet:602"},
         2},
        {// The manifest's userInfo names the owner when there is no account.js.
         "owner from the manifest's userInfo",
         {{"data/manifest.js", manifest(files_entry("tweets", {"data/tweets.js"}))},
          {"data/tweets.js", tweets_file("tweets.part0", mention_of_ben("801", true))}},
         {"tweet:801", "owner twitter:12 (@MeHandle)", "owner twitter:@mehandle (@MeHandle)"},
         1},
        {// An empty part is "window.YTD.x.partN = [ ]"; a zero-byte part happens too.
         "empty parts",
         {{"data/account.js", kAccount},
          {"data/tweets.js", "window.YTD.tweets.part0 = [ ]"},
          {"data/tweets-part1.js", ""},
          {"data/tweets-part2.js", tweets_file("tweets.part2", mention_of_ben("701", true))}},
         {"tweet:701"},
         1},
        {// One-to-one DMs: conversation "<id>-<id>", messageCreate with senderId/recipientId,
         // newest first, text HTML-escaped.
         "one-to-one DMs both ways",
         {{"data/account.js", kAccount},
          {"data/direct-messages.js",
           R"(window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : )"
           R"("12-9007199254740993", "messages" : [ { "messageCreate" : { "id" : "9001", )"
           R"("senderId" : "12", "recipientId" : "9007199254740993", "text" : "see you &gt; 5", )"
           R"("createdAt" : "2026-03-02T10:00:00.000Z" } }, { "messageCreate" : { "id" : "9000", )"
           R"("senderId" : "9007199254740993", "recipientId" : "12", "text" : "coffee?", )"
           R"("createdAt" : "2026-03-01T09:00:00.000Z" } } ] } } ])"}},
         {"twitter/dm:9001 twitter dm out 2026-03-02T10:00:00Z "
          "thread=twitter:dm:12-9007199254740993 "
          "subject= text=see you > 5",
          "twitter/dm:9000 twitter dm in 2026-03-01T09:00:00Z",
          "[twitter:9007199254740993 (9007199254740993) \"\" from]"},
         2},
        {// Group DMs: numeric conversation id, no recipientId, join/leave events name members.
         "group-DM events",
         {{"data/account.js", kAccount},
          {"data/direct-messages-group.js",
           R"(window.YTD.direct_messages_group.part0 = [ { "dmConversation" : { )"
           R"("conversationId" : "1500000000000000000", "messages" : [ )"
           R"({ "messageCreate" : { "id" : "9102", "senderId" : "12", "text" : "hello all", )"
           R"("createdAt" : "2026-04-02T10:00:00.000Z" } }, )"
           R"({ "participantsJoin" : { "initiatingUserId" : "200", "userIds" : [ "400" ], )"
           R"("createdAt" : "2026-04-01T11:00:00.000Z" } }, )"
           R"({ "messageCreate" : { "id" : "9101", "senderId" : "200", "text" : "welcome", )"
           R"("createdAt" : "2026-04-01T10:00:00.000Z" } }, )"
           R"({ "joinConversation" : { "initiatingUserId" : "200", )"
           R"("participantsSnapshot" : [ "12", "200", "300" ], "createdAt" : "2026-04-01T09:00:00.000Z" } } )"
           R"(] } } ])"}},
         {"twitter/dm:9101 twitter dm in 2026-04-01T10:00:00Z "
          "thread=twitter:dm:1500000000000000000 "
          "subject= text=welcome url=https://x.com/messages/1500000000000000000 place= personal=1 "
          "bulk=0 "
          "[twitter:200 (200) \"\" from] [twitter:300 (300) \"\" cc] [twitter:400 (400) \"\" cc]",
          "twitter/dm:9102 twitter dm out 2026-04-02T10:00:00Z "
          "thread=twitter:dm:1500000000000000000 "
          "subject= text=hello all url=https://x.com/messages/1500000000000000000 place= "
          "personal=1 "
          "bulk=0 [twitter:200 (200) \"\" to] [twitter:300 (300) \"\" to] [twitter:400 (400) \"\" "
          "to]"},
         2},
        {// Retweets are "RT @user:" text (not replies); self-replies are threads, not
         // interactions; Grailbird keeps the retweeted tweet, whose mention of me is theirs.
         "retweets, self-replies, mentions of me",
         {{"data/js/user_details.js",
           R"(var user_details = { "screen_name" : "MeHandle", "id" : "12" })"},
          {"data/js/tweets/2014_02.js",
           R"(Grailbird.data.tweets_2014_02 = [ )"
           R"({ "id_str" : "800", "text" : "RT @dana: thanks @MeHandle!", )"
           R"("created_at" : "2014-02-01 10:00:00 +0000", )"
           R"("entities" : { "user_mentions" : [ { "id_str" : "44", "screen_name" : "dana" }, )"
           R"({ "id_str" : "12", "screen_name" : "MeHandle" } ] }, )"
           R"("retweeted_status" : { "id_str" : "799", "text" : "thanks @MeHandle!", )"
           R"("created_at" : "2014-01-31 22:00:00 +0000", "user" : { "id_str" : "44", )"
           R"("screen_name" : "dana", "name" : "Dana Li" }, )"
           R"("entities" : { "user_mentions" : [ { "id_str" : "12", "screen_name" : "MeHandle" } ] } } }, )"
           R"({ "id_str" : "801", "text" : "and more", "in_reply_to_user_id_str" : "12", )"
           R"("in_reply_to_status_id_str" : "800", "created_at" : "2014-02-01 10:05:00 +0000" }, )"
           R"({ "id_str" : "802", "text" : "RT @erin: nice", )"
           R"("created_at" : "2014-02-01 11:00:00 +0000", "entities" : { "user_mentions" : )"
           R"([ { "id_str" : "55", "screen_name" : "erin" } ] } } ])"}},
         {"twitter/tweet:800 twitter boost out 2014-02-01T10:00:00Z",
          "personal=0 bulk=0 [twitter:44 (@dana) \"Dana Li\" to]",
          "twitter/tweet:799 twitter mention in 2014-01-31T22:00:00Z",
          "url=https://x.com/dana/status/799 place= personal=1 bulk=0 [twitter:44 (@dana) \"Dana "
          "Li\" from]",
          "twitter/tweet:802 twitter boost out", "[twitter:55 (@erin) \"\" to]"},
         3},
        {// DMs name account ids only: the handle and name a tweet shows for the id are attached,
         // whatever the order of the files in the zip.
         "DM ids get handles from tweets",
         {{"data/account.js", kAccount},
          {"data/direct-messages.js",
           R"(window.YTD.direct_messages.part0 = [ { "dmConversation" : { "conversationId" : )"
           R"("12-1234567890123456789", "messages" : [ { "messageCreate" : { "id" : "9201", )"
           R"("senderId" : "1234567890123456789", "recipientId" : "12", "text" : "hi", )"
           R"("createdAt" : "2026-03-09T10:00:00.000Z" } } ] } } ])"},
          {"data/tweets.js", tweets_file("tweets.part0", kReplyToAna)}},
         {"twitter/dm:9201 twitter dm in 2026-03-09T10:00:00Z",
          "text=hi url=https://x.com/messages/12-1234567890123456789 place= personal=1 bulk=0 "
          "[twitter:1234567890123456789 (@ana) \"Ana Ruiz\" from]"},
         2},
        {// follower.js and following.js hold ids only; handles come from the rest of the archive.
         "followers get handles seen elsewhere",
         {{"data/manifest.js", manifest(files_entry("follower", {"data/follower.js"}) + "," +
                                        files_entry("following", {"data/following.js"}) + "," +
                                        files_entry("tweets", {"data/tweets.js"}))},
          {"data/follower.js",
           R"(window.YTD.follower.part0 = [ { "follower" : { "accountId" : "1234567890123456789", )"
           R"("userLink" : "https://twitter.com/intent/user?user_id=1234567890123456789" } }, )"
           R"({ "follower" : { "accountId" : "66" } } ])"},
          {"data/following.js",
           R"(window.YTD.following.part0 = [ { "following" : { "accountId" : "66" } } ])"},
          {"data/account.js", kAccount},
          {"data/tweets.js", tweets_file("tweets.part0", kReplyToAna)}},
         {"twitter twitter:1234567890123456789 (@ana) \"Ana Ruiz\" follows_me 2026-11-01T10:00:00Z",
          "twitter twitter:66 (66) \"\" follows_me 2026-11-01T10:00:00Z",
          "twitter twitter:66 (66) \"\" i_follow 2026-11-01T10:00:00Z"},
         1},
    };
    for (const auto& q : quirks) {
        CAPTURE(std::string(q.name));
        const auto run = import_archive(q.files);
        REQUIRE_MESSAGE(run.result.ok(), (run.result ? "" : run.result.error().message));
        for (const auto& e : q.expected) {
            CAPTURE(e);
            CHECK_MESSAGE(has_line(run.lines, e), joined(run.lines));
        }
        CHECK(run.sink.interactions.size() == q.interactions);
        CHECK(run.sink.warnings.empty());
        CHECK_FALSE(has_line(run.lines, "tweet:699"));  // never read a part the manifest leaves out
    }
}

TEST_CASE("twitter archive: bad elements are warnings located by file and element") {
    const auto run = import_archive(
        {{"data/account.js", kAccount},
         {"data/tweets.js",
          tweets_file("tweets.part0", R"({ "tweet" : { "full_text" : "no id" } }, 42, )" +
                                          mention_of_ben("901", true))}});
    REQUIRE(run.result.ok());
    CHECK(run.sink.interactions.size() == 1);
    REQUIRE(run.sink.warnings.size() == 2);
    CHECK(run.sink.warnings[0].location == "twitter-2026.zip:data/tweets.js#1");
    CHECK(run.sink.warnings[0].message ==
          "tweet without a valid id (id_str missing or above 2^64)");
    CHECK(run.sink.warnings[1].location == "twitter-2026.zip:data/tweets.js#2");
}

TEST_CASE("twitter archive: hostile and damaged archives are refused before any record") {
    const FixtureFile good_tweets{"data/tweets.js",
                                  tweets_file("tweets.part0", mention_of_ben("1", true))};
    struct Case {
        const char* name;
        std::vector<FixtureFile> files;
        import::ArchiveLimits limits;
        std::string message_part;
    };
    import::ArchiveLimits small;
    small.max_entry_bytes = 1 << 20;
    small.max_total_bytes = 3 << 20;
    const std::string zeros(2 << 20, ' ');
    const std::vector<Case> cases = {
        {"zip-slip name",
         {{"data/account.js", kAccount}, good_tweets, {"../../evil.js", "x"}},
         {},
         "points outside the archive (zip-slip)"},
        {"absolute name", {{"data/account.js", kAccount}, {"/etc/cron.d/x", "x"}}, {}, "zip-slip"},
        {"zip bomb: one huge data entry",
         {{"data/account.js", kAccount}, good_tweets, {"data/direct-messages.js", zeros}},
         small,
         "possible zip bomb"},
        {"archive bomb: too much read in total",
         {{"data/account.js", kAccount},
          good_tweets,
          {"data/tweets-part1.js", std::string(900 << 10, ' ')},
          {"data/tweets-part2.js", std::string(900 << 10, ' ')},
          {"data/tweets-part3.js", std::string(900 << 10, ' ')},
          {"data/tweets-part4.js", std::string(900 << 10, ' ')},
          {"data/tweets_media/big.mp4", std::string(4 << 20, ' ')}},  // skipped: costs nothing
         [] {
             import::ArchiveLimits l;
             l.max_total_bytes = 3 << 20;
             return l;
         }(),
         "possible archive bomb"},
        {"a .js data file that is not JSON",
         {{"data/account.js", kAccount},
          good_tweets,
          {"data/follower.js", "window.YTD.follower.part0 = [ { \"follower\" : oops } ]"}},
         {},
         "twitter-2026.zip:data/follower.js: invalid JSON at byte"},
        {"a data file without its JS assignment",
         {{"data/account.js", kAccount}, {"data/tweets.js", "<html>not a data file</html>"}},
         {},
         "no \"window.YTD"},
        {"no owner", {good_tweets}, {}, "whose archive it is cannot be told"},
    };
    // Media never read cost nothing, whatever their size: a real archive keeps its videos.
    const auto with_media = import_archive(
        {{"data/account.js", kAccount}, good_tweets, {"data/tweets_media/v.mp4", zeros}}, small);
    CHECK(with_media.result.ok());
    CHECK(with_media.sink.interactions.size() == 1);
    for (const auto& c : cases) {
        CAPTURE(std::string(c.name));
        const auto run = import_archive(c.files, c.limits);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
        CHECK_MESSAGE(run.result.error().message.find(c.message_part) != std::string::npos,
                      run.result.error().message);
        CHECK(run.sink.records() == 0);  // refused in the check pass: nothing half-imported
    }
}

TEST_CASE("twitter archive: truncated zip, non-archive and missing files are clear errors") {
    test::TempDir dir;
    const auto path = dir / "cut.zip";
    write_archive(path,
                  {{"data/account.js", kAccount},
                   {"data/tweets.js", tweets_file("tweets.part0", mention_of_ben("1", true) + "," +
                                                                      mention_of_ben("2", true))}});
    std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
    import::TwitterArchiveImporter importer;
    core::NullProgress progress;
    for (const auto& [file, code] : std::vector<std::pair<std::string, core::ErrorCode>>{
             {path.string(), core::ErrorCode::format},
             {(dir / "missing.zip").string(), core::ErrorCode::not_found},
             {dir.path().string(), core::ErrorCode::io}}) {
        CAPTURE(file);
        CollectingSink sink;
        const auto r = importer.run({"twitter", file, {}}, sink, progress);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == code);
        CHECK_FALSE(r.error().hint.empty());
        CHECK(sink.records() == 0);
    }
    std::ofstream(dir / "notes.zip") << "just some text, not an archive";
    CollectingSink sink;
    const auto r = importer.run({"twitter", (dir / "notes.zip").string(), {}}, sink, progress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("not a readable zip or tar archive") != std::string::npos);
}

TEST_CASE("twitter archive: cancel stops between elements") {
    test::TempDir dir;
    const auto path = dir / "a.zip";
    std::string elements;
    for (int i = 0; i < 3000; ++i)
        elements += (i ? "," : "") + mention_of_ben(std::to_string(i + 1), true);
    write_archive(path, {{"data/account.js", kAccount},
                         {"data/tweets.js", tweets_file("tweets.part0", elements)}});
    import::TwitterArchiveImporter importer;
    import::test::RecordingProgress progress;
    progress.cancel_at_update = 4;
    CollectingSink sink;
    const auto r = importer.run({"twitter", path.string(), {}}, sink, progress);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == core::ErrorCode::cancelled);
    CHECK(sink.interactions.size() < 3000);
}
