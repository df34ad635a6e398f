#include "core/reminders.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kith::core;
using namespace std::chrono;

namespace {

// The injected "now" for every case; nothing here reads the system clock.
TimePoint now() {
    return parse_iso("2026-11-25T12:00:00Z").value();
}

ThreadTail tail(std::int64_t interaction_id, Direction d, TimePoint at, int strength = 0) {
    ThreadTail t;
    t.thread_id = 1000 + interaction_id;
    t.interaction_id = interaction_id;
    t.person_id = 10 + interaction_id;
    t.person_name = "Person " + std::to_string(interaction_id);
    t.channel = Channel::email;
    t.kind = InteractionKind::message;
    t.direction = d;
    t.at = at;
    t.personal = true;
    t.bulk = false;
    t.subject = "Subject " + std::to_string(interaction_id);
    t.excerpt = "Excerpt " + std::to_string(interaction_id);
    t.thread_key = "<root" + std::to_string(interaction_id) + "@example.org>";
    t.external_id = "<msg" + std::to_string(interaction_id) + "@example.org>";
    t.url = "https://example.org/" + std::to_string(interaction_id);
    t.strength = strength;
    return t;
}

ContactState contact(std::int64_t person_id, std::optional<TimePoint> last_at, Cadence cadence,
                     int strength = 0) {
    ContactState c;
    c.person_id = person_id;
    c.person_name = "Person " + std::to_string(person_id);
    c.last_contact = last_at;
    c.added_at = now() - Days{1000};
    c.last_channel = Channel::mastodon;
    c.cadence = cadence;
    c.strength = strength;
    return c;
}

Cadence explicit_days(int d) {
    return {CadenceSource::explicit_, Days{d}};
}

FollowUpDue followup(std::int64_t id, TimePoint due) {
    FollowUpDue f;
    f.followup_id = id;
    f.person_id = 40 + id;
    f.person_name = "Ana Ruiz";
    f.text = "Send the report " + std::to_string(id);
    f.due = due;
    f.channel = Channel::in_person;
    return f;
}

std::vector<std::int64_t> interaction_ids(const std::vector<ReminderItem>& items) {
    std::vector<std::int64_t> out;
    for (const auto& i : items) out.push_back(i.interaction_id);
    return out;
}

std::vector<std::int64_t> person_ids(const std::vector<ReminderItem>& items) {
    std::vector<std::int64_t> out;
    for (const auto& i : items) out.push_back(i.person_id);
    return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("reminder rule names round trip") {
    for (auto r : {ReminderRule::owe_reply, ReminderRule::waiting, ReminderRule::going_cold,
                   ReminderRule::followup}) {
        CAPTURE(to_string(r));
        CHECK(parse_reminder_rule(to_string(r)) == r);
    }
    CHECK(to_string(ReminderRule::owe_reply) == "owe_reply");
    CHECK(to_string(ReminderRule::waiting) == "waiting");
    CHECK(to_string(ReminderRule::going_cold) == "going_cold");
    CHECK(to_string(ReminderRule::followup) == "followup");
    for (const char* bad : {"", "owe", "Owe_reply", "waiting ", "snoozed", "follow_up"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_reminder_rule(bad));
    }
}

TEST_CASE("reminder_subject names the tail, the contact or the follow-up") {
    ReminderItem i;
    i.interaction_id = 42;
    i.person_id = 7;
    i.followup_id = 9;
    i.at = from_unix(1795000000);
    i.rule = ReminderRule::owe_reply;
    CHECK(reminder_subject(i) == "owe_reply:i42");
    i.rule = ReminderRule::waiting;
    CHECK(reminder_subject(i) == "waiting:i42");
    i.rule = ReminderRule::going_cold;
    CHECK(reminder_subject(i) == "going_cold:p7@1795000000");
    i.rule = ReminderRule::followup;
    CHECK(reminder_subject(i) == "followup:f9");
}

TEST_CASE("is_hidden: done and dismissed hide — snooze hides until it expires") {
    const auto t = now();
    const ReminderStates states = {
        {"a", {ReminderStateKind::done, {}}},
        {"b", {ReminderStateKind::dismissed, {}}},
        {"c", {ReminderStateKind::snoozed, t + hours{1}}},
    };
    CHECK(is_hidden(states, "a", t));
    CHECK(is_hidden(states, "a", t + Days{3650}));
    CHECK(is_hidden(states, "b", t));
    CHECK(is_hidden(states, "c", t));
    CHECK(is_hidden(states, "c", t + hours{1} - seconds{1}));
    CHECK_FALSE(is_hidden(states, "c", t + hours{1}));
    CHECK_FALSE(is_hidden(states, "c", t + Days{1}));
    CHECK_FALSE(is_hidden(states, "missing", t));
}

TEST_CASE("owe_reply: the last word is theirs, personal and not bulk") {
    const auto t = now();
    auto theirs = tail(1, Direction::in, t - Days{3}, 50);
    auto mine = tail(2, Direction::out, t - Days{3});
    auto bulk = tail(3, Direction::in, t - Days{3});
    bulk.bulk = true;
    auto not_personal = tail(4, Direction::in, t - Days{3});
    not_personal.personal = false;
    auto like = tail(5, Direction::in, t - Days{3});
    like.channel = Channel::twitter;
    like.kind = InteractionKind::like;
    auto meeting = tail(6, Direction::mutual, t - Days{3});
    auto dm = tail(7, Direction::in, t - Days{1});
    dm.channel = Channel::mastodon;
    dm.kind = InteractionKind::dm;
    const std::vector<ThreadTail> tails = {theirs, mine, bulk, not_personal, like, meeting, dm};

    const auto items = owe_reply(tails, {}, t);
    CHECK(interaction_ids(items) == Ids{1, 7});

    const auto& i = items.at(0);
    CHECK(i.rule == ReminderRule::owe_reply);
    CHECK(i.id == "owe_reply:1");
    CHECK(i.subject_key == "owe_reply:i1");
    CHECK(i.person_id == 11);
    CHECK(i.person_name == "Person 1");
    CHECK(i.channel == Channel::email);
    CHECK(i.at == t - Days{3});
    CHECK(i.subject == "Subject 1");
    CHECK(i.excerpt == "Excerpt 1");
    CHECK(i.thread_key == "<root1@example.org>");
    CHECK(i.external_id == "<msg1@example.org>");
    CHECK(i.url == "https://example.org/1");
    CHECK(i.thread_id == 1001);
    CHECK(i.interaction_id == 1);
    CHECK(i.followup_id == 0);
    CHECK(i.cadence.source == CadenceSource::none);
    CHECK(i.strength == 50);
    // Urgency at 3 days (0.5 + 3/28) × (1 + 50/50).
    CHECK(i.rank == doctest::Approx((0.5 + 3.0 / 28.0) * 2.0));
    CHECK(items.at(1).rank == doctest::Approx(0.5 + 1.0 / 28.0));
    CHECK(items.at(1).channel == Channel::mastodon);
}

TEST_CASE("owe_reply ranks by age and strength") {
    // Urgency grows to a peak at 14 days, then halves every 60 days; strength multiplies it.
    const auto t = now();
    const std::vector<ThreadTail> tails = {
        tail(1, Direction::in, t - Days{10}, 0),    // 0.5 + 10/28 = 0.857
        tail(2, Direction::in, t - Days{4}, 100),   // (0.5 + 4/28) × 3 = 1.929
        tail(3, Direction::in, t - Days{14}, 0),    // peak: 1.0
        tail(4, Direction::in, t - Days{74}, 0),    // faded by half: 0.5
        tail(5, Direction::in, t - Days{740}, 50),  // two years old: almost nothing
        tail(6, Direction::in, t + hours{1}, 0)     // dated ahead of now: age 0 → 0.5, tie with 4
    };
    const auto items = owe_reply(tails, {}, t);
    CHECK(interaction_ids(items) == Ids{2, 3, 1, 4, 6, 5});
    CHECK(items.at(0).rank == doctest::Approx((0.5 + 4.0 / 28.0) * 3.0));
    CHECK(items.at(1).rank == doctest::Approx(1.0));
    CHECK(items.at(3).rank == doctest::Approx(0.5));
    CHECK(items.at(4).rank == doctest::Approx(0.5));
    CHECK(items.at(5).rank < 0.001);
}

TEST_CASE("owe_reply: snooze hides until expiry, done and dismissed hide") {
    const auto t = now();
    const std::vector<ThreadTail> tails = {
        tail(1, Direction::in, t - Days{2}), tail(2, Direction::in, t - Days{2}),
        tail(3, Direction::in, t - Days{2}), tail(4, Direction::in, t - Days{2})};
    const ReminderStates states = {
        {"owe_reply:i1", {ReminderStateKind::snoozed, t + Days{1}}},
        {"owe_reply:i2", {ReminderStateKind::done, {}}},
        {"owe_reply:i3", {ReminderStateKind::dismissed, {}}},
        // A state under another rule's key does not hide this one.
        {"waiting:i4", {ReminderStateKind::done, {}}},
    };
    CHECK(interaction_ids(owe_reply(tails, states, t)) == Ids{4});
    CHECK(interaction_ids(owe_reply(tails, states, t + Days{1} - seconds{1})) == Ids{4});
    // The snooze has expired: back, and oldest-ranked first by the later now.
    CHECK(interaction_ids(owe_reply(tails, states, t + Days{1})) == Ids{1, 4});
    CHECK(interaction_ids(owe_reply(tails, states, t + Days{30})) == Ids{1, 4});
}

TEST_CASE("owe_reply: a new message in a done thread is a new item") {
    const auto t = now();
    const ReminderStates states = {{"owe_reply:i1", {ReminderStateKind::done, {}}}};
    // Interaction 1 was marked done; then they wrote again in the same thread (interaction 8).
    auto newer = tail(8, Direction::in, t - hours{2});
    newer.thread_id = 1001;
    const std::vector<ThreadTail> before = {tail(1, Direction::in, t - Days{5})};
    const std::vector<ThreadTail> after = {newer};
    CHECK(owe_reply(before, states, t).empty());
    const auto items = owe_reply(after, states, t);
    REQUIRE(items.size() == 1);
    CHECK(items[0].id == "owe_reply:8");
    CHECK(items[0].thread_id == 1001);
}

TEST_CASE("waiting_on_them: my message older than 7 days, strictly") {
    const auto t = now();
    auto bulk = tail(4, Direction::out, t - Days{30});
    bulk.bulk = true;
    auto not_personal = tail(5, Direction::out, t - Days{30});
    not_personal.personal = false;
    const std::vector<ThreadTail> tails = {
        tail(1, Direction::out, t - Days{7}),               // exactly 7 days: not yet
        tail(2, Direction::out, t - Days{7} - seconds{1}),  // 7 days + 1 s: waiting
        tail(3, Direction::in, t - Days{30}),               // their word last: owe, not waiting
        bulk,
        not_personal,
        tail(6, Direction::out, t - Days{25}, 90),
        tail(7, Direction::out, t - Days{1}),
    };
    const auto items = waiting_on_them(tails, {}, t);
    CHECK(interaction_ids(items) == Ids{6, 2});
    const auto& i = items.at(0);
    CHECK(i.rule == ReminderRule::waiting);
    CHECK(i.id == "waiting:6");
    CHECK(i.subject_key == "waiting:i6");
    CHECK(i.person_id == 16);
    CHECK(i.person_name == "Person 6");
    CHECK(i.at == t - Days{25});
    CHECK(i.thread_key == "<root6@example.org>");
    CHECK(i.external_id == "<msg6@example.org>");
    CHECK(i.strength == 90);
    // Urgency (0.5 + 25/60) × (1 + 90/50).
    CHECK(i.rank == doctest::Approx((0.5 + 25.0 / 60.0) * 2.8));

    // "More than three weeks": a custom threshold.
    CHECK(interaction_ids(waiting_on_them(tails, {}, t, Days{21})) == Ids{6});
    CHECK(interaction_ids(waiting_on_them(tails, {}, t, Days{30})).empty());
}

TEST_CASE("waiting_on_them honours done, dismissed and snooze") {
    const auto t = now();
    const std::vector<ThreadTail> tails = {tail(1, Direction::out, t - Days{20}),
                                           tail(2, Direction::out, t - Days{15}),
                                           tail(3, Direction::out, t - Days{10})};
    const ReminderStates states = {
        {"waiting:i1", {ReminderStateKind::done, {}}},
        {"waiting:i2", {ReminderStateKind::snoozed, t + Days{3}}},
        {"owe_reply:i3", {ReminderStateKind::dismissed, {}}},
    };
    CHECK(interaction_ids(waiting_on_them(tails, states, t)) == Ids{3});
    CHECK(interaction_ids(waiting_on_them(tails, states, t + Days{3})) == Ids{2, 3});
}

TEST_CASE("going_cold: cadence precedence decides") {
    const auto t = now();
    const auto last_at = t - Days{20};
    // Explicit 30 beats circle 14 and inferred 7: not cold.
    const auto explicit_wins = effective_cadence(Days{30}, Days{14}, Days{7});
    // Circle 14 beats inferred 60: cold.
    const auto circle_wins = effective_cadence(std::nullopt, Days{14}, Days{60});
    // Only inferred 10: cold.
    const auto inferred_only = effective_cadence(std::nullopt, std::nullopt, Days{10});
    // Explicit 14 beats a lenient circle 90: cold.
    const auto strict_explicit = effective_cadence(Days{14}, Days{90}, std::nullopt);
    const std::vector<ContactState> contacts = {
        contact(1, last_at, explicit_wins), contact(2, last_at, circle_wins),
        contact(3, last_at, inferred_only), contact(4, last_at, strict_explicit)};
    const auto items = going_cold(contacts, {}, t);
    REQUIRE(items.size() == 3);
    // Ranks: (20−14)/14, (20−10)/10 = 1, (20−14)/14.
    CHECK(person_ids(items) == Ids{3, 2, 4});
    CHECK(items[0].cadence.source == CadenceSource::inferred);
    CHECK(items[0].cadence.days == Days{10});
    CHECK(items[0].rank == 1.0);
    CHECK(items[1].cadence.source == CadenceSource::circle);
    CHECK(items[2].cadence.source == CadenceSource::explicit_);
    CHECK(items[2].rank == doctest::Approx(6.0 / 14.0));
}

TEST_CASE("going_cold: item fields and exact threshold") {
    const auto t = now();
    const auto last_at = t - Days{45};
    auto c = contact(7, last_at, explicit_days(30), 50);
    const std::vector<ContactState> cold = {c};
    const auto items = going_cold(cold, {}, t);
    REQUIRE(items.size() == 1);
    const auto& i = items[0];
    CHECK(i.rule == ReminderRule::going_cold);
    CHECK(i.id == "going_cold:7");
    CHECK(i.subject_key == "going_cold:p7@" + std::to_string(to_unix(last_at)));
    CHECK(i.person_id == 7);
    CHECK(i.person_name == "Person 7");
    CHECK(i.channel == Channel::mastodon);
    CHECK(i.at == last_at);
    CHECK(i.cadence.source == CadenceSource::explicit_);
    CHECK(i.cadence.days == Days{30});
    CHECK(i.strength == 50);
    // (1 + strength 50) × overdue fraction (45 − 30) / 30.
    CHECK(i.rank == doctest::Approx(51.0 * 0.5));
    CHECK(i.excerpt == "Last contact 45 days ago; cadence 30 days (explicit)");
    CHECK(i.interaction_id == 0);
    CHECK(i.followup_id == 0);

    // Exactly one cadence since the last contact: not yet cold; one second more: cold.
    const std::vector<ContactState> exact = {contact(8, t - Days{30}, explicit_days(30))};
    CHECK(going_cold(exact, {}, t).empty());
    const std::vector<ContactState> just_over = {
        contact(8, t - Days{30} - seconds{1}, explicit_days(30))};
    CHECK(going_cold(just_over, {}, t).size() == 1);
}

TEST_CASE("going_cold: never contacted counts from added_at") {
    const auto t = now();
    auto fresh = contact(1, std::nullopt, explicit_days(30));
    fresh.added_at = t - Days{20};
    auto stale = contact(2, std::nullopt, {CadenceSource::circle, Days{30}});
    stale.added_at = t - Days{40};
    const std::vector<ContactState> contacts = {fresh, stale};
    const auto items = going_cold(contacts, {}, t);
    REQUIRE(items.size() == 1);
    CHECK(items[0].person_id == 2);
    CHECK(items[0].at == t - Days{40});
    CHECK(items[0].subject_key == "going_cold:p2@" + std::to_string(to_unix(t - Days{40})));
    CHECK(items[0].excerpt == "No contact since added 40 days ago; cadence 30 days (circle)");
}

TEST_CASE("going_cold: contact in any channel resets — no cadence never cold") {
    const auto t = now();
    // Last email 40 days ago, cadence 30: cold.
    auto c = contact(1, t - Days{40}, explicit_days(30));
    c.last_channel = Channel::email;
    CHECK(going_cold(std::vector<ContactState>{c}, {}, t).size() == 1);
    // A Mastodon reply two days ago is the newer last contact: no longer cold.
    c.last_contact = t - Days{2};
    c.last_channel = Channel::mastodon;
    CHECK(going_cold(std::vector<ContactState>{c}, {}, t).empty());

    // No cadence: never cold, however long.
    auto never = contact(2, t - Days{3650}, Cadence{});
    auto never_contacted = contact(3, std::nullopt, Cadence{});
    never_contacted.added_at = t - Days{3650};
    // A cadence of zero days is treated as none rather than "always cold".
    auto zero = contact(4, t - Days{3650}, explicit_days(0));
    // Days without a source mean nothing.
    auto stray_days = contact(5, t - Days{3650}, Cadence{CadenceSource::none, Days{30}});
    CHECK(going_cold(std::vector<ContactState>{never, never_contacted, zero, stray_days}, {}, t)
              .empty());
}

TEST_CASE("going_cold: dismissal lasts until the next contact") {
    const auto t = now();
    const auto first_last = t - Days{40};
    const ReminderStates states = {
        {"going_cold:p1@" + std::to_string(to_unix(first_last)),
         {ReminderStateKind::dismissed, {}}},
        {"going_cold:p2@" + std::to_string(to_unix(first_last)),
         {ReminderStateKind::snoozed, t + Days{7}}},
    };
    const std::vector<ContactState> before = {contact(1, first_last, explicit_days(30)),
                                              contact(2, first_last, explicit_days(30))};
    CHECK(going_cold(before, states, t).empty());
    CHECK(person_ids(going_cold(before, states, t + Days{7})) == Ids{2});
    // A contact 35 days ago (after the dismissal) and the cadence has lapsed again: new item.
    const std::vector<ContactState> after = {contact(1, t - Days{35}, explicit_days(30))};
    const auto items = going_cold(after, states, t);
    REQUIRE(items.size() == 1);
    CHECK(items[0].subject_key == "going_cold:p1@" + std::to_string(to_unix(t - Days{35})));
}

TEST_CASE("going_cold ranks strong slipping relationships above long-faded ones") {
    // rank = (1 + strength) × overdue fraction, the fraction capped at 1.
    const auto t = now();
    const std::vector<ContactState> contacts = {
        contact(1, t - Days{45}, explicit_days(30), 0),      // 1 × 0.5 = 0.5
        contact(2, t - Days{14}, explicit_days(10), 50),     // 51 × 0.4 = 20.4
        contact(3, t - Days{14}, explicit_days(7), 0),       // 1 × 1.0 = 1
        contact(4, t - Days{400}, explicit_days(365), 100),  // 101 × 35/365 ≈ 9.68
        contact(5, t - Days{730}, explicit_days(7), 1),      // faded: 2 × 1 (capped) = 2
    };
    const auto items = going_cold(contacts, {}, t);
    CHECK(person_ids(items) == Ids{2, 4, 5, 3, 1});
    CHECK(items.at(0).rank == doctest::Approx(20.4));
    CHECK(items.at(1).rank == doctest::Approx(101.0 * 35.0 / 365.0));
    CHECK(items.at(2).rank == doctest::Approx(2.0));
    CHECK(items.at(3).rank == doctest::Approx(1.0));
    CHECK(items.at(4).rank == doctest::Approx(0.5));
}

TEST_CASE("followups_due: due at or before the end of today, oldest first") {
    const auto end_of_today = parse_iso("2026-11-25T23:59:59Z").value();
    const std::vector<FollowUpDue> followups = {
        followup(1, parse_iso("2026-11-25T00:00:00Z").value()),  // today
        followup(2, parse_iso("2026-11-20").value()),            // overdue
        followup(3, parse_iso("2026-11-26").value()),            // tomorrow: not yet
        followup(4, end_of_today),                               // the last second counts
        followup(5, parse_iso("2026-11-20").value()),            // same due: lower id first
    };
    const auto items = followups_due(followups, {}, end_of_today);
    std::vector<std::int64_t> ids;
    for (const auto& i : items) ids.push_back(i.followup_id);
    CHECK(ids == Ids{2, 5, 1, 4});
    const auto& i = items.at(0);
    CHECK(i.rule == ReminderRule::followup);
    CHECK(i.id == "followup:2");
    CHECK(i.subject_key == "followup:f2");
    CHECK(i.person_id == 42);
    CHECK(i.person_name == "Ana Ruiz");
    CHECK(i.subject == "Send the report 2");
    CHECK(i.channel == Channel::in_person);
    CHECK(i.at == parse_iso("2026-11-20").value());
    CHECK(i.interaction_id == 0);
    CHECK(items.at(3).rank == 0.0);
    CHECK(items.at(0).rank > items.at(2).rank);
}

TEST_CASE("followups_due honours done, dismissed and snooze") {
    const auto end_of_today = parse_iso("2026-11-25T23:59:59Z").value();
    const auto due = parse_iso("2026-11-24").value();
    const std::vector<FollowUpDue> followups = {followup(1, due), followup(2, due),
                                                followup(3, due), followup(4, due)};
    const ReminderStates states = {
        {"followup:f1", {ReminderStateKind::done, {}}},
        {"followup:f2", {ReminderStateKind::dismissed, {}}},
        // Snoozed until tomorrow morning: hidden today.
        {"followup:f3", {ReminderStateKind::snoozed, parse_iso("2026-11-26T08:00:00Z").value()}},
    };
    auto ids_at = [&](TimePoint due_by) {
        std::vector<std::int64_t> ids;
        for (const auto& i : followups_due(followups, states, due_by)) ids.push_back(i.followup_id);
        return ids;
    };
    CHECK(ids_at(end_of_today) == Ids{4});
    CHECK(ids_at(parse_iso("2026-11-26T23:59:59Z").value()) == Ids{3, 4});
}
