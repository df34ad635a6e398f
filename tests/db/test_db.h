#pragma once
// Shared helpers for the database tests: the injected "now", opening real database files in a
// TempDir, building interaction records, writing them through the real ImportSink, and reading
// the Today digest.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/reminders.h"
#include "core/result.h"
#include "core/time.h"
#include "db/database.h"
#include "db/import_sink.h"
#include "db/people_repo.h"
#include "db/today_queries.h"
#include "tests/db/temp_dir.h"

namespace kith::test {

/// "Now" for every database test: Wednesday 2026-11-25 12:00 UTC. Nothing reads the system clock.
inline constexpr core::TimePoint kNow =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 25} + std::chrono::hours{12};

inline core::TimePoint days_ago(int n, core::TimePoint from = kNow) {
    return from - core::Days{n};
}

/// The last second of the UTC day holding `t` (the Today digest's due_by in UTC).
inline core::TimePoint end_of_utc_day(core::TimePoint t) {
    return std::chrono::floor<core::Days>(t) + core::Days{1} - std::chrono::seconds{1};
}

/// "message (hint)" of a failed Result, "" for a successful one; for REQUIRE_MESSAGE.
template <class T>
std::string error_text(const core::Result<T>& r) {
    return r ? std::string() : r.error().message + " (hint: " + r.error().hint + ")";
}

/// Opens (creating or migrating) a database file; the test stops if that fails.
inline std::unique_ptr<db::Database> open_db(const fs::path& path) {
    auto r = db::Database::open(path);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
    return std::move(*r);
}

/// A new database file `kith.db` in `dir`.
inline std::unique_ptr<db::Database> new_db(const TempDir& dir) {
    return open_db(dir / "kith.db");
}

inline std::int64_t count_rows(db::Database& db, const std::string& table) {
    return db.sql().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

/// Someone reachable by email.
inline core::Participant someone(const std::string& email, const std::string& name,
                                 core::ParticipantRole role = core::ParticipantRole::from) {
    return {core::Identity{core::IdentityKind::email, email, email}, name, role};
}

inline const core::Participant kAna = someone("ana@example.org", "Ana Ruiz");
inline const core::Participant kBen = someone("ben@example.org", "Ben Okafor");
inline const core::Participant kChloe = someone("chloe@example.org", "Chloé Martin");

/// A personal email in `thread` with `who` (the sender of an inbound message, the recipient of
/// an outbound one), ext id `id` in namespace "test".
inline core::InteractionRecord email(const std::string& id, core::Direction direction,
                                     core::TimePoint at, const std::string& thread,
                                     core::Participant who) {
    core::InteractionRecord r;
    r.channel = core::Channel::email;
    r.kind = core::InteractionKind::message;
    r.direction = direction;
    r.at = at;
    r.ext_ns = "test";
    r.ext_id = id;
    r.thread_key = thread;
    r.subject = "About " + thread;
    r.text = "Text of " + id;
    r.personal = true;
    who.role =
        direction == core::Direction::in ? core::ParticipantRole::from : core::ParticipantRole::to;
    r.participants.push_back(std::move(who));
    return r;
}

/// Writes records through the real ImportSink (as an import would) and commits.
inline db::ImportCounts write_all(db::Database& db,
                                  std::span<const core::InteractionRecord> records,
                                  core::TimePoint now = kNow) {
    db::ImportSink sink(db, std::nullopt, std::nullopt, std::nullopt, now);
    for (const auto& r : records) {
        auto w = sink.interaction(r);
        REQUIRE_MESSAGE(w.ok(), error_text(w));
    }
    auto c = sink.commit();
    REQUIRE_MESSAGE(c.ok(), error_text(c));
    return sink.counts();
}

inline db::ImportCounts write_one(db::Database& db, const core::InteractionRecord& r,
                                  core::TimePoint now = kNow) {
    return write_all(db, std::span(&r, 1), now);
}

/// The person owning an email address; the test stops when there is none.
inline std::int64_t person_with_email(db::Database& db, const std::string& email) {
    auto found = db::PeopleRepo(db).find_by_identity({core::IdentityKind::email, email, email});
    REQUIRE_MESSAGE(found.ok(), error_text(found));
    REQUIRE_MESSAGE(found->has_value(), ("no person has " + email));
    return **found;
}

/// The Today digest at `now` (follow-ups due by the end of that UTC day, waiting after 7 days).
inline core::TodayDigest today_at(db::Database& db, core::TimePoint now = kNow) {
    db::TodayOptions o;
    o.now = now;
    o.due_by = end_of_utc_day(now);
    auto d = db::load_today(db, o);
    REQUIRE_MESSAGE(d.ok(), error_text(d));
    return std::move(*d);
}

/// Applies a Today action; the test stops if it fails.
inline void act(db::Database& db, const std::string& id, db::TodayAction action,
                std::optional<core::TimePoint> until = std::nullopt, core::TimePoint now = kNow) {
    auto r = db::act_on_today_item(db, id, action, until, now);
    REQUIRE_MESSAGE(r.ok(), error_text(r));
}

/// Both full-text indexes agree with their tables: FTS5's integrity-check with rank 1 compares
/// an index with its content and throws when rows are missing from it (interactions written
/// without being indexed) or stale.
inline void check_search_index(db::Database& db) {
    for (const std::string t : {"people_fts", "interactions_fts"}) {
        CAPTURE(t);
        CHECK_NOTHROW(
            db.sql().exec("INSERT INTO " + t + "(" + t + ", rank) VALUES ('integrity-check', 1)"));
    }
}

/// An interaction's direction and the identities taking part, by its ext_id: "out ana@x.org,12".
inline std::string direction_and_participants(db::Database& db, const std::string& ext_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT i.direction, coalesce((SELECT group_concat(v, ',') FROM (SELECT "
                        "d.value AS v FROM participants p JOIN identities d ON d.id = "
                        "p.identity_id WHERE p.interaction_id = i.id ORDER BY d.value)), '') "
                        "FROM interactions i WHERE i.ext_id = ?");
    q.bind(1, ext_id);
    if (!q.executeStep()) return "missing";
    return q.getColumn(0).getString() + " " + q.getColumn(1).getString();
}

/// Ids of the items of one Today list, in order.
inline std::vector<std::string> ids(const std::vector<core::ReminderItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.id);
    return out;
}

/// Person ids of the items of one Today list, in order.
inline std::vector<std::int64_t> person_ids(const std::vector<core::ReminderItem>& items) {
    std::vector<std::int64_t> out;
    for (const auto& i : items) out.push_back(i.person_id);
    return out;
}

}  // namespace kith::test

/// Lists in doctest's failure messages: {a, b, c}.
template <class T>
struct doctest::StringMaker<std::vector<T>> {
    static doctest::String convert(const std::vector<T>& v) {
        doctest::String s = "{";
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + doctest::toString(v[i]);
        return s + "}";
    }
};

/// Error codes by name in doctest's failure messages.
template <>
struct doctest::StringMaker<kith::core::ErrorCode> {
    static doctest::String convert(kith::core::ErrorCode c) {
        static constexpr const char* kNames[] = {
            "invalid_input", "not_found", "ambiguous",           "conflict",    "io",
            "database",      "locked",    "not_a_kith_database", "corrupt",     "too_new",
            "format",        "network",   "cancelled",           "unsupported", "internal"};
        const auto i = static_cast<std::size_t>(c);
        return i < std::size(kNames) ? kNames[i] : "ErrorCode(?)";
    }
};
