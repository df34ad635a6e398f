#include "db/today_queries.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/strength.h"
#include "db/database.h"
#include "db/followup_repo.h"
#include "db/person_stats.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

constexpr const char* kTailColumns =
    "SELECT t.id, t.tail_interaction_id, t.tail_person_id, p.name, i.channel, i.kind, "
    "i.direction, i.at, i.personal, i.bulk, i.subject, substr(i.text, 1, 200), t.key, i.ext_id, "
    "i.url, p.strength_ref, p.strength_in, p.strength_out, p.strength_mutual "
    "FROM threads t JOIN interactions i ON i.id = t.tail_interaction_id "
    "JOIN people p ON p.id = t.tail_person_id ";

core::StrengthSums sums_at(SQLite::Statement& q, int first) {
    core::StrengthSums s;
    s.ref = core::from_unix(q.getColumn(first).getInt64());
    s.in = q.getColumn(first + 1).getDouble();
    s.out = q.getColumn(first + 2).getDouble();
    s.mutual = q.getColumn(first + 3).getDouble();
    return s;
}

std::vector<core::ThreadTail> read_tails(SQLite::Statement& q, core::TimePoint now) {
    std::vector<core::ThreadTail> out;
    while (q.executeStep()) {
        core::ThreadTail t;
        t.thread_id = q.getColumn(0).getInt64();
        t.interaction_id = q.getColumn(1).getInt64();
        t.person_id = q.getColumn(2).getInt64();
        t.person_name = q.getColumn(3).getString();
        t.channel = core::parse_channel(q.getColumn(4).getString()).value_or(core::Channel::other);
        t.kind = core::parse_kind(q.getColumn(5).getString()).value_or(core::InteractionKind::message);
        t.direction = core::parse_direction(q.getColumn(6).getString()).value_or(core::Direction::in);
        t.at = core::from_unix(q.getColumn(7).getInt64());
        t.personal = q.getColumn(8).getInt() != 0;
        t.bulk = q.getColumn(9).getInt() != 0;
        t.subject = q.getColumn(10).getString();
        t.excerpt = q.getColumn(11).getString();
        t.thread_key = q.getColumn(12).getString();
        t.external_id = q.getColumn(13).getString();
        t.url = q.getColumn(14).getString();
        t.strength = core::strength_score(sums_at(q, 15), now);
        out.push_back(std::move(t));
    }
    return out;
}

core::ReminderStates load_states(Database& db, core::TimePoint now) {
    core::ReminderStates states;
    SQLite::Statement q(db.sql(),
                        "SELECT subject, state, until FROM reminder_states "
                        "WHERE state <> 'snoozed' OR until > ?");
    q.bind(1, core::to_unix(now));
    while (q.executeStep()) {
        core::ReminderState s;
        const auto state = q.getColumn(1).getString();
        s.kind = state == "done"        ? core::ReminderStateKind::done
                 : state == "dismissed" ? core::ReminderStateKind::dismissed
                                        : core::ReminderStateKind::snoozed;
        if (!q.getColumn(2).isNull()) s.until = core::from_unix(q.getColumn(2).getInt64());
        states.emplace(q.getColumn(0).getString(), s);
    }
    return states;
}

std::optional<core::Days> opt_days(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(core::Days{c.getInt()});
}

std::vector<core::ContactState> read_cold_candidates(Database& db, core::TimePoint now) {
    SQLite::Statement q(
        db.sql(),
        "SELECT p.id, p.name, p.last_contact_at, coalesce(p.last_channel, 'other'), p.created_at, "
        "p.cadence_days, (SELECT min(c.cadence_days) FROM person_circles pc JOIN circles c "
        " ON c.id = pc.circle_id WHERE pc.person_id = p.id), p.inferred_cadence_days, "
        "p.strength_ref, p.strength_in, p.strength_out, p.strength_mutual "
        "FROM people p WHERE p.cold_due_at <= ? AND p.archived = 0 AND p.is_me = 0");
    q.bind(1, core::to_unix(now));
    std::vector<core::ContactState> out;
    while (q.executeStep()) {
        core::ContactState c;
        c.person_id = q.getColumn(0).getInt64();
        c.person_name = q.getColumn(1).getString();
        if (!q.getColumn(2).isNull()) c.last_contact = core::from_unix(q.getColumn(2).getInt64());
        c.last_channel =
            core::parse_channel(q.getColumn(3).getString()).value_or(core::Channel::other);
        c.added_at = core::from_unix(q.getColumn(4).getInt64());
        c.cadence = core::effective_cadence(opt_days(q.getColumn(5)), opt_days(q.getColumn(6)),
                                            opt_days(q.getColumn(7)));
        c.strength = core::strength_score(sums_at(q, 8), now);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<core::FollowUpDue> read_due_followups(Database& db, core::TimePoint due_by) {
    SQLite::Statement q(
        db.sql(),
        "SELECT f.id, f.text, f.due_at, coalesce(i.channel, 'in_person'), p.id, "
        "coalesce(p.name, '') FROM followups f "
        "LEFT JOIN interactions i ON i.id = f.interaction_id "
        "LEFT JOIN people p ON p.id = (SELECT min(fp.person_id) FROM followup_people fp "
        "                              WHERE fp.followup_id = f.id) "
        "WHERE f.done_at IS NULL AND f.due_at <= ?");
    q.bind(1, core::to_unix(due_by));
    std::vector<core::FollowUpDue> out;
    while (q.executeStep()) {
        core::FollowUpDue f;
        f.followup_id = q.getColumn(0).getInt64();
        f.text = q.getColumn(1).getString();
        f.due = core::from_unix(q.getColumn(2).getInt64());
        f.channel =
            core::parse_channel(q.getColumn(3).getString()).value_or(core::Channel::in_person);
        if (!q.getColumn(4).isNull()) f.person_id = q.getColumn(4).getInt64();
        f.person_name = q.getColumn(5).getString();
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

Result<core::TodayDigest> load_today(Database& db, const TodayOptions& o) {
    if (auto r = refresh_person_stats(db); !r) return r.error();
    return guarded("today", db.path().string(), [&]() -> Result<core::TodayDigest> {
        const auto states = load_states(db, o.now);
        core::TodayDigest d;
        {
            SQLite::Statement q(db.sql(), std::string(kTailColumns) +
                                              "WHERE t.tail_state = 1 AND t.tail_at >= ? "
                                              "AND p.archived = 0");
            q.bind(1, core::to_unix(o.now - o.conversation_horizon));
            const auto tails = read_tails(q, o.now);
            d.owe_reply = core::owe_reply(tails, states, o.now);
        }
        {
            SQLite::Statement q(db.sql(), std::string(kTailColumns) +
                                              "WHERE t.tail_state = 2 AND t.tail_at < ? "
                                              "AND t.tail_at >= ? AND p.archived = 0");
            q.bind(1, core::to_unix(o.now - o.waiting_after));
            q.bind(2, core::to_unix(o.now - o.conversation_horizon));
            const auto tails = read_tails(q, o.now);
            d.waiting = core::waiting_on_them(tails, states, o.now, o.waiting_after);
        }
        const auto cold = read_cold_candidates(db, o.now);
        d.going_cold = core::going_cold(cold, states, o.now);
        const auto due = read_due_followups(db, o.due_by);
        d.followups = core::followups_due(due, states, o.due_by);
        return d;
    });
}

Result<void> act_on_today_item(Database& db, const std::string& item_id, TodayAction action,
                               std::optional<core::TimePoint> until, core::TimePoint now) {
    const auto colon = item_id.find(':');
    const auto rule = core::parse_reminder_rule(item_id.substr(0, colon));
    std::int64_t number = 0;
    try {
        if (colon != std::string::npos) number = std::stoll(item_id.substr(colon + 1));
    } catch (...) {
        number = 0;
    }
    if (!rule || number <= 0)
        return make_error(ErrorCode::invalid_input, "'" + item_id + "' is not a Today item id",
                          "Ids look like owe_reply:12, waiting:40, going_cold:7 or followup:3; "
                          "see `kith-cli today`.");
    if (action == TodayAction::snooze && !until)
        return make_error(ErrorCode::invalid_input, "snooze needs a date",
                          "Example: kith-cli today snooze " + item_id + " --until \"next week\"");

    if (*rule == core::ReminderRule::followup) {
        FollowUpRepo repo(db);
        return action == TodayAction::snooze ? repo.reschedule(number, *until)
                                             : repo.mark_done(number, now);
    }
    return guarded("update reminder", db.path().string(), [&]() -> Result<void> {
        core::ReminderItem item;
        item.rule = *rule;
        if (*rule == core::ReminderRule::going_cold) {
            SQLite::Statement q(db.sql(),
                                "SELECT coalesce(last_contact_at, created_at) FROM people "
                                "WHERE id = ?");
            q.bind(1, number);
            if (!q.executeStep())
                return make_error(ErrorCode::not_found, "no person with id " +
                                                            std::to_string(number));
            item.person_id = number;
            item.at = core::from_unix(q.getColumn(0).getInt64());
        } else {
            SQLite::Statement q(db.sql(), "SELECT 1 FROM interactions WHERE id = ?");
            q.bind(1, number);
            if (!q.executeStep())
                return make_error(ErrorCode::not_found, "no interaction with id " +
                                                            std::to_string(number),
                                  "Ids come from `kith-cli today`.");
            item.interaction_id = number;
        }
        SQLite::Statement up(db.sql(),
                             "INSERT INTO reminder_states(subject, state, until, updated_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT(subject) DO UPDATE SET "
                             "state = excluded.state, until = excluded.until, "
                             "updated_at = excluded.updated_at");
        up.bind(1, core::reminder_subject(item));
        up.bind(2, action == TodayAction::done      ? "done"
                   : action == TodayAction::dismiss ? "dismissed"
                                                    : "snoozed");
        if (action == TodayAction::snooze) up.bind(3, core::to_unix(*until)); else up.bind(3);
        up.bind(4, core::to_unix(now));
        up.exec();
        return {};
    });
}

}  // namespace kith::db
