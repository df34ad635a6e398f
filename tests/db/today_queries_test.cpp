// The Today digest end to end: records written through the real sink and manual log, people's
// caches refreshed, candidates read with load_today and acted on with act_on_today_item.
#include "db/today_queries.h"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "db/circle_repo.h"
#include "db/followup_repo.h"
#include "db/manual_log.h"
#include "db/people_repo.h"
#include "db/timeline_repo.h"
#include "tests/db/test_db.h"

using namespace kith;
using namespace kith::test;
using core::Direction;
using std::chrono::hours;
using std::chrono::seconds;

namespace {

/// Logs a meeting, call… by hand, as `kith-cli log` does.
std::int64_t log_contact(db::Database& db, std::vector<std::int64_t> people, core::Channel channel,
                         core::TimePoint at) {
    db::ManualLog log;
    log.person_ids = std::move(people);
    log.channel = channel;
    log.kind = core::default_kind(channel);
    log.direction = Direction::mutual;
    log.at = at;
    log.place = channel == core::Channel::in_person ? "DevConf" : "";
    auto r = db::log_interaction(db, log, at);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    return r->interaction_id;
}

void set_cadence(db::Database& db, std::int64_t person, std::optional<int> days) {
    auto r = db::PeopleRepo(db).set_cadence(person, days, kNow);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
}

/// Ana, Ben and Chloé, each emailed once (out, not awaiting an answer) `days` days ago.
std::vector<std::int64_t> three_people_last_seen(db::Database& db, int days) {
    std::vector<core::InteractionRecord> records;
    int n = 0;
    for (const auto& who : {kAna, kBen, kChloe}) {
        auto r = email("hello-" + std::to_string(n++), Direction::out, days_ago(days), "", who);
        r.personal = false;  // an announcement: no reply awaited
        records.push_back(r);
    }
    write_all(db, records);
    return {person_with_email(db, "ana@example.org"), person_with_email(db, "ben@example.org"),
            person_with_email(db, "chloe@example.org")};
}

std::int64_t interaction_id_of(db::Database& db, const std::string& ext_id) {
    return db.sql()
        .execAndGet("SELECT id FROM interactions WHERE ext_id = '" + ext_id + "'")
        .getInt64();
}

/// Ana's inbound personal email at `at` in thread "t", ext id `id`: an owed reply (its id).
std::string ana_writes(db::Database& db, const std::string& id, core::TimePoint at) {
    write_one(db, email(id, Direction::in, at, "t", kAna));
    return "owe_reply:" + std::to_string(interaction_id_of(db, id));
}

}  // namespace

TEST_CASE("the last word of a thread decides whether I owe a reply or wait for one") {
    enum class Expect { nothing, owe_reply, waiting };
    struct Message {
        Direction direction;
        seconds before_now;
    };
    struct Row {
        const char* what;
        std::vector<Message> thread;  // in time order; the last one is the tail
        Expect expect;
    };
    const auto day = seconds{86400};
    const Row rows[] = {
        {"their message alone", {{Direction::in, 3 * day}}, Expect::owe_reply},
        {"their answer to mine",
         {{Direction::out, 10 * day}, {Direction::in, 3 * day}},
         Expect::owe_reply},
        {"two of theirs in a row: one item",
         {{Direction::in, 10 * day}, {Direction::in, 2 * day}},
         Expect::owe_reply},
        {"my answer, unanswered for 9 days",
         {{Direction::in, 10 * day}, {Direction::out, 9 * day}},
         Expect::waiting},
        {"my answer, 3 days old",
         {{Direction::in, 10 * day}, {Direction::out, 3 * day}},
         Expect::nothing},
        {"mine exactly 7 days old: not yet", {{Direction::out, 7 * day}}, Expect::nothing},
        {"mine 7 days and a second old", {{Direction::out, 7 * day + seconds{1}}}, Expect::waiting},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        auto db = new_db(dir);
        std::vector<core::InteractionRecord> records;
        for (std::size_t i = 0; i < row.thread.size(); ++i)
            records.push_back(email("m" + std::to_string(i), row.thread[i].direction,
                                    kNow - row.thread[i].before_now, "<root@example.org>", kAna));
        write_all(*db, records);
        const auto& tail = records.back();
        const auto digest = today_at(*db);
        CHECK(digest.owe_reply.size() == (row.expect == Expect::owe_reply ? 1u : 0u));
        CHECK(digest.waiting.size() == (row.expect == Expect::waiting ? 1u : 0u));
        const auto& list = row.expect == Expect::owe_reply ? digest.owe_reply : digest.waiting;
        if (row.expect == Expect::nothing || list.size() != 1) continue;
        const auto& item = list.front();
        const auto rule = row.expect == Expect::owe_reply ? "owe_reply:" : "waiting:";
        CHECK(item.id == rule + std::to_string(interaction_id_of(*db, tail.ext_id)));
        CHECK(item.external_id == tail.ext_id);
        CHECK(item.thread_key == "<root@example.org>");
        CHECK(item.person_name == "Ana Ruiz");
        CHECK(item.person_id == person_with_email(*db, "ana@example.org"));
        CHECK(item.channel == core::Channel::email);
        CHECK(item.at == tail.at);
        CHECK(item.subject == tail.subject);
    }
}

TEST_CASE("bulk mail and likes ask for no reply and are no contact") {
    struct Row {
        const char* what;
        core::InteractionKind kind;
        bool bulk;
    };
    for (const auto& row : {Row{"a newsletter sent to me", core::InteractionKind::message, true},
                            Row{"a like of my post", core::InteractionKind::like, false}}) {
        CAPTURE(std::string(row.what));
        TempDir dir;
        auto db = new_db(dir);
        auto r = email("n1", Direction::in, days_ago(2), "news", kAna);
        r.kind = row.kind;
        r.bulk = row.bulk;
        write_one(*db, r, /*now=*/days_ago(10));  // Ana was added ten days ago
        const auto ana = person_with_email(*db, "ana@example.org");
        set_cadence(*db, ana, 1);
        const auto digest = today_at(*db);
        CHECK(digest.owe_reply.empty());
        // Not meaningful contact: with a one-day cadence Ana is overdue since she was added.
        REQUIRE(digest.going_cold.size() == 1);
        CHECK(!db::PeopleRepo(*db).get(ana)->last_contact.has_value());
    }
}

TEST_CASE("a snoozed owed reply stays hidden until the snooze ends") {
    TempDir dir;
    auto db = new_db(dir);
    const auto id = ana_writes(*db, "m1", days_ago(3));
    REQUIRE(ids(today_at(*db).owe_reply) == std::vector{id});
    act(*db, id, db::TodayAction::snooze, kNow + core::Days{2});
    CHECK(today_at(*db).owe_reply.empty());
    CHECK(today_at(*db, kNow + core::Days{1}).owe_reply.empty());
    CHECK(today_at(*db, kNow + core::Days{2} - seconds{1}).owe_reply.empty());
    CHECK(ids(today_at(*db, kNow + core::Days{2} + hours{1}).owe_reply) == std::vector{id});
}

TEST_CASE("a done owed reply stays hidden until a new message arrives in the thread") {
    TempDir dir;
    auto db = new_db(dir);
    const auto first = ana_writes(*db, "m1", days_ago(3));
    act(*db, first, db::TodayAction::done);
    CHECK(today_at(*db).owe_reply.empty());
    CHECK(today_at(*db, kNow + core::Days{30}).owe_reply.empty());
    const auto second = ana_writes(*db, "m2", kNow + hours{2});
    CHECK(second != first);
    CHECK(ids(today_at(*db, kNow + hours{3}).owe_reply) == std::vector{second});
}

TEST_CASE("contact in another channel resets going cold") {
    TempDir dir;
    auto db = new_db(dir);
    write_one(*db, email("m1", Direction::in, days_ago(40), "", kAna));
    const auto ana = person_with_email(*db, "ana@example.org");
    set_cadence(*db, ana, 30);
    auto digest = today_at(*db);
    REQUIRE(digest.going_cold.size() == 1);
    const auto& item = digest.going_cold.front();
    CHECK(item.id == "going_cold:" + std::to_string(ana));
    CHECK(item.person_name == "Ana Ruiz");
    CHECK(item.channel == core::Channel::email);
    CHECK(item.at == days_ago(40));
    CHECK(item.cadence.source == core::CadenceSource::explicit_);
    CHECK(item.cadence.days == core::Days{30});

    log_contact(*db, {ana}, core::Channel::call, days_ago(2));
    CHECK(today_at(*db).going_cold.empty());
    auto row = db::PeopleRepo(*db).get(ana);
    CHECK(row->last_channel == "call");
    CHECK(row->last_contact == days_ago(2));
}

TEST_CASE("a group meeting resets going cold for everyone in it") {
    TempDir dir;
    auto db = new_db(dir);
    const auto people = three_people_last_seen(*db, 30);
    for (const auto p : people) set_cadence(*db, p, 14);
    auto cold = person_ids(today_at(*db).going_cold);
    std::sort(cold.begin(), cold.end());
    auto everyone = people;
    std::sort(everyone.begin(), everyone.end());
    REQUIRE(cold == everyone);

    const auto meeting = log_contact(*db, people, core::Channel::in_person, days_ago(1));
    CHECK(today_at(*db).going_cold.empty());
    CHECK(db->sql()
              .execAndGet("SELECT count(*) FROM participants WHERE interaction_id = " +
                          std::to_string(meeting))
              .getInt() == 3);
    for (const auto p : people) {
        CAPTURE(p);
        auto timeline = db::TimelineRepo(*db).for_person(p, std::nullopt, 10);
        REQUIRE(timeline.ok());
        REQUIRE(!timeline->empty());
        CHECK(timeline->front().id == meeting);
        CHECK(timeline->front().place == "DevConf");
    }
}

TEST_CASE("a circle's cadence applies to its members and an explicit cadence overrides it") {
    TempDir dir;
    auto db = new_db(dir);
    const auto people = three_people_last_seen(*db, 30);
    const auto ana = people[0], ben = people[1];
    // One interaction each: no cadence can be inferred, so nobody is going cold yet.
    REQUIRE(today_at(*db).going_cold.empty());

    db::CircleRepo circles(*db);
    auto close = circles.get_or_create("Close friends", kNow);
    REQUIRE(close.ok());
    REQUIRE(circles.assign(ana, *close).ok());
    REQUIRE(circles.assign(ben, *close).ok());
    REQUIRE(circles.set_cadence(*close, 14).ok());
    auto cold = today_at(*db).going_cold;
    auto cold_ids = person_ids(cold);
    std::sort(cold_ids.begin(), cold_ids.end());
    CHECK(cold_ids == std::vector{ana, ben});
    for (const auto& item : cold) {
        CHECK(item.cadence.source == core::CadenceSource::circle);
        CHECK(item.cadence.days == core::Days{14});
    }

    set_cadence(*db, ben, 60);  // Ben: every two months is fine
    CHECK(person_ids(today_at(*db).going_cold) == std::vector{ana});
}

TEST_CASE("a dismissed going-cold item stays away until contact resumes and lapses again") {
    TempDir dir;
    auto db = new_db(dir);
    const auto ana = three_people_last_seen(*db, 40)[0];
    set_cadence(*db, ana, 30);
    REQUIRE(person_ids(today_at(*db).going_cold) == std::vector{ana});
    act(*db, "going_cold:" + std::to_string(ana), db::TodayAction::dismiss);
    CHECK(today_at(*db).going_cold.empty());
    CHECK(today_at(*db, kNow + core::Days{60}).going_cold.empty());
    log_contact(*db, {ana}, core::Channel::call, kNow + core::Days{1});
    CHECK(today_at(*db, kNow + core::Days{20}).going_cold.empty());
    CHECK(person_ids(today_at(*db, kNow + core::Days{40}).going_cold) == std::vector{ana});
}

TEST_CASE("follow-ups are due by the end of today") {
    TempDir dir;
    auto db = new_db(dir);
    write_one(*db, email("m1", Direction::out, days_ago(1), "", kAna));
    const auto ana = person_with_email(*db, "ana@example.org");
    const auto today_start = std::chrono::floor<core::Days>(kNow);
    struct Row {
        const char* text;
        core::TimePoint due;
        bool done;
    };
    const Row rows[] = {
        {"overdue since yesterday", today_start - hours{15}, false},
        {"due this morning", today_start + hours{9}, false},
        {"due at the last second of today", end_of_utc_day(kNow), false},
        {"due at midnight tomorrow", end_of_utc_day(kNow) + seconds{1}, false},
        {"done already", today_start - hours{15}, true},
    };
    std::vector<std::string> expected;
    db::FollowUpRepo repo(*db);
    for (const auto& row : rows) {
        db::NewFollowUp f;
        f.text = row.text;
        f.due = row.due;
        f.person_ids = {ana};
        f.done = row.done;
        auto added = repo.add(f, days_ago(2));
        REQUIRE(added.ok());
        if (!row.done && row.due <= end_of_utc_day(kNow))
            expected.push_back("followup:" + std::to_string(added->first));
    }
    const auto due = today_at(*db).followups;
    CHECK(ids(due) == expected);  // oldest due first
    REQUIRE(due.size() == 3);
    CHECK(due[0].subject == "overdue since yesterday");
    CHECK(due[0].at == today_start - hours{15});
    CHECK(due[0].person_name == "Ana Ruiz");
    CHECK(due[0].person_id == ana);
}

TEST_CASE("a snoozed follow-up returns on its new date and a done one never") {
    TempDir dir;
    auto db = new_db(dir);
    const auto ana = three_people_last_seen(*db, 2)[0];
    db::FollowUpRepo repo(*db);
    auto add = [&](const char* text) {
        db::NewFollowUp f;
        f.text = text;
        f.due = days_ago(1);
        f.person_ids = {ana};
        auto added = repo.add(f, days_ago(3));
        REQUIRE(added.ok());
        return "followup:" + std::to_string(added->first);
    };
    const auto snoozed = add("Send the slides"), done = add("Book the room");
    REQUIRE(today_at(*db).followups.size() == 2);
    const auto tomorrow_nine = std::chrono::floor<core::Days>(kNow) + core::Days{1} + hours{9};
    act(*db, snoozed, db::TodayAction::snooze, tomorrow_nine);
    act(*db, done, db::TodayAction::done);
    CHECK(today_at(*db).followups.empty());
    const auto tomorrow = today_at(*db, kNow + core::Days{1}).followups;
    REQUIRE(ids(tomorrow) == std::vector{snoozed});
    CHECK(tomorrow.front().at == tomorrow_nine);
    CHECK(today_at(*db, kNow + core::Days{30}).followups.size() == 1);
}

TEST_CASE("archived people leave every list") {
    TempDir dir;
    auto db = new_db(dir);
    ana_writes(*db, "m1", days_ago(40));
    const auto ana = person_with_email(*db, "ana@example.org");
    set_cadence(*db, ana, 30);
    auto before = today_at(*db);
    REQUIRE(before.owe_reply.size() == 1);
    REQUIRE(before.going_cold.size() == 1);
    REQUIRE(db::PeopleRepo(*db).set_archived(ana, true, kNow).ok());
    const auto after = today_at(*db);
    CHECK(after.owe_reply.empty());
    CHECK(after.going_cold.empty());
}

TEST_CASE("acting on a Today item that does not exist is an error") {
    TempDir dir;
    auto db = new_db(dir);
    struct Row {
        const char* id;
        db::TodayAction action;
        core::ErrorCode code;
    };
    const Row rows[] = {
        {"nonsense", db::TodayAction::done, core::ErrorCode::invalid_input},
        {"owe_reply:", db::TodayAction::done, core::ErrorCode::invalid_input},
        {"owe_reply:abc", db::TodayAction::done, core::ErrorCode::invalid_input},
        {"owe_reply:0", db::TodayAction::done, core::ErrorCode::invalid_input},
        {"someday:3", db::TodayAction::dismiss, core::ErrorCode::invalid_input},
        {"owe_reply:999", db::TodayAction::done, core::ErrorCode::not_found},
        {"going_cold:999", db::TodayAction::dismiss, core::ErrorCode::not_found},
        {"followup:999", db::TodayAction::done, core::ErrorCode::not_found},
        {"waiting:5", db::TodayAction::snooze, core::ErrorCode::invalid_input},  // no date
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.id));
        auto r = db::act_on_today_item(*db, row.id, row.action, std::nullopt, kNow);
        REQUIRE(!r.ok());
        CHECK(r.error().code == row.code);
        CHECK(!r.error().message.empty());
    }
    CHECK(count_rows(*db, "reminder_states") == 0);
}

// WAL lets readers proceed while a writer (a background import) holds the write lock. The
// digest's cache refresh takes the write lock even when no cache is stale, so Today fails with
// "locked" during any import.
TEST_CASE("the digest can be read while another connection is writing") {
    TempDir dir;
    ScopedEnv busy("KITH_BUSY_TIMEOUT_MS", "100");
    auto db = new_db(dir);
    const auto id = ana_writes(*db, "m1", days_ago(3));
    REQUIRE(ids(today_at(*db).owe_reply) == std::vector{id});  // caches now fresh
    SQLite::Database writer(dir / "kith.db", SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    db::TodayOptions o;
    o.now = kNow;
    o.due_by = end_of_utc_day(kNow);
    auto d = db::load_today(*db, o);
    CHECK_MESSAGE(d.ok(), error_text(d));
    if (d) CHECK(ids(d->owe_reply) == std::vector{id});
    writer.exec("ROLLBACK");
}
