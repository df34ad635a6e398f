// The database side of imports: ImportSink batching and dedup, run_import bookkeeping, with the
// real "jsonl" and "demo" importers and a scripted test importer for failures and cursors.
#include "db/import_sink.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/people_repo.h"
#include "import/importer_registry.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using nlohmann::json;

namespace {

/// A test-only importer: emits `records` email interactions ("r0", "r1"…) from five people,
/// reads the stored cursor, sets `cursor_to_set`, and after `fail_after` records stops with
/// `fail_code` (a crash, a cancel) instead of finishing.
class ScriptedImporter final : public core::Importer {
  public:
    int records = 0;
    std::optional<int> fail_after;
    core::ErrorCode fail_code = core::ErrorCode::io;
    std::optional<std::string> cursor_to_set;
    std::optional<std::string> cursor_seen;  ///< what the sink offered this run

    std::string_view kind() const override { return "scripted"; }
    std::string_view description() const override { return "test records"; }
    core::Result<void> run(const core::ImportRequest&, core::RecordSink& sink,
                           core::Progress&) override {
        cursor_seen = sink.cursor();
        if (cursor_to_set) sink.set_cursor(*cursor_to_set);
        for (int i = 0; i < records; ++i) {
            if (fail_after && i == *fail_after)
                return core::make_error(fail_code,
                                        "source vanished after record " + std::to_string(i));
            const auto who = someone("p" + std::to_string(i % 5) + "@example.org",
                                     "Person " + std::to_string(i % 5));
            auto r = email("r" + std::to_string(i), core::Direction::in,
                           days_ago(30) + std::chrono::minutes{i}, "", who);
            r.personal = false;  // no threads: keeps the big runs cheap
            if (auto w = sink.interaction(r); !w) return w;
        }
        return {};
    }
};

core::Result<db::ImportResult> run(db::Database& db, core::Importer& importer,
                                   const std::string& location,
                                   std::map<std::string, std::string> options = {}) {
    core::NullProgress progress;
    const core::ImportRequest request{std::string(importer.kind()), location, std::move(options)};
    return db::run_import(db, importer, request, progress, kNow);
}

/// Runs a registered importer ("jsonl", "demo"); the test stops if it fails.
db::ImportResult run_registered(db::Database& db, const std::string& kind,
                                const std::string& location,
                                std::map<std::string, std::string> options = {}) {
    auto importer = import::make_importer(kind);
    REQUIRE(importer != nullptr);
    auto r = run(db, *importer, location, std::move(options));
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    return std::move(*r);
}

/// One jsonl line for an email in `thread`.
std::string mail_line(const std::string& id, const std::string& direction, const std::string& at,
                      const std::string& thread, bool bulk = false) {
    return json{{"type", "interaction"},
                {"id", id},
                {"channel", "email"},
                {"kind", "message"},
                {"direction", direction},
                {"at", at},
                {"thread", thread},
                {"subject", "Subject of " + thread},
                {"text", "Text of " + id},
                {"bulk", bulk},
                {"participants",
                 {{{"identity", "ana@example.org"},
                   {"name", "Ana Ruiz"},
                   {"role", direction == "in" ? "from" : "to"}}}}}
        .dump();
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

/// A jsonl file with five good records (two emails, a contact, a follow-up, a follow) and two
/// bad lines, 2 (not JSON) and 5 (no "at"), with a blank line 4.
fs::path write_mixed_jsonl(const TempDir& dir) {
    const auto path = dir / "history.jsonl";
    write_file(
        path, join_lines({
                  mail_line("m1", "in", "2026-11-20T09:30:00Z", "t1"),
                  R"({"type":"interaction", "id":"m9", )",
                  mail_line("m2", "out", "2026-11-21T10:00:00Z", "t1"),
                  "",
                  R"({"type":"interaction", "id":"m3", "channel":"email"})",
                  R"({"type":"contact", "id":"c1", "name":"Ben Okafor", )"
                  R"("identities":["ben@example.org"], "circles":["Bloggers"], "cadence_days":30})",
                  R"({"type":"followup", "id":"f1", "text":"Send Ana the report", )"
                  R"("due":"2026-11-27", "people":["ana@example.org"]})",
                  R"({"type":"follow", "network":"mastodon", "identity":"@ana@mastodon.social", )"
                  R"("name":"Ana Ruiz", "seen_at":"2026-11-01"})",
              }));
    return path;
}

struct TableCounts {
    std::int64_t people, identities, interactions, followups, follow_edges, threads;
    bool operator==(const TableCounts&) const = default;
};

TableCounts table_counts(db::Database& db) {
    return {count_rows(db, "people"),       count_rows(db, "identities"),
            count_rows(db, "interactions"), count_rows(db, "followups"),
            count_rows(db, "follow_edges"), count_rows(db, "threads")};
}

std::string run_column(db::Database& db, std::int64_t run_id, const std::string& column) {
    SQLite::Statement q(db.sql(),
                        "SELECT coalesce(" + column + ", '') FROM import_runs WHERE id = ?");
    q.bind(1, run_id);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
}

std::optional<std::string> stored_cursor(db::Database& db, const std::string& location) {
    SQLite::Statement q(db.sql(), "SELECT cursor FROM sources WHERE location = ?");
    q.bind(1, location);
    REQUIRE(q.executeStep());
    if (q.getColumn(0).isNull()) return std::nullopt;
    return q.getColumn(0).getString();
}

}  // namespace

TEST_CASE("a jsonl import counts what it added and warns about bad lines with file:line") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = write_mixed_jsonl(dir);
    const auto r = run_registered(*db, "jsonl", path.string());
    CHECK(r.status == "completed");
    CHECK(r.counts.added == 5);
    CHECK(r.counts.updated == 0);
    CHECK(r.counts.skipped == 0);
    CHECK(r.counts.warnings == 2);
    REQUIRE(r.counts.messages.size() == 2);
    CHECK(r.counts.messages[0].location == path.string() + ":2");
    CHECK(r.counts.messages[1].location == path.string() + ":5");
    CHECK(r.counts.messages[1].message.find("\"at\"") != std::string::npos);
    CHECK(table_counts(*db) == TableCounts{.people = 3,  // Ana (email), Ben, Ana (mastodon)
                                           .identities = 3,
                                           .interactions = 2,
                                           .followups = 1,
                                           .follow_edges = 1,
                                           .threads = 1});
    check_search_index(*db);
}

TEST_CASE("re-running the same import adds nothing and skips every record") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = write_mixed_jsonl(dir);
    const auto first = run_registered(*db, "jsonl", path.string());
    const auto counts = table_counts(*db);
    const auto second = run_registered(*db, "jsonl", path.string());
    CHECK(second.status == "completed");
    CHECK(second.counts.added == 0);
    CHECK(second.counts.updated == 0);
    CHECK(second.counts.skipped == first.counts.added);
    CHECK(second.counts.warnings == first.counts.warnings);
    CHECK(table_counts(*db) == counts);
    CHECK(second.source_id == first.source_id);
    CHECK(second.run_id != first.run_id);
    CHECK(count_rows(*db, "sources") == 1);
    CHECK(count_rows(*db, "import_runs") == 2);
}

TEST_CASE("a record that changed since the last import is counted as updated") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = dir / "mail.jsonl";
    write_file(path, join_lines({mail_line("m1", "in", "2026-11-20T09:30:00Z", "t1"),
                                 mail_line("m2", "out", "2026-11-21T10:00:00Z", "t1")}));
    run_registered(*db, "jsonl", path.string());
    auto edited = json::parse(mail_line("m1", "in", "2026-11-20T09:30:00Z", "t1"));
    edited["subject"] = "A better subject";
    write_file(path,
               join_lines({edited.dump(), mail_line("m2", "out", "2026-11-21T10:00:00Z", "t1")}));
    const auto r = run_registered(*db, "jsonl", path.string());
    CHECK(r.counts.added == 0);
    CHECK(r.counts.updated == 1);
    CHECK(r.counts.skipped == 1);
    CHECK(
        db->sql().execAndGet("SELECT subject FROM interactions WHERE ext_id = 'm1'").getString() ==
        "A better subject");
    CHECK(count_rows(*db, "interactions") == 2);
}

TEST_CASE("the run is recorded with its counts and first warnings") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = write_mixed_jsonl(dir);
    const auto r = run_registered(*db, "jsonl", path.string());
    CHECK(run_column(*db, r.run_id, "status") == "completed");
    CHECK(run_column(*db, r.run_id, "added") == "5");
    CHECK(run_column(*db, r.run_id, "warnings") == "2");
    CHECK(run_column(*db, r.run_id, "error").empty());
    CHECK(run_column(*db, r.run_id, "finished_at") == std::to_string(core::to_unix(kNow)));
    const auto messages = json::parse(run_column(*db, r.run_id, "messages"));
    REQUIRE(messages.size() == 2);
    CHECK(messages[0]["location"] == path.string() + ":2");
}

TEST_CASE("only the first 20 warnings are kept but all are counted") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = dir / "bad.jsonl";
    std::vector<std::string> lines(25, "not json at all");
    write_file(path, join_lines(lines));
    const auto r = run_registered(*db, "jsonl", path.string());
    CHECK(r.status == "completed");
    CHECK(r.counts.warnings == 25);
    REQUIRE(r.counts.messages.size() == db::ImportSink::kMaxMessages);
    CHECK(r.counts.messages.front().location == path.string() + ":1");
    CHECK(r.counts.messages.back().location == path.string() + ":20");
}

TEST_CASE("people are created from identities once each with the names seen") {
    TempDir dir;
    auto db = new_db(dir);
    const auto path = write_mixed_jsonl(dir);
    run_registered(*db, "jsonl", path.string());
    const auto ana = person_with_email(*db, "ana@example.org");
    auto row = db::PeopleRepo(*db).get(ana);
    REQUIRE(row.ok());
    CHECK(row->name == "Ana Ruiz");
    auto identities = db::IdentityRepo(*db).for_person(ana);
    REQUIRE(identities.ok());
    REQUIRE(identities->size() == 1);
    CHECK(identities->front().names_seen == std::vector<std::string>{"Ana Ruiz"});
    // Both emails of thread t1 and the follow-up name the same person.
    CHECK(db->sql().execAndGet("SELECT count(DISTINCT person_id) FROM participants").getInt() == 1);
    CHECK(db->sql().execAndGet("SELECT person_id FROM followup_people").getInt64() == ana);
    const auto ben = person_with_email(*db, "ben@example.org");
    CHECK(db::PeopleRepo(*db).get(ben)->cadence_days == std::optional<int>(30));
}

TEST_CASE("my own identities never become people or participants") {
    TempDir dir;
    auto db = new_db(dir);
    db::PeopleRepo people(*db);
    const auto me = people.me(kNow);
    REQUIRE(me.ok());
    REQUIRE(
        db::IdentityRepo(*db).add(*me, {core::IdentityKind::email, "me@example.org", ""}, kNow));
    auto r = email("m1", core::Direction::in, days_ago(1), "t1", kAna);
    r.participants.push_back(someone("me@example.org", "Me Myself", core::ParticipantRole::to));
    write_one(*db, r);
    CHECK(count_rows(*db, "people") == 2);  // me and Ana
    CHECK(person_with_email(*db, "me@example.org") == *me);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM participants").getInt() == 1);
    CHECK(db->sql().execAndGet("SELECT person_id FROM participants").getInt64() ==
          person_with_email(*db, "ana@example.org"));
}

TEST_CASE("the last message of each imported thread decides owe reply and waiting") {
    struct Row {
        const char* what;
        std::vector<std::string> lines;
        std::vector<std::string> owe_reply_ext_ids, waiting_ext_ids;
    };
    const Row rows[] = {
        {"their reply last: I owe one",
         {mail_line("a1", "out", "2026-11-10T09:00:00Z", "t"),
          mail_line("a2", "in", "2026-11-22T09:00:00Z", "t")},
         {"a2"},
         {}},
        {"imported out of order: the latest still wins",
         {mail_line("a2", "in", "2026-11-22T09:00:00Z", "t"),
          mail_line("a1", "out", "2026-11-10T09:00:00Z", "t")},
         {"a2"},
         {}},
        {"my message last and over a week old: waiting",
         {mail_line("b1", "in", "2026-11-01T09:00:00Z", "t"),
          mail_line("b2", "out", "2026-11-10T09:00:00Z", "t")},
         {},
         {"b2"}},
        {"my message last but recent: neither",
         {mail_line("c1", "in", "2026-11-01T09:00:00Z", "t"),
          mail_line("c2", "out", "2026-11-24T09:00:00Z", "t")},
         {},
         {}},
        {"a newsletter: nothing owed",
         {mail_line("d1", "in", "2026-11-24T09:00:00Z", "t", /*bulk=*/true)},
         {},
         {}},
        {"two threads with the same person are two items",
         {mail_line("e1", "in", "2026-11-23T09:00:00Z", "t1"),
          mail_line("e2", "in", "2026-11-24T09:00:00Z", "t2")},
         {"e1", "e2"},
         {}},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        auto db = new_db(dir);
        write_file(dir / "t.jsonl", join_lines(row.lines));
        run_registered(*db, "jsonl", (dir / "t.jsonl").string());
        const auto digest = today_at(*db);
        auto ext_ids = [](const std::vector<core::ReminderItem>& items) {
            std::vector<std::string> out;
            for (const auto& i : items) out.push_back(i.external_id);
            std::sort(out.begin(), out.end());
            return out;
        };
        CHECK(ext_ids(digest.owe_reply) == row.owe_reply_ext_ids);
        CHECK(ext_ids(digest.waiting) == row.waiting_ext_ids);
        for (const auto& item : digest.owe_reply) {
            CHECK(item.person_name == "Ana Ruiz");
            CHECK(item.channel == core::Channel::email);
            CHECK(!item.thread_key.empty());
        }
    }
}

TEST_CASE("a message imported by a later run joins the thread an earlier run created") {
    // The second run's writer starts with an empty thread cache: its insert of thread "t" meets
    // the existing row (ON CONFLICT DO NOTHING) and must find and reuse it.
    TempDir dir;
    auto db = new_db(dir);
    write_file(dir / "first.jsonl", mail_line("a1", "out", "2026-11-10T09:00:00Z", "t") + "\n");
    write_file(dir / "second.jsonl", mail_line("a2", "in", "2026-11-22T09:00:00Z", "t") + "\n");
    run_registered(*db, "jsonl", (dir / "first.jsonl").string());
    const auto second = run_registered(*db, "jsonl", (dir / "second.jsonl").string());
    CHECK(second.counts.added == 1);
    CHECK(count_rows(*db, "threads") == 1);
    SQLite::Statement q(db->sql(),
                        "SELECT count(DISTINCT i.thread_id), min(t.tail_interaction_id = "
                        "(SELECT id FROM interactions WHERE ext_id = 'a2')) "
                        "FROM interactions i JOIN threads t ON t.id = i.thread_id");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 1);  // both messages in the one thread
    CHECK(q.getColumn(1).getInt() == 1);  // whose tail is the later message
    std::vector<std::string> owed;
    for (const auto& item : today_at(*db).owe_reply) owed.push_back(item.external_id);
    CHECK(owed == std::vector<std::string>{"a2"});
}

TEST_CASE("the sink commits every batch and a rollback drops only the open one") {
    TempDir dir;
    auto db = new_db(dir);
    {
        db::ImportSink sink(*db, std::nullopt, std::nullopt, std::nullopt, kNow, /*batch=*/10);
        for (int i = 0; i < 25; ++i) {
            auto w = sink.interaction(
                email("r" + std::to_string(i), core::Direction::in, days_ago(1), "", kAna));
            REQUIRE(w.ok());
        }
        sink.rollback();
    }
    CHECK(count_rows(*db, "interactions") == 20);
    // Every kept record is whole: its participant row and its person are there.
    CHECK(count_rows(*db, "participants") == 20);
    CHECK(count_rows(*db, "people") == 1);
    // The person touched by the committed batches is marked for a fresh cache.
    CHECK(db->sql().execAndGet("SELECT stats_dirty FROM people").getInt() == 1);
}

TEST_CASE("records without an id are warnings and write nothing") {
    TempDir dir;
    auto db = new_db(dir);
    db::ImportSink sink(*db, std::nullopt, std::nullopt, std::nullopt, kNow);
    auto r = email("", core::Direction::in, days_ago(1), "t", kAna);
    CHECK(sink.interaction(r).ok());
    core::FollowUpRecord f;
    f.text = "no id";
    f.due = kNow;
    CHECK(sink.followup(f).ok());
    core::ContactRecord c;
    c.ext_ns = "test";
    c.ext_id = "c1";
    CHECK(sink.contact(c).ok());  // neither a name nor an identity
    REQUIRE(sink.commit().ok());
    CHECK(sink.counts().warnings == 3);
    CHECK(sink.counts().added == 0);
    CHECK(count_rows(*db, "interactions") == 0);
    CHECK(count_rows(*db, "people") == 0);
    CHECK(count_rows(*db, "followups") == 0);
}

TEST_CASE("a run that fails keeps its committed batches and a rerun completes it exactly") {
    TempDir dir;
    auto db = new_db(dir);
    // ImportSink commits every 10,000 records: 10,000 are committed when the source fails.
    ScriptedImporter crash;
    crash.records = 10'040;
    crash.fail_after = 10'020;
    auto failed = run(*db, crash, "mailbox");
    REQUIRE(!failed.ok());
    CHECK(failed.error().code == core::ErrorCode::io);
    CHECK(count_rows(*db, "interactions") == 10'000);
    const auto failed_run = db->sql().execAndGet("SELECT max(id) FROM import_runs").getInt64();
    CHECK(run_column(*db, failed_run, "status") == "failed");
    CHECK(run_column(*db, failed_run, "error").find("source vanished") != std::string::npos);
    CHECK(!run_column(*db, failed_run, "finished_at").empty());
    // The kept records' people have fresh caches even though the run failed.
    CHECK(db->sql().execAndGet("SELECT count(*) FROM people WHERE stats_dirty = 1").getInt() == 0);

    ScriptedImporter rerun;
    rerun.records = 10'040;
    auto completed = run(*db, rerun, "mailbox");
    REQUIRE_MESSAGE(completed.ok(), error_text(completed));
    CHECK(completed->status == "completed");
    CHECK(completed->counts.added == 40);
    CHECK(completed->counts.skipped == 10'000);
    CHECK(count_rows(*db, "interactions") == 10'040);
    CHECK(count_rows(*db, "people") == 5);
}

// The run history should say what a failed run left behind; today it also counts the records of
// the batch that was rolled back.
TEST_CASE("a failed run records only the records it kept") {
    TempDir dir;
    auto db = new_db(dir);
    ScriptedImporter crash;
    crash.records = 30;
    crash.fail_after = 25;
    REQUIRE(!run(*db, crash, "mailbox").ok());
    CHECK(count_rows(*db, "interactions") == 0);  // all in the open batch, rolled back
    const auto failed_run = db->sql().execAndGet("SELECT max(id) FROM import_runs").getInt64();
    CHECK(run_column(*db, failed_run, "added") == "0");
}

TEST_CASE("the cursor is saved only when a run completes") {
    TempDir dir;
    auto db = new_db(dir);
    ScriptedImporter first;
    first.records = 3;
    first.cursor_to_set = "after-r2";
    REQUIRE(run(*db, first, "feed").ok());
    CHECK(!first.cursor_seen.has_value());
    CHECK(stored_cursor(*db, "feed") == "after-r2");

    struct Row {
        const char* what;
        core::ErrorCode code;
        const char* status;
    };
    for (const auto& row : {Row{"a failed run", core::ErrorCode::network, "failed"},
                            Row{"a cancelled run", core::ErrorCode::cancelled, "cancelled"}}) {
        CAPTURE(std::string(row.what));
        ScriptedImporter broken;
        broken.records = 6;
        broken.fail_after = 4;
        broken.fail_code = row.code;
        broken.cursor_to_set = "after-r5";
        auto r = run(*db, broken, "feed");
        REQUIRE(!r.ok());
        CHECK(r.error().code == row.code);
        CHECK(broken.cursor_seen == "after-r2");
        CHECK(stored_cursor(*db, "feed") == "after-r2");
        const auto last_run = db->sql().execAndGet("SELECT max(id) FROM import_runs").getInt64();
        CHECK(run_column(*db, last_run, "status") == row.status);
    }

    ScriptedImporter next;
    next.records = 6;
    next.cursor_to_set = "after-r5";
    REQUIRE(run(*db, next, "feed").ok());
    CHECK(next.cursor_seen == "after-r2");
    CHECK(stored_cursor(*db, "feed") == "after-r5");
}

TEST_CASE("running the same demo twice adds nothing the second time") {
    TempDir dir;
    auto db = new_db(dir);
    const std::map<std::string, std::string> options = {
        {"people", "20"}, {"interactions", "10"}, {"seed", "7"}, {"now", core::format_iso(kNow)}};
    const auto first = run_registered(*db, "demo", "generated", options);
    CHECK(first.status == "completed");
    CHECK(first.counts.added > 200);
    CHECK(first.counts.warnings == 0);
    CHECK(count_rows(*db, "people") >= 20);
    const auto counts = table_counts(*db);
    const auto second = run_registered(*db, "demo", "generated", options);
    CHECK(second.counts.added == 0);
    CHECK(second.counts.updated == 0);
    CHECK(second.counts.skipped ==
          first.counts.added + first.counts.updated + first.counts.skipped);
    CHECK(table_counts(*db) == counts);
    check_search_index(*db);
}

namespace {

/// Progress as the app's import dialog drives it: Stop or Cancel, both already pressed.
class StopOrCancel final : public core::Progress {
  public:
    explicit StopOrCancel(bool rollback) : m_rollback(rollback) {}
    void update(std::uint64_t, std::uint64_t, std::string_view) override {}
    bool cancelled() const override { return true; }
    bool rollback_requested() const override { return m_rollback; }

  private:
    bool m_rollback;
};

}  // namespace

TEST_CASE("in one transaction, Stop keeps every record read and Cancel keeps none") {
    struct Row {
        const char* what;
        bool rollback;
        std::int64_t interactions_kept;
    };
    for (const auto& row : {Row{"Stop", false, 4}, Row{"Cancel", true, 0}}) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        auto db = new_db(dir);
        ScriptedImporter importer;
        importer.records = 6;
        importer.fail_after = 4;  // the importer saw the cancel after four records
        importer.fail_code = core::ErrorCode::cancelled;
        importer.cursor_to_set = "after-r5";
        StopOrCancel progress(row.rollback);
        const core::ImportRequest request{"scripted", "feed", {}};
        db::RunOptions options;
        options.batch_size = 0;
        auto r = db::run_import(*db, importer, request, progress, kNow, options);
        REQUIRE(!r.ok());
        CHECK(r.error().code == core::ErrorCode::cancelled);
        CHECK(count_rows(*db, "interactions") == row.interactions_kept);
        // People are created with their first interaction: Cancel leaves none behind.
        CHECK(count_rows(*db, "people") == (row.rollback ? 0 : 4));
        const auto last_run = db->sql().execAndGet("SELECT max(id) FROM import_runs").getInt64();
        CHECK(run_column(*db, last_run, "status") == "cancelled");
        CHECK(run_column(*db, last_run, "added") == std::to_string(row.interactions_kept));
        // Neither completed the run: the next one starts from the old cursor.
        CHECK(!stored_cursor(*db, "feed").has_value());
        check_search_index(*db);
    }
}

TEST_CASE("people an import creates are searchable once their batch commits, none left pending") {
    TempDir dir;
    auto db = new_db(dir);
    // Ana comes from an email, Ben from a contact card: both search rows are deferred to the
    // batch's flush (migration 6), whatever created the person.
    run_registered(*db, "jsonl", write_mixed_jsonl(dir).string());
    db::PeopleRepo people(*db);
    const auto found = [&](const std::string& query) {
        auto r = people.search(query, 10);
        REQUIRE(r.ok());
        std::vector<std::string> names;
        for (const auto& p : *r) names.push_back(p.name);
        return names;
    };
    // Her email and her Mastodon follow (a person of its own until merged) are both found.
    CHECK(found("ruiz") == std::vector<std::string>{"Ana Ruiz", "Ana Ruiz"});
    CHECK(found("mastodon.social") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(found("ana@example") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(found("okafor") == std::vector<std::string>{"Ben Okafor"});
    CHECK(found("ben@example") == std::vector<std::string>{"Ben Okafor"});
    CHECK(db->sql().execAndGet("SELECT count(*) FROM people WHERE fts_pending = 1").getInt() == 0);
    CHECK(count_rows(*db, "people_fts") == count_rows(*db, "people"));
    // A person added by hand afterwards is indexed by the trigger at once, identities included.
    auto zoe = people.add("Zoë Adler", "", kNow);
    REQUIRE(zoe.ok());
    REQUIRE(db::IdentityRepo(*db)
                .add(*zoe, core::Identity{core::IdentityKind::email, "zoe@example.org", ""}, kNow)
                .ok());
    CHECK(found("zoe@example") == std::vector<std::string>{"Zoë Adler"});
}

TEST_CASE("a dropped batch leaves no person pending and every kept person searchable") {
    TempDir dir;
    auto db = new_db(dir);
    {
        db::ImportSink sink(*db, std::nullopt, std::nullopt, std::nullopt, kNow, /*batch=*/10);
        for (int i = 0; i < 25; ++i) {
            const auto who = someone("p" + std::to_string(i) + "@example.org",
                                     "Person Number" + std::to_string(i));
            REQUIRE(sink.interaction(email("r" + std::to_string(i), core::Direction::in,
                                           days_ago(1), "", who))
                        .ok());
        }
        sink.rollback();
    }
    CHECK(count_rows(*db, "people") == 20);
    CHECK(count_rows(*db, "people_fts") == 20);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM people WHERE fts_pending = 1").getInt() == 0);
    auto r = db::PeopleRepo(*db).search("number19", 10);
    REQUIRE(r.ok());
    REQUIRE(r->size() == 1);
    CHECK(r->front().name == "Person Number19");
}
