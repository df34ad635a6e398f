#include "db/today_queries.h"

#include <algorithm>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string_view>
#include <vector>

#include "core/strength.h"
#include "db/database.h"
#include "db/followup_repo.h"
#include "db/interaction_storage.h"
#include "db/person_stats.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

// Phase one reads only cached, indexed columns: the tail state already says "personal, not
// bulk, meaningful, in/out", so the rules need no text to decide and rank. The candidates come
// from covering indexes; people's strength is read once in one pass instead of one B-tree seek
// per candidate (a large digest has tens of thousands of candidates).
constexpr const char* kTailCandidates =
    "SELECT t.id, t.tail_interaction_id, t.tail_person_id, t.tail_at FROM threads t ";

/// A statement read with SQLite's own column calls. SQLiteCpp's getColumn copies a shared_ptr
/// per call; at ~150,000 rows per digest (50,000 people) that was a fifth of the digest's cost.
/// Errors throw SQLite::Exception, like SQLiteCpp (guarded() turns them into Errors).
class Row {
  public:
    Row(Database& db, const char* sql) : m_db(db.sql().getHandle()) {
        check(sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr));
    }
    ~Row() { sqlite3_finalize(m_stmt); }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    void bind(int i, std::int64_t v) { check(sqlite3_bind_int64(m_stmt, i, v)); }
    bool step() {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) check(rc);
        return false;
    }
    std::int64_t i64(int c) const { return sqlite3_column_int64(m_stmt, c); }
    double real(int c) const { return sqlite3_column_double(m_stmt, c); }
    bool null(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
    std::string_view text(int c) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, c));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c)))
                 : std::string_view();
    }

  private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
    }
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

core::StrengthSums sums_at(const Row& r, int first) {
    core::StrengthSums s;
    s.ref = core::from_unix(r.i64(first));
    s.in = r.real(first + 1);
    s.out = r.real(first + 2);
    s.mutual = r.real(first + 3);
    return s;
}

/// Strength now of every active person (archived people raise no reminders), by id. Read in id
/// order from a covering index (migration 7), so the lookup is a binary search in two flat
/// arrays: no hash nodes to allocate for 50,000 people.
class ActiveStrengths {
  public:
    ActiveStrengths(Database& db, core::TimePoint now) {
        Row row(db,
                "SELECT id, strength_ref, strength_in, strength_out, strength_mutual "
                "FROM people WHERE archived = 0 ORDER BY id");
        while (row.step()) {
            m_ids.push_back(row.i64(0));
            m_scores.push_back(core::strength_score(sums_at(row, 1), now));
        }
    }
    std::size_t size() const { return m_ids.size(); }
    /// The person's strength, or nullptr when they are archived (or unknown).
    const int* find(std::int64_t id) const {
        const auto it = std::lower_bound(m_ids.begin(), m_ids.end(), id);
        if (it == m_ids.end() || *it != id) return nullptr;
        return &m_scores[static_cast<std::size_t>(it - m_ids.begin())];
    }

  private:
    std::vector<std::int64_t> m_ids;
    std::vector<int> m_scores;
};

std::vector<core::ThreadTail> read_tails(Row& row, core::Direction direction,
                                         const ActiveStrengths& strengths) {
    std::vector<core::ThreadTail> out;
    // Candidates are at most one per thread of a known person; growing the vector from empty
    // costs more than the scan itself at 50,000 people.
    out.reserve(std::min<std::size_t>(strengths.size(), 1u << 16));
    while (row.step()) {
        const auto person = row.i64(2);
        const int* strength = strengths.find(person);
        if (!strength) continue;  // archived
        core::ThreadTail& t = out.emplace_back();
        t.thread_id = row.i64(0);
        t.interaction_id = row.i64(1);
        t.person_id = person;
        t.at = core::from_unix(row.i64(3));
        t.direction = direction;
        t.personal = true;
        t.strength = *strength;
    }
    return out;
}

// Phase two: what the kept conversation items show.
void fill_conversation_details(Database& db, std::vector<core::ReminderItem>& items) {
    SQLite::Statement q(db.sql(),
                        std::string("SELECT i.channel, i.subject, substr(i.text, 1, 200), "
                                    "i.ext_id, ") +
                            kUrlColumn +
                            ", coalesce(t.key, ''), p.name FROM interactions i "
                            "LEFT JOIN threads t ON t.id = i.thread_id "
                            "JOIN people p ON p.id = ? WHERE i.id = ?");
    for (auto& item : items) {
        q.reset();
        q.bind(1, item.person_id);
        q.bind(2, item.interaction_id);
        if (!q.executeStep()) continue;
        item.channel =
            core::parse_channel(q.getColumn(0).getString()).value_or(core::Channel::other);
        item.subject = q.getColumn(1).getString();
        item.excerpt = q.getColumn(2).getString();
        item.external_id = q.getColumn(3).getString();
        item.url = q.getColumn(4).getString();
        item.thread_key = q.getColumn(5).getString();
        item.person_name = q.getColumn(6).getString();
    }
}

void fill_person_details(Database& db, std::vector<core::ReminderItem>& items) {
    SQLite::Statement q(db.sql(),
                        "SELECT name, coalesce(last_channel, 'other') FROM people WHERE id = ?");
    for (auto& item : items) {
        q.reset();
        q.bind(1, item.person_id);
        if (!q.executeStep()) continue;
        item.person_name = q.getColumn(0).getString();
        item.channel =
            core::parse_channel(q.getColumn(1).getString()).value_or(core::Channel::other);
    }
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

std::vector<core::ContactState> read_cold_candidates(Database& db, core::TimePoint now) {
    Row row(db,
            "SELECT id, last_contact_at, created_at, cadence_source, cadence_eff_days, "
            "strength_ref, strength_in, strength_out, strength_mutual FROM people "
            "WHERE cold_due_at <= ? AND archived = 0 AND is_me = 0");
    row.bind(1, core::to_unix(now));
    std::vector<core::ContactState> out;
    while (row.step()) {
        core::ContactState& c = out.emplace_back();
        c.person_id = row.i64(0);
        if (!row.null(1)) c.last_contact = core::from_unix(row.i64(1));
        c.added_at = core::from_unix(row.i64(2));
        c.cadence.source =
            core::parse_cadence_source(row.text(3)).value_or(core::CadenceSource::none);
        c.cadence.days = core::Days{row.i64(4)};
        c.strength = core::strength_score(sums_at(row, 5), now);
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

Result<core::TodayDigest> load_today(Database& db, const TodayOptions& o, TodayCounts* counts) {
    // A writer (an import in the app) may hold the lock: the digest then uses the caches as
    // they are, a few people possibly one batch behind, rather than failing.
    if (auto r = refresh_person_stats(db); !r && r.error().code != core::ErrorCode::locked)
        return r.error();
    return guarded("today", db.path().string(), [&]() -> Result<core::TodayDigest> {
        const auto states = load_states(db, o.now);
        const auto horizon = core::to_unix(o.now - o.conversation_horizon);
        core::TodayDigest d;
        TodayCounts c;
        const ActiveStrengths strengths(db, o.now);
        {
            Row q(db, (std::string(kTailCandidates) + "WHERE t.tail_state = 1 AND t.tail_at >= ?")
                          .c_str());
            q.bind(1, horizon);
            d.owe_reply = core::owe_reply(read_tails(q, core::Direction::in, strengths), states,
                                          o.now, o.limit, &c.owe_reply);
        }
        {
            Row q(db, (std::string(kTailCandidates) +
                       "WHERE t.tail_state = 2 AND t.tail_at < ? AND t.tail_at >= ?")
                          .c_str());
            q.bind(1, core::to_unix(o.now - o.waiting_after));
            q.bind(2, horizon);
            d.waiting = core::waiting_on_them(read_tails(q, core::Direction::out, strengths),
                                              states, o.now, o.waiting_after, o.limit, &c.waiting);
        }
        d.going_cold = core::going_cold(read_cold_candidates(db, o.now), states, o.now, o.limit,
                                        &c.going_cold);
        d.followups = core::followups_due(read_due_followups(db, o.due_by), states, o.due_by);
        c.followups = d.followups.size();
        if (o.limit > 0 && d.followups.size() > o.limit) d.followups.resize(o.limit);
        if (counts) *counts = c;
        fill_conversation_details(db, d.owe_reply);
        fill_conversation_details(db, d.waiting);
        fill_person_details(db, d.going_cold);
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
                return make_error(ErrorCode::not_found,
                                  "no person with id " + std::to_string(number));
            item.person_id = number;
            item.at = core::from_unix(q.getColumn(0).getInt64());
        } else {
            SQLite::Statement q(db.sql(), "SELECT 1 FROM interactions WHERE id = ?");
            q.bind(1, number);
            if (!q.executeStep())
                return make_error(ErrorCode::not_found,
                                  "no interaction with id " + std::to_string(number),
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
        if (action == TodayAction::snooze)
            up.bind(3, core::to_unix(*until));
        else
            up.bind(3);
        up.bind(4, core::to_unix(now));
        up.exec();
        return {};
    });
}

}  // namespace kith::db
