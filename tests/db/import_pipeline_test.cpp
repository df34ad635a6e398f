// The parse/write pipeline (core/import_pipeline.h) under run_import: real importers into real
// SQLite files, each run compared with the same run parsed and written on one thread
// (RunOptions::pipelined false), which is what every import did before the pipeline.
#include "core/import_pipeline.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/progress.h"
#include "db/identity_repo.h"
#include "db/import_runner.h"
#include "db/import_sink.h"
#include "db/me_claim.h"
#include "import/importer_registry.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using nlohmann::json;

namespace {

/// Every row of `table` in rowid order, as text.
std::string dump_table(db::Database& db, const std::string& table) {
    std::string out = "== " + table + "\n";
    SQLite::Statement q(db.sql(), "SELECT * FROM \"" + table + "\"");
    while (q.executeStep()) {
        for (int c = 0; c < q.getColumnCount(); ++c)
            out +=
                (q.getColumn(c).isNull() ? std::string("NULL") : q.getColumn(c).getString()) + "|";
        out += "\n";
    }
    return out;
}

/// Every row of every table: two databases with the same dump hold the same people,
/// identities, interactions, threads, search rows, runs and sources.
std::string dump(db::Database& db) {
    std::vector<std::string> tables;
    SQLite::Statement t(db.sql(),
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                        "'sqlite_%' ORDER BY name");
    while (t.executeStep()) tables.push_back(t.getColumn(0).getString());
    std::string out;
    for (const auto& name : tables) out += dump_table(db, name);
    return out;
}

core::Identity p0() {
    return {core::IdentityKind::email, "p0@example.org", "p0@example.org"};
}

/// A test importer: `records` emails ("r0", "r1"…) from five people, checking for cancel before
/// each; asks the sink whether p0 is me and what the cursor is; sets `cursor_to_set`; warns
/// about every seventh record; after `fail_after` records returns `fail_code` or, with `throws`,
/// throws instead.
class ScriptedImporter final : public core::Importer {
  public:
    int records = 0;
    std::optional<int> fail_after;
    core::ErrorCode fail_code = core::ErrorCode::io;
    bool throws = false;
    std::optional<std::string> cursor_to_set;
    std::optional<std::string> cursor_seen;
    std::optional<bool> p0_is_me;
    std::optional<int> owner_at;  ///< before this record, says p0 is the source's owner
    std::atomic<int> sent{0};     ///< records handed to the sink so far (read from other threads)

    std::string_view kind() const override { return "scripted"; }
    std::string_view description() const override { return "test records"; }
    core::Result<void> run(const core::ImportRequest&, core::RecordSink& sink,
                           core::Progress& progress) override {
        cursor_seen = sink.cursor();
        p0_is_me = sink.is_me(p0());
        if (cursor_to_set) sink.set_cursor(*cursor_to_set);
        for (int i = 0; i < records; ++i) {
            if (progress.cancelled())
                return core::make_error(core::ErrorCode::cancelled, "cancelled");
            if (fail_after && i == *fail_after) {
                const auto what = "source vanished after record " + std::to_string(i);
                if (throws) throw std::runtime_error(what);
                return core::make_error(fail_code, what);
            }
            if (owner_at && i == *owner_at)
                if (auto o = sink.owner_identity(p0()); !o) return o;
            const auto who = someone("p" + std::to_string(i % 5) + "@example.org",
                                     "Person " + std::to_string(i % 5));
            auto r =
                email("r" + std::to_string(i), core::Direction::in,
                      days_ago(30) + std::chrono::minutes{i}, "t" + std::to_string(i % 3), who);
            if (i % 7 == 3) sink.warning({"record " + std::to_string(i), "odd but kept"});
            if (auto w = sink.interaction(r); !w) return w;
            sent.fetch_add(1);
            progress.update(static_cast<std::uint64_t>(i), 0, "records");
        }
        return {};
    }
};

/// Cancelled once asked `after` times (the importer asks once per record): Stop, or Cancel
/// with `rollback`.
class CancelAfter final : public core::Progress {
  public:
    CancelAfter(int after, bool rollback) : m_after(after), m_rollback(rollback) {}
    void update(std::uint64_t, std::uint64_t, std::string_view) override {}
    bool cancelled() const override { return ++m_asked > m_after; }
    bool rollback_requested() const override { return m_rollback; }

  private:
    int m_after;
    bool m_rollback;
    mutable int m_asked = 0;
};

struct Outcome {
    core::Result<db::ImportResult> result;
    std::string dump;
};

/// One run of `importer` into a new database in `dir`, pipelined or not.
Outcome run_once(const TempDir& dir, const std::string& name, core::Importer& importer,
                 const core::ImportRequest& request, core::Progress& progress,
                 db::RunOptions options) {
    auto db = open_db(dir / name);
    auto r = db::run_import(*db, importer, request, progress, kNow, options);
    return {std::move(r), dump(*db)};
}

/// Both ways must end the same: same result or error, same counts and messages, same rows.
void check_same(const Outcome& piped, const Outcome& direct) {
    REQUIRE(piped.result.ok() == direct.result.ok());
    if (piped.result) {
        CHECK(piped.result->status == direct.result->status);
        CHECK(piped.result->counts.added == direct.result->counts.added);
        CHECK(piped.result->counts.updated == direct.result->counts.updated);
        CHECK(piped.result->counts.skipped == direct.result->counts.skipped);
        CHECK(piped.result->counts.warnings == direct.result->counts.warnings);
        REQUIRE(piped.result->counts.messages.size() == direct.result->counts.messages.size());
        for (std::size_t i = 0; i < piped.result->counts.messages.size(); ++i) {
            CHECK(piped.result->counts.messages[i].location ==
                  direct.result->counts.messages[i].location);
            CHECK(piped.result->counts.messages[i].message ==
                  direct.result->counts.messages[i].message);
        }
    } else {
        CHECK(piped.result.error().code == direct.result.error().code);
        CHECK(piped.result.error().message == direct.result.error().message);
    }
    CHECK(piped.dump == direct.dump);
}

db::RunOptions with_batch(std::size_t batch, bool pipelined) {
    db::RunOptions o;
    o.batch_size = batch;
    o.pipelined = pipelined;
    return o;
}

/// A jsonl file of `n` lines: emails from many people, contacts, follow-ups, follows, and a
/// bad line every 50 (a warning with its line number), a NUL in every 97th text (cleaned).
fs::path write_big_jsonl(const TempDir& dir, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        const auto id = std::to_string(i);
        const auto who = "p" + std::to_string(i % 40) + "@example.org";
        if (i % 50 == 49) {
            s += R"({"type":"interaction", "id":"bad)" + id + "\"\n";  // not JSON: a warning
        } else if (i % 31 == 0) {
            s += json{{"type", "contact"},
                      {"id", "c" + id},
                      {"name", "Card " + id},
                      {"identities", {who}},
                      {"circles", {"Circle " + std::to_string(i % 4)}}}
                     .dump() +
                 "\n";
        } else if (i % 37 == 0) {
            s += json{{"type", "followup"},
                      {"id", "f" + id},
                      {"text", "Call back " + id},
                      {"due", "2026-12-01"},
                      {"people", {who}}}
                     .dump() +
                 "\n";
        } else if (i % 23 == 0) {
            s += json{{"type", "follow"},
                      {"network", "mastodon"},
                      {"identity", "@p" + std::to_string(i % 40) + "@mastodon.social"},
                      {"name", "Person " + std::to_string(i % 40)},
                      {"seen_at", "2026-11-01"}}
                     .dump() +
                 "\n";
        } else {
            std::string text = "Text of " + id;
            if (i % 97 == 0) text += std::string(1, '\0') + "after a NUL";
            s += json{{"type", "interaction"},
                      {"id", "m" + id},
                      {"channel", "email"},
                      {"kind", "message"},
                      {"direction", i % 3 == 0 ? "out" : "in"},
                      {"at", "2026-11-" + std::to_string(10 + i % 10) + "T09:30:00Z"},
                      {"thread", "t" + std::to_string(i % 60)},
                      {"subject", "Subject " + std::to_string(i % 60)},
                      {"text", text},
                      {"participants",
                       {{{"identity", who}, {"name", "Person " + std::to_string(i % 40)}}}}}
                     .dump() +
                 "\n";
        }
    }
    const auto path = dir / "big.jsonl";
    write_file(path, s);
    return path;
}

}  // namespace

TEST_CASE("a pipelined import writes exactly what a one-thread import writes") {
    TempDir dir;
    const auto jsonl = write_big_jsonl(dir, 3000);
    struct Row {
        const char* what;
        std::string kind, location;
        std::map<std::string, std::string> options;
        std::size_t batch;
    };
    const Row rows[] = {
        // Batches that end mid-stream and a last partial one: the same boundaries either way.
        {"jsonl, batches of 97", "jsonl", jsonl.string(), {}, 97},
        // The app's way: the whole run in one transaction.
        {"jsonl, one transaction", "jsonl", jsonl.string(), {}, 0},
        // Contacts with events, follows and their snapshots, follow-ups, all kinds of records.
        {"demo",
         "demo",
         "generated",
         {{"people", "25"}, {"interactions", "8"}, {"seed", "3"}, {"now", core::format_iso(kNow)}},
         500},
    };
    int n = 0;
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        const auto name = std::to_string(n++);
        auto importer = import::make_importer(row.kind);
        REQUIRE(importer != nullptr);
        const core::ImportRequest request{row.kind, row.location, row.options};
        core::NullProgress p1, p2;
        const auto piped =
            run_once(dir, name + "-p.db", *importer, request, p1, with_batch(row.batch, true));
        const auto direct =
            run_once(dir, name + "-d.db", *importer, request, p2, with_batch(row.batch, false));
        REQUIRE_MESSAGE(piped.result.ok(), error_text(piped.result));
        CHECK(piped.result->counts.added > 100);
        check_same(piped, direct);
    }
    // The jsonl run warned about its bad lines, in file order, and cleaned the NULs.
    auto db = open_db(dir / "0-p.db");
    CHECK(db->sql().execAndGet("SELECT warnings FROM import_runs").getInt64() == 60);
    const auto messages =
        json::parse(db->sql().execAndGet("SELECT messages FROM import_runs").getString());
    REQUIRE(messages.size() == db::ImportSink::kMaxMessages);
    CHECK(messages[0]["location"] == jsonl.string() + ":50");
    CHECK(messages[1]["location"] == jsonl.string() + ":100");
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM interactions WHERE instr(text, char(0)) > 0")
              .getInt64() == 0);
}

TEST_CASE("re-running a pipelined import adds nothing") {
    TempDir dir;
    const auto jsonl = write_big_jsonl(dir, 1500);
    auto db = open_db(dir / "kith.db");
    auto importer = import::make_importer("jsonl");
    const core::ImportRequest request{"jsonl", jsonl.string(), {}};
    core::NullProgress progress;
    const auto records = [&] {
        std::string s;
        for (const char* t :
             {"people", "identities", "interactions", "threads", "followups", "follow_edges"})
            s += dump_table(*db, t);
        return s;
    };
    auto first = db::run_import(*db, *importer, request, progress, kNow, with_batch(100, true));
    REQUIRE_MESSAGE(first.ok(), error_text(first));
    CHECK(count_rows(*db, "interactions") > 1000);
    const auto before = records();
    auto second = db::run_import(*db, *importer, request, progress, kNow, with_batch(100, true));
    REQUIRE_MESSAGE(second.ok(), error_text(second));
    CHECK(second->counts.added == 0);
    CHECK(second->counts.updated == 0);
    CHECK(second->counts.skipped == first->counts.added + first->counts.skipped);
    CHECK(records() == before);
}

TEST_CASE("Stop, Cancel, a failure and an exception mid-run keep what they kept on one thread") {
    struct Row {
        const char* what;
        std::optional<int> cancel_after;  ///< records read when the user asks
        bool rollback;                    ///< Cancel rather than Stop
        std::optional<int> fail_after;
        bool throws;
        std::size_t batch;
        std::int64_t interactions_kept;
        const char* status;  ///< "" when the run throws (no run row is finished)
    };
    const Row rows[] = {
        // Stop keeps every record read, committed or not.
        {"Stop after 25", 25, false, {}, false, 10, 25, "cancelled"},
        // Cancel drops the open batch only: two batches of ten were committed.
        {"Cancel after 25", 25, true, {}, false, 10, 20, "cancelled"},
        // The app's Cancel, one transaction: nothing is kept.
        {"Cancel, one transaction", 25, true, {}, false, 0, 0, "cancelled"},
        {"Stop, one transaction", 25, false, {}, false, 0, 25, "cancelled"},
        // A source failing after 23 records keeps the two batches committed before.
        {"failure after 23", {}, false, 23, false, 10, 20, "failed"},
        // An importer throwing: the exception reaches the caller, committed batches stay.
        {"exception after 23", {}, false, 23, true, 10, 20, ""},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        std::map<bool, Outcome> outcomes;
        for (const bool pipelined : {true, false}) {
            CAPTURE(pipelined);
            ScriptedImporter importer;
            importer.records = 60;
            importer.fail_after = row.fail_after;
            importer.throws = row.throws;
            importer.cursor_to_set = "after-r59";
            CancelAfter progress(row.cancel_after.value_or(1000), row.rollback);
            const core::ImportRequest request{"scripted", "feed", {}};
            const auto name = std::string(pipelined ? "p" : "d") + ".db";
            auto db = open_db(dir / name);
            if (row.throws) {
                CHECK_THROWS_WITH_AS((void)db::run_import(*db, importer, request, progress, kNow,
                                                          with_batch(row.batch, pipelined)),
                                     "source vanished after record 23", std::runtime_error);
                CHECK(count_rows(*db, "interactions") == row.interactions_kept);
                continue;
            }
            auto r = db::run_import(*db, importer, request, progress, kNow,
                                    with_batch(row.batch, pipelined));
            REQUIRE(!r.ok());
            CHECK(count_rows(*db, "interactions") == row.interactions_kept);
            CHECK(db->sql().execAndGet("SELECT status FROM import_runs").getString() == row.status);
            // An unfinished run never stores its cursor.
            CHECK(db->sql().execAndGet("SELECT cursor IS NULL FROM sources").getInt() == 1);
            outcomes.emplace(pipelined, Outcome{std::move(r), dump(*db)});
        }
        if (!row.throws) check_same(outcomes.at(true), outcomes.at(false));
    }
}

TEST_CASE("the source's owner travels in order with the records and is claimed in their batch") {
    struct Row {
        const char* what;
        std::optional<int> cancel_after;
        bool rollback;
        std::size_t batch;
        bool claimed;                  ///< p0 is mine afterwards
        std::int64_t interactions;     ///< kept
        std::int64_t p0_participants;  ///< interactions p0 still takes part in
    };
    // p0 sends every fifth record (r0, r5…); the owner claim comes before r12, in the second
    // batch of ten. Once mine, p0's earlier records (r0, r5, r10: from p0 to me only) are
    // removed, as imports skip mail between my own addresses, and later ones name no one.
    const Row rows[] = {
        {"completed", {}, false, 10, true, 57, 0},
        {"one transaction", {}, false, 0, true, 57, 0},
        // Cancel drops the open batch, the claim with it: p0 is nobody's but their own.
        {"Cancel in the claim's batch", 15, true, 10, false, 10, 2},
        // The claim's batch was committed: it stays with the records that followed it.
        {"Cancel after the claim's batch", 25, true, 10, true, 17, 0},
        {"Stop in the claim's batch", 15, false, 10, true, 12, 0},
    };
    const auto run_with = [](const TempDir& dir, const Row& row, bool pipelined) {
        CAPTURE(pipelined);
        ScriptedImporter importer;
        importer.records = 60;
        importer.owner_at = 12;
        CancelAfter progress(row.cancel_after.value_or(1000), row.rollback);
        auto db = open_db(dir / (std::string(pipelined ? "p" : "d") + ".db"));
        auto r = db::run_import(*db, importer, {"scripted", "feed", {}}, progress, kNow,
                                with_batch(row.batch, pipelined));
        CHECK(r.ok() == !row.cancel_after.has_value());
        auto mine = db::IdentityRepo(*db).mine();
        REQUIRE(mine.ok());
        CHECK((std::find(mine->begin(), mine->end(), p0()) != mine->end()) == row.claimed);
        CHECK(count_rows(*db, "interactions") == row.interactions);
        CHECK(db->sql()
                  .execAndGet("SELECT count(*) FROM participants p JOIN identities i ON "
                              "i.id = p.identity_id WHERE i.value = 'p0@example.org'")
                  .getInt64() == row.p0_participants);
        // What the claim re-derived is searchable.
        check_search_index(*db);
        return Outcome{std::move(r), dump(*db)};
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        check_same(run_with(dir, row, true), run_with(dir, row, false));
    }
}

TEST_CASE("the importer's questions are answered on its thread: is_me and the last cursor") {
    TempDir dir;
    auto db = new_db(dir);
    REQUIRE(db::claim_identity_as_mine(*db, {core::IdentityKind::email, "p0@example.org", ""}, kNow)
                .ok());
    ScriptedImporter first;
    first.records = 10;
    first.cursor_to_set = "after-r9";
    core::NullProgress progress;
    const core::ImportRequest request{"scripted", "feed", {}};
    auto r = db::run_import(*db, first, request, progress, kNow);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    CHECK(first.p0_is_me == true);
    CHECK(!first.cursor_seen.has_value());
    // p0 is me: never a participant, so only four people came from p1…p4.
    CHECK(count_rows(*db, "people") == 5);  // me and four others
    ScriptedImporter second;
    second.records = 10;
    auto again = db::run_import(*db, second, request, progress, kNow);
    REQUIRE_MESSAGE(again.ok(), error_text(again));
    CHECK(second.cursor_seen == "after-r9");
}

namespace {

/// A queue of two batches of `batch` records: the producer soon waits for a slow consumer.
core::PipelineOptions small_queue(std::size_t batch) {
    core::PipelineOptions o;
    o.batch_records = batch;
    o.queued_batches = 2;
    return o;
}

/// Passes every call to `inner`; the sinks below change one thing.
class ForwardingSink : public core::RecordSink {
  public:
    explicit ForwardingSink(core::RecordSink& inner) : m_inner(inner) {}
    core::Result<void> interaction(const core::InteractionRecord& r) override {
        return m_inner.interaction(r);
    }
    core::Result<void> follow_edge(const core::FollowEdgeRecord& r) override {
        return m_inner.follow_edge(r);
    }
    core::Result<void> contact(const core::ContactRecord& r) override { return m_inner.contact(r); }
    core::Result<void> followup(const core::FollowUpRecord& r) override {
        return m_inner.followup(r);
    }
    core::Result<void> owner_identity(const core::Identity& id) override {
        return m_inner.owner_identity(id);
    }
    void warning(core::ImportWarning w) override { m_inner.warning(std::move(w)); }
    void skipped(std::uint64_t n, std::string_view reason) override { m_inner.skipped(n, reason); }
    bool is_me(const core::Identity& id) const override { return m_inner.is_me(id); }
    std::optional<std::string> cursor() const override { return m_inner.cursor(); }
    void set_cursor(std::string c) override { m_inner.set_cursor(std::move(c)); }

  protected:
    core::RecordSink& m_inner;
};

/// Passes everything to `inner` and keeps the most records ever sent by the producer (counted
/// by the importer) but not yet received here; with `delay`, each record takes that long.
class PacedSink final : public ForwardingSink {
  public:
    PacedSink(core::RecordSink& inner, const std::atomic<int>& sent,
              std::chrono::microseconds delay)
        : ForwardingSink(inner), m_sent(sent), m_delay(delay) {}
    int received = 0;
    int most_in_flight = 0;

    core::Result<void> interaction(const core::InteractionRecord& r) override {
        // The importer counts a record once the sink took it, so it may be one behind here.
        most_in_flight = std::max(most_in_flight, m_sent.load() + 1 - received);
        ++received;
        if (m_delay.count() > 0) std::this_thread::sleep_for(m_delay);
        return m_inner.interaction(r);
    }

  private:
    const std::atomic<int>& m_sent;
    std::chrono::microseconds m_delay;
};

/// Slows the producer: every record it sends takes `delay` first.
class SlowProducerSink final : public ForwardingSink {
  public:
    SlowProducerSink(core::RecordSink& inner, std::chrono::microseconds delay)
        : ForwardingSink(inner), m_delay(delay) {}
    core::Result<void> interaction(const core::InteractionRecord& r) override {
        std::this_thread::sleep_for(m_delay);
        return m_inner.interaction(r);
    }

  private:
    std::chrono::microseconds m_delay;
};

}  // namespace

TEST_CASE("a slow writer holds the parser back: records in flight stay bounded") {
    struct Row {
        const char* what;
        std::chrono::microseconds writer_delay, parser_delay;
        bool parser_runs_ahead;
    };
    const Row rows[] = {
        {"slow writer", std::chrono::microseconds{300}, std::chrono::microseconds{0}, true},
        {"slow parser", std::chrono::microseconds{0}, std::chrono::microseconds{300}, false},
    };
    const auto options = small_queue(16);
    // The producer's batch being filled, the queue, the consumer's batch being written.
    const int bound = static_cast<int>((options.queued_batches + 2) * options.batch_records);
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        auto db = new_db(dir);
        ScriptedImporter importer;
        importer.records = 300;
        core::NullProgress progress;
        db::ImportSink sink(*db, std::nullopt, std::nullopt, std::nullopt, kNow, 50);
        PacedSink writer(sink, importer.sent, row.writer_delay);
        auto r = core::run_pipeline(
            [&](core::RecordSink& out) {
                SlowProducerSink slow(out, row.parser_delay);
                return importer.run({"scripted", "feed", {}}, slow, progress);
            },
            writer, options);
        REQUIRE_MESSAGE(r.ok(), error_text(r));
        REQUIRE(sink.commit().ok());
        CHECK(writer.received == 300);
        CHECK(count_rows(*db, "interactions") == 300);
        CHECK(writer.most_in_flight <= bound);
        // A slow writer lets the parser fill the queue (a slow parser's batches are taken as
        // they come, how soon depends on the machine's load: not checked).
        if (row.parser_runs_ahead)
            CHECK(writer.most_in_flight > 2 * static_cast<int>(options.batch_records));
    }
}

namespace {

/// Fails (ErrorCode::database) on interaction number `fail_at`, or throws there with `throws`;
/// counts what it took before.
class FailingSink final : public ForwardingSink {
  public:
    FailingSink(core::RecordSink& inner, int fail_at, bool throws)
        : ForwardingSink(inner), m_fail_at(fail_at), m_throws(throws) {}
    int received = 0;
    core::Result<void> interaction(const core::InteractionRecord& r) override {
        if (received == m_fail_at) {
            if (m_throws) throw std::runtime_error("the writer broke");
            return core::make_error(core::ErrorCode::database, "disk full");
        }
        ++received;
        return m_inner.interaction(r);
    }

  private:
    int m_fail_at;
    bool m_throws;
};

}  // namespace

TEST_CASE("a writer failing mid-run stops the parser and its error or exception is returned") {
    const auto options = small_queue(8);
    for (const bool throws : {false, true}) {
        CAPTURE(throws);
        TempDir dir;
        auto db = new_db(dir);
        ScriptedImporter importer;
        importer.records = 5000;
        core::NullProgress progress;
        db::ImportSink sink(*db, std::nullopt, std::nullopt, std::nullopt, kNow, 10);
        FailingSink writer(sink, 35, throws);
        const auto run = [&] {
            return core::run_pipeline(
                [&](core::RecordSink& out) {
                    return importer.run({"scripted", "feed", {}}, out, progress);
                },
                writer, options);
        };
        if (throws) {
            CHECK_THROWS_WITH_AS((void)run(), "the writer broke", std::runtime_error);
        } else {
            auto r = run();
            REQUIRE(!r.ok());
            CHECK(r.error().code == core::ErrorCode::database);
            CHECK(r.error().message == "disk full");
        }
        // Nothing after the failing record was written; the parser stopped soon after it
        // (the queue's worth), not at the end of its 5,000 records.
        CHECK(writer.received == 35);
        CHECK(importer.sent.load() <= 35 + 1 + static_cast<int>(4 * options.batch_records));
        sink.rollback();
        CHECK(count_rows(*db, "interactions") == 30);  // three batches of ten committed
    }
}
