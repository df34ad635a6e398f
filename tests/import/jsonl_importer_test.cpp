#include "import/jsonl_importer.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "core/time.h"
#include "tests/import/collecting_sink.h"

using namespace kith;
using kith::import::test::CollectingSink;
using kith::import::test::RecordingProgress;

namespace {

/// A file in the temp directory holding `content` byte for byte, removed at scope end.
class TempFile {
  public:
    explicit TempFile(const std::string& content) {
        static int counter = 0;
        m_path = std::filesystem::temp_directory_path() /
                 ("kith_jsonl_test_" + std::to_string(::getpid()) + "_" +
                  std::to_string(++counter) + ".jsonl");
        std::ofstream out(m_path, std::ios::binary);
        out << content;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    std::string path() const { return m_path.string(); }

  private:
    std::filesystem::path m_path;
};

struct Run {
    CollectingSink sink;
    core::Result<void> result;
};

Run import_file(const std::string& path, core::Progress* progress = nullptr) {
    import::JsonlImporter importer;
    core::ImportRequest req{"jsonl", path, {}};
    core::NullProgress null_progress;
    Run run{CollectingSink{}, {}};
    run.result = importer.run(req, run.sink, progress ? *progress : null_progress);
    return run;
}

std::string lines(std::initializer_list<std::string_view> ls) {
    std::string out;
    for (const auto l : ls) out.append(l).append("\n");
    return out;
}

const std::string kInteraction =
    R"({"type":"interaction","id":"m1","channel":"email","at":"2026-11-20T09:30:00Z",)"
    R"("subject":"Grant report","participants":["ana@example.org"]})";
const std::string kContact = R"({"type":"contact","id":"c1","name":"Ana Ruiz"})";
const std::string kFollow =
    R"({"type":"follow","network":"twitter","identity":"@jack","direction":"i_follow"})";
const std::string kFollowUp =
    R"({"type":"followup","id":"f1","text":"Send Ana the report","due":"2026-11-27"})";

// A line of exactly `size` bytes holding a valid interaction.
std::string interaction_of_size(std::size_t size) {
    const std::string head = R"({"type":"interaction","id":"big","at":"2026-01-01","text":")";
    const std::string tail = R"("})";
    return head + std::string(size - head.size() - tail.size(), 'x') + tail;
}

struct Expected {
    int line;
    std::string_view message;  ///< a part of the warning's message
};

struct Counts {
    std::size_t interactions = 0, contacts = 0, follows = 0, followups = 0;
};

struct Row {
    const char* quirk;  ///< what the row covers and where it comes from
    std::string content;
    Counts records;
    std::vector<Expected> warnings;
};

}  // namespace

TEST_CASE("jsonl: one quirk a row") {
    const std::vector<Row> rows = {
        {"one valid record of each type",
         lines({kInteraction, kContact, kFollow, kFollowUp}),
         {1, 1, 1, 1},
         {}},
        {"empty file", "", {0, 0, 0, 0}, {}},
        {"blank and whitespace-only lines are ignored but counted",
         lines({"", "   ", "\t", R"({"type":"contact"})"}),
         {0, 0, 0, 0},
         {{4, R"(missing "id")"}}},
        {"the last line has no newline", kContact + "\n" + kFollowUp, {0, 1, 0, 1}, {}},
        {"CRLF line ends, as Windows editors write them",
         kInteraction + "\r\n" + kContact + "\r\n" + "{oops\r\n",
         {1, 1, 0, 0},
         {{3, "invalid JSON"}}},
        {"a UTF-8 byte order mark, as Notepad writes it",
         "\xEF\xBB\xBF" + kContact + "\n",
         {0, 1, 0, 0},
         {}},
        {"a BOM at the start of a later line, from files joined with cat",
         kContact + "\n\xEF\xBB\xBF" + kContact + "\n",
         {0, 2, 0, 0},
         {}},
        {"invalid JSON: a truncated line from an interrupted script",
         lines({R"({"type":"contact","id":"c1","name":"Ana)", kContact}),
         {0, 1, 0, 0},
         {{1, "invalid JSON"}}},
        {"invalid UTF-8 inside a string",
         lines({"{\"type\":\"contact\",\"id\":\"c\xff\"}"}),
         {0, 0, 0, 0},
         {{1, "invalid JSON"}}},
        {"not an object",
         lines({"[1,2,3]", "42", "\"text\""}),
         {0, 0, 0, 0},
         {{1, "expected a JSON object"},
          {2, "expected a JSON object"},
          {3, "expected a JSON object"}}},
        {"missing or unknown type",
         lines({R"({"id":"x"})", R"({"type":"tweet","id":"x"})", R"({"type":7})"}),
         {0, 0, 0, 0},
         {{1, R"(missing "type")"}, {2, R"(unknown type "tweet")"}, {3, "must be a string"}}},
        {"interaction without id",
         lines({R"({"type":"interaction","at":"2026-01-01"})",
                R"({"type":"interaction","id":"","at":"2026-01-01"})"}),
         {0, 0, 0, 0},
         {{1, R"(missing "id")"}, {2, "must not be empty"}}},
        {"interaction without time",
         lines({R"({"type":"interaction","id":"a"})"}),
         {0, 0, 0, 0},
         {{1, R"(missing "at")"}}},
        {"bad dates",
         lines({R"({"type":"interaction","id":"a","at":"yesterday"})",
                R"({"type":"interaction","id":"b","at":"2026-02-30"})",
                R"({"type":"followup","id":"f","text":"x","due":"31/12/2026"})",
                R"({"type":"interaction","id":"c","at":1764000000})"}),
         {0, 0, 0, 0},
         {{1, R"("at" is not an ISO 8601 date: "yesterday")"},
          {2, "not an ISO 8601 date"},
          {3, R"("due" is not an ISO 8601 date)"},
          {4, R"("at" must be a string)"}}},
        {"unknown channel, kind, direction or role",
         lines({R"({"type":"interaction","id":"a","at":"2026-01-01","channel":"fax"})",
                R"({"type":"interaction","id":"b","at":"2026-01-01","kind":"poke"})",
                R"({"type":"interaction","id":"c","at":"2026-01-01","direction":"sideways"})",
                R"({"type":"interaction","id":"d","at":"2026-01-01",)"
                R"("participants":[{"identity":"a@b.org","role":"boss"}]})"}),
         {0, 0, 0, 0},
         {{1, R"(unknown channel "fax")"},
          {2, R"(unknown kind "poke")"},
          {3, R"(unknown direction "sideways")"},
          {4, R"(participant 1: unknown role "boss")"}}},
        {"channel aliases are accepted",
         lines({R"({"type":"interaction","id":"a","at":"2026-01-01","channel":"x"})",
                R"({"type":"interaction","id":"b","at":"2026-01-01","channel":"in-person"})"}),
         {2, 0, 0, 0},
         {}},
        {"bad identities",
         lines({R"({"type":"interaction","id":"a","at":"2026-01-01",)"
                R"("participants":["ana@example.org","not an identity"]})",
                R"({"type":"contact","id":"c","identities":[""]})",
                R"({"type":"interaction","id":"b","at":"2026-01-01",)"
                R"("participants":[{"identity":"jack","kind":"fax"}]})",
                R"({"type":"interaction","id":"c","at":"2026-01-01","participants":[42]})"}),
         {0, 0, 0, 0},
         {{1, R"(participant 2: bad identity "not an identity")"},
          {2, R"(identity 1: bad identity "")"},
          {3, R"(participant 1: unknown identity kind "fax")"},
          {4, "participant 1 must be a string or an object"}}},
        {"wrong field types",
         lines({R"({"type":"interaction","id":"a","at":"2026-01-01","personal":"yes"})",
                R"({"type":"interaction","id":"b","at":"2026-01-01","participants":"ana@x.org"})",
                R"({"type":"contact","id":"c","name":"A","circles":"Family"})",
                R"({"type":"contact","id":"d","name":"A","cadence_days":0})",
                R"({"type":"contact","id":"e","name":"A","cadence_days":"weekly"})",
                R"({"type":"followup","id":"f","text":"x","due":"2026-01-01","done":1})"}),
         {0, 0, 0, 0},
         {{1, R"("personal" must be true or false)"},
          {2, R"("participants" must be an array)"},
          {3, R"("circles" must be an array of strings)"},
          {4, "cadence_days"},
          {5, "cadence_days"},
          {6, R"("done" must be true or false)"}}},
        {"contact without name or identities",
         lines({R"({"type":"contact","id":"c"})"}),
         {0, 0, 0, 0},
         {{1, R"(needs a "name" or "identities")"}}},
        {"follow problems",
         lines({R"({"type":"follow","identity":"@jack"})",
                R"({"type":"follow","network":"email","identity":"a@b.org"})",
                R"({"type":"follow","network":"twitter"})",
                R"({"type":"follow","network":"mastodon","identity":"@a@b.social",)"
                R"("direction":"mutual"})",
                R"({"type":"follow","network":"mastodon","identity":"@a@b.social",)"
                R"("seen_at":"last week"})"}),
         {0, 0, 0, 0},
         {{1, R"(missing "network")"},
          {2, "must be twitter or mastodon"},
          {3, R"(missing "identity")"},
          {4, R"(unknown direction "mutual")"},
          {5, R"("seen_at" is not an ISO 8601 date)"}}},
        {"followup without text or due date",
         lines({R"({"type":"followup","id":"f","due":"2026-01-01"})",
                R"({"type":"followup","id":"g","text":"x"})"}),
         {0, 0, 0, 0},
         {{1, R"(missing "text")"}, {2, R"(missing "due")"}}},
        {"a line over 1 MiB is skipped, its neighbours are not",
         lines(
             {kContact, interaction_of_size(import::JsonlImporter::kMaxLineBytes + 1), kFollowUp}),
         {0, 1, 0, 1},
         {{2, "longer than 1 MiB"}}},
        {"a line of exactly 1 MiB is read",
         lines({interaction_of_size(import::JsonlImporter::kMaxLineBytes)}),
         {1, 0, 0, 0},
         {}},
        {"an overlong last line without newline",
         kContact + "\n" + interaction_of_size(3 * import::JsonlImporter::kMaxLineBytes),
         {0, 1, 0, 0},
         {{2, "longer than 1 MiB"}}},
        {"a NUL after the first 4 KiB is a bad line, not a binary file",
         lines({kContact, std::string(5000, ' ') + kContact, std::string("{\"a\":\0}", 7)}),
         {0, 2, 0, 0},
         {{3, "invalid JSON"}}},
        {"unknown fields are ignored, null means absent",
         lines({R"({"type":"contact","id":"c","name":"A","x-source":"crm","notes":null})"}),
         {0, 1, 0, 0},
         {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.quirk);
        const TempFile file(row.content);
        const auto run = import_file(file.path());
        REQUIRE_MESSAGE(run.result.ok(), run.result.error().message);
        CHECK(run.sink.interactions.size() == row.records.interactions);
        CHECK(run.sink.contacts.size() == row.records.contacts);
        CHECK(run.sink.follow_edges.size() == row.records.follows);
        CHECK(run.sink.followups.size() == row.records.followups);
        REQUIRE(run.sink.warnings.size() == row.warnings.size());
        for (std::size_t i = 0; i < row.warnings.size(); ++i) {
            const auto& got = run.sink.warnings[i];
            CAPTURE(got.message);
            CHECK(got.location == file.path() + ":" + std::to_string(row.warnings[i].line));
            CHECK(got.message.find(row.warnings[i].message) != std::string::npos);
        }
    }
}

TEST_CASE("jsonl: an interaction's fields and defaults") {
    const TempFile file(lines({
        R"({"type":"interaction","id":"m1","channel":"email","kind":"reply","direction":"out",)"
        R"("at":"2026-11-20T10:30:00+01:00","thread":"grant-2026","subject":"Re: Grant report",)"
        R"("text":"Draft attached","url":"message:abc@x","personal":false,"bulk":false,)"
        R"("participants":[{"identity":"Ana@Example.ORG","name":"Ana Ruiz","role":"to"},)"
        R"({"identity":"12345","kind":"twitter"},"@zoe@mastodon.social"]})",
        R"({"type":"interaction","id":7,"at":"2026-11-21","ns":"my-script"})",
        R"({"type":"interaction","id":"m3","channel":"in_person","at":"2026-11-22",)"
        R"("place":"Café Central","participants":["ana@example.org"]})",
        R"({"type":"interaction","id":"m4","channel":"twitter","kind":"like","at":"2026-11-23"})",
        R"({"type":"interaction","id":"m5","channel":"email","at":"2026-11-23","bulk":true})",
    }));
    const auto run = import_file(file.path());
    REQUIRE(run.result.ok());
    CHECK(run.sink.warnings.empty());
    REQUIRE(run.sink.interactions.size() == 5);

    const auto& full = run.sink.interactions[0];
    CHECK(full.ext_ns == "jsonl");
    CHECK(full.ext_id == "m1");
    CHECK(full.channel == core::Channel::email);
    CHECK(full.kind == core::InteractionKind::reply);
    CHECK(full.direction == core::Direction::out);
    CHECK(core::format_iso(full.at) == "2026-11-20T09:30:00Z");
    CHECK(full.thread_key == "grant-2026");
    CHECK(full.subject == "Re: Grant report");
    CHECK(full.text == "Draft attached");
    CHECK(full.url == "message:abc@x");
    CHECK_FALSE(full.personal);
    REQUIRE(full.participants.size() == 3);
    CHECK(full.participants[0].identity.kind == core::IdentityKind::email);
    CHECK(full.participants[0].identity.value == "ana@example.org");
    CHECK(full.participants[0].display_name == "Ana Ruiz");
    CHECK(full.participants[0].role == core::ParticipantRole::to);
    CHECK(full.participants[1].identity.kind == core::IdentityKind::twitter);
    CHECK(full.participants[1].identity.value == "12345");
    CHECK(full.participants[1].role == core::ParticipantRole::to);  // from the direction
    CHECK(full.participants[2].identity.kind == core::IdentityKind::mastodon);
    CHECK(full.participants[2].identity.value == "zoe@mastodon.social");

    const auto& minimal = run.sink.interactions[1];
    CHECK(minimal.ext_ns == "my-script");
    CHECK(minimal.ext_id == "7");
    CHECK(minimal.channel == core::Channel::other);
    CHECK(minimal.kind == core::InteractionKind::note);
    CHECK(minimal.direction == core::Direction::in);
    CHECK_FALSE(minimal.personal);  // a note is not addressed to me
    CHECK(minimal.participants.empty());

    const auto& meeting = run.sink.interactions[2];
    CHECK(meeting.kind == core::InteractionKind::meeting);
    CHECK(meeting.place == "Café Central");
    CHECK(meeting.direction == core::Direction::mutual);
    CHECK(meeting.personal);
    CHECK(meeting.participants[0].role == core::ParticipantRole::attendee);

    CHECK_FALSE(run.sink.interactions[3].personal);  // likes are not personal
    CHECK(run.sink.interactions[4].bulk);
    CHECK_FALSE(run.sink.interactions[4].personal);  // bulk mail is not personal
}

TEST_CASE("jsonl: contact, follow and followup fields") {
    const TempFile file(lines({
        R"({"type":"contact","id":"c1","name":"Zoë Müller","identities":["zoe@example.org",)"
        R"({"identity":"98765","kind":"twitter"},"https://www.zoe.example/blog/"],)"
        R"("circles":["Bloggers","Close friends"],"notes":"Met at DevConf","cadence_days":30})",
        R"({"type":"follow","network":"mastodon","identity":"@Ana@Mastodon.Social",)"
        R"("name":"Ana","seen_at":"2026-11-01"})",
        R"({"type":"follow","network":"twitter","identity":"jack","direction":"i_follow"})",
        R"({"type":"followup","id":"f1","text":"Send Ana the report","due":"2026-11-27",)"
        R"("people":["ana@example.org",{"identity":"@jack","name":"Jack"}],"done":true})",
    }));
    const auto run = import_file(file.path());
    REQUIRE(run.result.ok());
    CHECK(run.sink.warnings.empty());

    REQUIRE(run.sink.contacts.size() == 1);
    const auto& c = run.sink.contacts[0];
    CHECK(c.ext_ns == "jsonl");
    CHECK(c.ext_id == "c1");
    CHECK(c.display_name == "Zoë Müller");
    REQUIRE(c.identities.size() == 3);
    CHECK(c.identities[1].kind == core::IdentityKind::twitter);
    CHECK(c.identities[2].kind == core::IdentityKind::website);
    CHECK(c.identities[2].value == "zoe.example/blog");
    CHECK(c.circles == std::vector<std::string>{"Bloggers", "Close friends"});
    CHECK(c.notes == "Met at DevConf");
    CHECK(c.cadence_days == 30);

    REQUIRE(run.sink.follow_edges.size() == 2);
    const auto& f = run.sink.follow_edges[0];
    CHECK(f.network == core::Channel::mastodon);
    CHECK(f.their.value == "ana@mastodon.social");
    CHECK(f.display_name == "Ana");
    CHECK(f.direction == core::FollowDirection::follows_me);
    CHECK(core::format_date(f.seen_at) == "2026-11-01");
    // A bare name is read as an account of the follow's network, not guessed.
    const auto& g = run.sink.follow_edges[1];
    CHECK(g.their.kind == core::IdentityKind::twitter);
    CHECK(g.direction == core::FollowDirection::i_follow);
    CHECK(g.seen_at > core::TimePoint{});  // the file's modification time

    REQUIRE(run.sink.followups.size() == 1);
    const auto& u = run.sink.followups[0];
    CHECK(u.ext_id == "f1");
    CHECK(u.text == "Send Ana the report");
    CHECK(core::format_date(u.due) == "2026-11-27");
    CHECK(u.done);
    REQUIRE(u.people.size() == 2);
    CHECK(u.people[1].display_name == "Jack");
    CHECK(u.people[1].identity.kind == core::IdentityKind::twitter);
}

TEST_CASE("jsonl: files that cannot be imported are errors") {
    SUBCASE("a missing file names its path") {
        const auto path =
            (std::filesystem::temp_directory_path() / "kith_no_such_file.jsonl").string();
        const auto run = import_file(path);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::not_found);
        CHECK(run.result.error().message.find(path) != std::string::npos);
        CHECK(!run.result.error().hint.empty());
    }
    SUBCASE("a binary file: NUL bytes in the first 4 KiB") {
        const TempFile file(kContact + "\n" + std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        const auto run = import_file(file.path());
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::format);
        CHECK(run.result.error().message.find(file.path()) != std::string::npos);
        CHECK(!run.result.error().hint.empty());
        CHECK(run.sink.records() == 0);  // nothing imported from a file that is not ours
    }
    SUBCASE("a UTF-16 file looks binary") {
        const TempFile file(std::string("\xFF\xFE{\0\"\0t\0", 8));
        const auto run = import_file(file.path());
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().hint.find("UTF-16") != std::string::npos);
    }
    SUBCASE("a directory") {
        const auto dir = std::filesystem::temp_directory_path().string();
        const auto run = import_file(dir);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::io);
        CHECK(run.result.error().message.find(dir) != std::string::npos);
    }
}

TEST_CASE("jsonl: progress in bytes, cancel between lines, sink errors stop the import") {
    std::string content;
    for (int i = 0; i < 3000; ++i)
        content += R"({"type":"contact","id":"c)" + std::to_string(i) +
                   R"(","name":"A"})"
                   "\n";
    const TempFile file(content);

    SUBCASE("progress ends at the file size") {
        RecordingProgress progress;
        const auto run = import_file(file.path(), &progress);
        REQUIRE(run.result.ok());
        CHECK(run.sink.contacts.size() == 3000);
        REQUIRE(progress.updates.size() >= 2);
        CHECK(progress.updates.back().done == content.size());
        CHECK(progress.updates.back().total == content.size());
        CHECK(progress.updates.back().what == "bytes");
    }
    SUBCASE("cancel") {
        RecordingProgress progress;
        progress.cancel_at_update = 2;  // after the update at the start and the one at line 1024
        const auto run = import_file(file.path(), &progress);
        REQUIRE_FALSE(run.result.ok());
        CHECK(run.result.error().code == core::ErrorCode::cancelled);
        CHECK(run.sink.contacts.size() == 1024);
    }
    SUBCASE("a failing sink") {
        import::JsonlImporter importer;
        CollectingSink sink;
        sink.fail_after = 10;
        core::NullProgress progress;
        const auto r = importer.run({"jsonl", file.path(), {}}, sink, progress);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == core::ErrorCode::database);
        CHECK(sink.contacts.size() == 10);
    }
}
