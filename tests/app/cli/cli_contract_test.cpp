// The command-line contract of DESIGN.md, checked on the real kith-cli binary: the JSON of
// `stats`, `today` and `import`, and `demo`'s choice of file.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/time.h"
#include "db/migrations.h"
#include "tests/app/cli/subprocess.h"
#include "tests/db/schema_fixtures.h"

using namespace kith::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kChannels = {"email",     "twitter", "mastodon", "blog",
                                            "in_person", "call",    "other"};
const std::vector<std::string> kKinds = {"message", "reply", "mention", "dm",   "comment",
                                         "meeting", "call",  "note",    "like", "boost"};

/// One of each Today list at 2026-11-25 12:00: Ana's reply (owed), my DM to Ben (waiting since
/// the 12th), Chloé last met on 1 September with a 30-day cadence (going cold), and a follow-up
/// for Ana due today; plus a follow edge and contact cards.
const char* const kFixture =
    R"({"type":"contact","id":"c1","name":"Ana Ruiz","identities":["ana@example.org","@ana@mastodon.social"],"circles":["Bloggers"],"cadence_days":30}
{"type":"interaction","ns":"email","id":"<m1@example.org>","channel":"email","kind":"message","direction":"out","at":"2026-11-10T09:00:00Z","thread":"<m1@example.org>","subject":"Grant report","text":"Draft attached","participants":[{"identity":"ana@example.org","role":"to"}]}
{"type":"interaction","ns":"email","id":"<m2@example.org>","channel":"email","kind":"reply","direction":"in","at":"2026-11-23T12:00:00Z","thread":"<m1@example.org>","subject":"Re: Grant report","text":"Comments inline","participants":[{"identity":"ana@example.org","role":"from"}]}
{"type":"interaction","ns":"twitter","id":"1790000000000000001","channel":"twitter","kind":"dm","direction":"out","at":"2026-11-12T08:00:00Z","thread":"dm-42","text":"Are you coming to the meetup?","participants":[{"identity":"4242","kind":"twitter","name":"Ben Okafor","role":"to"}]}
{"type":"interaction","id":"meet-1","channel":"in_person","kind":"meeting","at":"2026-09-01T18:00:00Z","place":"Café Central","participants":[{"identity":"chloe@example.org","name":"Chloé Martin"}]}
{"type":"contact","id":"c2","name":"Chloé Martin","identities":["chloe@example.org"],"cadence_days":30}
{"type":"followup","id":"f1","text":"Send Ana the budget","due":"2026-11-25","people":["ana@example.org"]}
{"type":"follow","network":"mastodon","identity":"@ana@mastodon.social","name":"Ana Ruiz","seen_at":"2026-11-01"}
)";

/// A database holding kFixture, imported with the CLI.
KithCli cli_with_fixture(const TempDir& dir) {
    KithCli cli(dir);
    write_file(dir / "fixture.jsonl", kFixture);
    const auto r = cli.json({"import", "jsonl", (dir / "fixture.jsonl").string()});
    REQUIRE(r["warnings"] == 0);
    return cli;
}

std::int64_t person_id(const KithCli& cli, const std::string& who) {
    return cli.json({"person", "show", who})["id"].get<std::int64_t>();
}

/// The integer at `key`; the test fails when it is absent or not an integer.
std::int64_t integer_at(const json& j, const std::string& key) {
    INFO("key: " << key << " in " << j.dump());
    REQUIRE(j.contains(key));
    REQUIRE(j[key].is_number_integer());
    return j[key].get<std::int64_t>();
}

/// The fields every Today item carries, with the right types.
void check_item_shape(const json& item, bool conversation) {
    INFO("item: " << item.dump());
    REQUIRE(item.is_object());
    REQUIRE(item.contains("id"));
    CHECK(item["id"].is_string());
    CHECK(item["id"].get<std::string>().find(':') != std::string::npos);
    REQUIRE(item.contains("person"));
    CHECK(item["person"].is_string());
    CHECK(integer_at(item, "person_id") > 0);
    REQUIRE(item.contains("channel"));
    CHECK(std::count(kChannels.begin(), kChannels.end(), item["channel"].get<std::string>()) == 1);
    REQUIRE(item.contains("at"));
    CHECK(kith::core::parse_iso(item["at"].get<std::string>()).has_value());
    const bool has_subject = item.contains("subject") && item["subject"].is_string() &&
                             !item["subject"].get<std::string>().empty();
    const bool has_excerpt = item.contains("excerpt") && item["excerpt"].is_string() &&
                             !item["excerpt"].get<std::string>().empty();
    CHECK((has_subject || has_excerpt));
    if (conversation) {
        REQUIRE(item.contains("thread"));
        CHECK(!item["thread"].get<std::string>().empty());
        REQUIRE(item.contains("external_id"));
        CHECK(!item["external_id"].get<std::string>().empty());
    }
}

/// A jsonl file of `good` valid interactions followed by `bad` lines that are not JSON.
fs::path write_jsonl(const TempDir& dir, int good, int bad) {
    std::string text;
    for (int i = 0; i < good; ++i)
        text +=
            R"({"type":"interaction","id":"g)" + std::to_string(i) +
            R"(","channel":"email","at":"2026-11-20T09:00:00Z","participants":["ana@example.org"]})"
            "\n";
    for (int i = 0; i < bad; ++i) text += "{broken line\n";
    const auto path = dir / "in.jsonl";
    write_file(path, text);
    return path;
}

}  // namespace

TEST_CASE("stats --json of an empty database has every count at zero") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"init"});
    const auto j = cli.json({"stats"});
    for (const char* key : {"people", "identities", "interactions", "follow_edges", "followups"})
        CHECK(integer_at(j, key) == 0);
    REQUIRE(j.contains("by_channel"));
    REQUIRE(j.contains("by_kind"));
    for (const auto& c : kChannels) CHECK(integer_at(j["by_channel"], c) == 0);
    for (const auto& k : kKinds) CHECK(integer_at(j["by_kind"], k) == 0);
}

TEST_CASE("stats --json counts people identities interactions follows and follow-ups") {
    TempDir dir;
    const auto cli = cli_with_fixture(dir);
    const auto j = cli.json({"stats"});
    CHECK(integer_at(j, "people") == 3);
    CHECK(integer_at(j, "identities") == 4);
    CHECK(integer_at(j, "interactions") == 4);
    CHECK(integer_at(j, "follow_edges") == 1);
    CHECK(integer_at(j, "followups") == 1);
    const std::map<std::string, std::int64_t> channels = {
        {"email", 2}, {"twitter", 1}, {"in_person", 1}};
    for (const auto& c : kChannels) {
        CAPTURE(c);
        CHECK(integer_at(j["by_channel"], c) == (channels.count(c) ? channels.at(c) : 0));
    }
    const std::map<std::string, std::int64_t> kinds = {
        {"message", 1}, {"reply", 1}, {"dm", 1}, {"meeting", 1}};
    for (const auto& k : kKinds) {
        CAPTURE(k);
        CHECK(integer_at(j["by_kind"], k) == (kinds.count(k) ? kinds.at(k) : 0));
    }
}

TEST_CASE("today --json has four lists whose items carry the contract's fields") {
    TempDir dir;
    const auto cli = cli_with_fixture(dir);
    const auto j = cli.json({"today"});
    for (const char* list : {"owe_reply", "waiting", "going_cold", "followups"}) {
        CAPTURE(std::string(list));
        REQUIRE(j.contains(list));
        REQUIRE(j[list].is_array());
        CHECK(j[list].size() == 1);
        const bool conversation =
            std::string(list) == "owe_reply" || std::string(list) == "waiting";
        for (const auto& item : j[list]) check_item_shape(item, conversation);
    }
}

TEST_CASE("today --json names the person message thread and source id of each item") {
    TempDir dir;
    const auto cli = cli_with_fixture(dir);
    const auto ana = person_id(cli, "ana@example.org");
    const auto j = cli.json({"today"});
    struct Row {
        const char* list;
        const char* person;
        std::int64_t person_id;
        const char* channel;  // "" when the contract leaves it open
        const char* at;
        const char* text_key;  // "subject" or "excerpt"
        const char* text;
        const char* thread;       // "" when not a conversation
        const char* external_id;  // "" when not a conversation
    };
    const Row rows[] = {
        {"owe_reply", "Ana Ruiz", ana, "email", "2026-11-23T12:00:00Z", "subject",
         "Re: Grant report", "<m1@example.org>", "<m2@example.org>"},
        {"waiting", "Ben Okafor", person_id(cli, "Ben Okafor"), "twitter", "2026-11-12T08:00:00Z",
         "excerpt", "Are you coming to the meetup?", "dm-42", "1790000000000000001"},
        {"going_cold", "Chloé Martin", person_id(cli, "chloe@example.org"), "in_person",
         "2026-09-01T18:00:00Z", "excerpt", "", "", ""},
        {"followups", "Ana Ruiz", ana, "", "2026-11-25T00:00:00Z", "subject", "Send Ana the budget",
         "", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.list));
        REQUIRE(j[row.list].size() == 1);
        const auto& item = j[row.list][0];
        INFO("item: " << item.dump());
        CHECK(item["person"] == row.person);
        CHECK(item["person_id"] == row.person_id);
        if (*row.channel) CHECK(item["channel"] == row.channel);
        CHECK(item["at"] == row.at);
        if (*row.text) CHECK(item[row.text_key] == row.text);
        if (*row.thread) CHECK(item["thread"] == row.thread);
        if (*row.external_id) CHECK(item["external_id"] == row.external_id);
    }
    CHECK(j["going_cold"][0]["id"] ==
          "going_cold:" + std::to_string(j["going_cold"][0]["person_id"].get<std::int64_t>()));
}

TEST_CASE("the ids of today --json items work with done snooze and dismiss") {
    TempDir dir;
    const auto cli = cli_with_fixture(dir);
    const auto before = cli.json({"today"});
    cli.ok({"today", "done", before["owe_reply"][0]["id"].get<std::string>()});
    cli.ok(
        {"today", "snooze", before["waiting"][0]["id"].get<std::string>(), "--until", "next week"});
    cli.ok({"today", "dismiss", before["going_cold"][0]["id"].get<std::string>()});
    cli.ok({"today", "done", before["followups"][0]["id"].get<std::string>()});
    const auto after = cli.json({"today"});
    for (const char* list : {"owe_reply", "waiting", "going_cold", "followups"}) {
        CAPTURE(std::string(list));
        CHECK(after[list].empty());
    }
    // The snooze ends next Monday (2026-11-30): Ben's DM is back then.
    const auto monday = cli.json_at("2026-11-30T10:00:00Z", {"today"});
    REQUIRE(monday["waiting"].size() == 1);
    CHECK(monday["waiting"][0]["person"] == "Ben Okafor");
    CHECK(monday["owe_reply"].empty());
}

TEST_CASE("import --json reports counts and located warnings and exits 0 despite warnings") {
    TempDir dir;
    const KithCli cli(dir);
    const auto path = write_jsonl(dir, 3, 2);
    const auto j = cli.json({"import", "jsonl", path.string()});
    CHECK(integer_at(j, "added") == 3);
    CHECK(integer_at(j, "updated") == 0);
    CHECK(integer_at(j, "skipped") == 0);
    CHECK(integer_at(j, "warnings") == 2);
    REQUIRE(j["messages"].is_array());
    REQUIRE(j["messages"].size() == 2);
    CHECK(j["messages"][0]["location"] == path.string() + ":4");
    CHECK(j["messages"][1]["location"] == path.string() + ":5");
    CHECK(!j["messages"][0]["message"].get<std::string>().empty());
}

TEST_CASE("import --json of the same file again adds nothing") {
    TempDir dir;
    const KithCli cli(dir);
    const auto path = write_jsonl(dir, 3, 0);
    cli.json({"import", "jsonl", path.string()});
    const auto j = cli.json({"import", "jsonl", path.string()});
    CHECK(integer_at(j, "added") == 0);
    CHECK(integer_at(j, "updated") == 0);
    CHECK(integer_at(j, "skipped") == 3);
    CHECK(integer_at(cli.json({"stats"}), "interactions") == 3);
}

TEST_CASE("import --json lists only the first warnings but counts them all") {
    TempDir dir;
    const auto j = KithCli(dir).json({"import", "jsonl", write_jsonl(dir, 0, 25).string()});
    CHECK(integer_at(j, "warnings") == 25);
    CHECK(j["messages"].size() == 20);
}

TEST_CASE("a failed import exits non-zero with one line on stderr") {
    struct Row {
        const char* what;
        std::vector<std::string> args;  // after "import", before "--json"
        int exit_code;
        const char* message;
        const char* hint;
    };
    TempDir dir;
    write_file(dir / "binary.jsonl", std::string("\x00\x01\x02{}\n", 6));
    fs::create_directories(dir / "folder.jsonl");
    const Row rows[] = {
        {"a missing file",
         {"jsonl", (dir / "missing.jsonl").string()},
         3,
         "missing.jsonl",
         "Check the file name"},
        {"a binary file",
         {"jsonl", (dir / "binary.jsonl").string()},
         1,
         "not a text file",
         "UTF-8"},
        {"a folder", {"jsonl", (dir / "folder.jsonl").string()}, 1, "is a directory", "jsonl"},
        {"an unknown kind",
         {"outlook-pst", "x.pst"},
         2,
         "unknown import kind 'outlook-pst'",
         "Known kinds: disqus, eml, feed, google-csv, ics, imap, jsonl, linkedin, maildir, "
         "mastodon, mastodon-archive, mastodon-csv, mbox, twitter, vcard, wp-rest, wxr"},
        {"demo through import", {"demo", "x"}, 2, "demo", "kith-cli demo"},
    };
    const KithCli cli(dir);
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        std::vector<std::string> args = {"import"};
        args.insert(args.end(), row.args.begin(), row.args.end());
        args.push_back("--json");
        expect_clean_failure(cli.run(args), row.exit_code, row.message, row.hint);
    }
}

TEST_CASE("demo --people 50 fills a database with a digest in every list") {
    TempDir dir;
    const KithCli cli(dir);
    const auto j = cli.json({"demo", "--people", "50"});
    CHECK(integer_at(j, "added") > 500);
    CHECK(integer_at(j, "warnings") == 0);
    const auto stats = cli.json({"stats"});
    CHECK(integer_at(stats, "people") == 50);
    CHECK(integer_at(stats, "follow_edges") > 0);
    CHECK(integer_at(stats, "followups") > 0);
    for (const auto& c : {"email", "twitter", "mastodon", "blog", "in_person", "call"})
        CHECK(integer_at(stats["by_channel"], c) > 0);
    const auto today = cli.json({"today"});
    for (const char* list : {"owe_reply", "waiting", "going_cold"}) {
        CAPTURE(std::string(list));
        CHECK(!today[list].empty());
        for (const auto& item : today[list])
            check_item_shape(item, std::string(list) != "going_cold");
    }
    // The same demo again adds nothing.
    CHECK(integer_at(cli.json({"demo", "--people", "50"}), "added") == 0);
}

TEST_CASE("demo without --db writes demo.db in XDG_DATA_HOME and never kith.db") {
    TempDir dir;
    const KithCli cli(dir);
    const auto r = cli.run_without_db({"demo", "--people", "5"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    const auto demo_db = dir / "xdg" / "kith" / "demo.db";
    CHECK(fs::is_regular_file(demo_db));
    CHECK(r.out.find(demo_db.string()) != std::string::npos);
    CHECK(!fs::exists(dir / "xdg" / "kith" / "kith.db"));
    CHECK(!fs::exists(dir / "home"));
}

// `demo --help` says "demo.db unless --db is given", but with KITH_DB set (the user's own file)
// the demo goes into that file; only the "holds your own data" check stops it, so a new, still
// empty kith.db is filled with demo data (CliContext::database_path).
TEST_CASE("demo without --db leaves the user's KITH_DB file alone") {
    TempDir dir;
    KithCli cli(dir);
    const auto user_db = dir / "user" / "kith.db";
    cli.env["KITH_DB"] = user_db.string();
    REQUIRE(cli.run_without_db({"init"}).exit_code == 0);
    const auto before = file_digest(user_db);
    const auto r = cli.run_without_db({"demo", "--people", "5"});
    CHECK(r.exit_code == 0);
    CHECK(file_digest(user_db) == before);
    CHECK(fs::is_regular_file(dir / "xdg" / "kith" / "demo.db"));
}

TEST_CASE("demo into a database holding the user's own data is refused untouched") {
    TempDir dir;
    const KithCli cli(dir);
    cli.ok({"log", "Ana Ruiz", "--yes", "--notes", "coffee"});
    const auto before = file_digest(cli.db);
    expect_clean_failure(cli.run({"demo", "--people", "5"}), 1, "already holds your own data",
                         "kith-cli --db demo.db demo");
    CHECK(file_digest(cli.db) == before);
}

TEST_CASE("the database is --db else KITH_DB else XDG_DATA_HOME/kith/kith.db") {
    struct Row {
        const char* what;
        std::optional<std::string> db_option, kith_db;
        std::string expected;  // below the temp folder
    };
    const Row rows[] = {
        {"--db wins", "given.db", "env.db", "given.db"},
        {"KITH_DB without --db", std::nullopt, "env.db", "env.db"},
        {"neither", std::nullopt, std::nullopt, "xdg/kith/kith.db"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        KithCli cli(dir);
        if (row.kith_db) cli.env["KITH_DB"] = (dir / *row.kith_db).string();
        std::vector<std::string> args = {"log", "Ana Ruiz", "--yes"};
        if (row.db_option) args.insert(args.begin(), {"--db", (dir / *row.db_option).string()});
        REQUIRE(cli.run_without_db(args).exit_code == 0);
        CHECK(fs::is_regular_file(dir / row.expected));
        for (const char* other : {"given.db", "env.db", "xdg/kith/kith.db"})
            if (row.expected != other) CHECK(!fs::exists(dir / other));
    }
}

TEST_CASE("an older database is upgraded on first use with a note on stderr") {
    TempDir dir;
    const KithCli cli(dir);
    write_database_at_version(cli.db, kith::db::latest_schema_version() - 1);
    const auto r = cli.run({"stats", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto j = json::parse(r.out);    // stdout stays pure JSON
    CHECK(integer_at(j, "people") == 2);  // José and Ana; "me" is not counted
    CHECK(integer_at(j, "interactions") == 3);
    CHECK(r.err.find("upgraded") != std::string::npos);
    CHECK(r.err.find((dir / "backups").string()) != std::string::npos);
    CHECK(list_dir(dir / "backups").size() == 1);
    CHECK(pragma_of(cli.db, "user_version") == kith::db::latest_schema_version());
}
