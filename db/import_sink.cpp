#include "db/import_sink.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "db/circle_repo.h"
#include "db/contact_repo.h"
#include "db/database.h"
#include "db/followup_repo.h"
#include "db/identity_links.h"
#include "db/identity_repo.h"
#include "db/me_claim.h"
#include "db/people_repo.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {
/// Longer than the busy handler's polling interval (database.cpp), so a waiting writer gets in.
constexpr auto kYieldAfterBatch = std::chrono::milliseconds(5);

// Resets every statement of the connection that still holds a row (the writer's lookups are
// stepped once and kept for reuse), so it keeps no read snapshot between batches: a write
// transaction begun on a stale snapshot fails at once with SQLITE_BUSY_SNAPSHOT, without the busy
// wait, as soon as another process has written. No statement is being iterated at these points.
void end_reads(SQLite::Database& sql) {
    sqlite3* handle = sql.getHandle();
    for (sqlite3_stmt* s = sqlite3_next_stmt(handle, nullptr); s; s = sqlite3_next_stmt(handle, s))
        if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
}
}  // namespace

ImportSink::ImportSink(Database& db, std::optional<std::int64_t> source_id,
                       std::optional<std::int64_t> run_id, std::optional<std::string> cursor,
                       core::TimePoint now, std::size_t batch_size)
    : m_db(db),
      m_writer(db),
      m_source_id(source_id),
      m_run_id(run_id),
      m_cursor(std::move(cursor)),
      m_now(now),
      m_batch_size(batch_size == 0 ? 1 : batch_size) {
    if (auto mine = IdentityRepo(db).mine())
        for (const auto& id : *mine) m_me.emplace(id.kind, id.value);
}

ImportSink::~ImportSink() {
    rollback();
}

Result<void> ImportSink::begin_if_needed() {
    if (m_open) return {};
    return guarded("import", m_db.path().string(), [&]() -> Result<void> {
        end_reads(m_db.sql());
        m_db.sql().exec("BEGIN IMMEDIATE");
        m_open = true;
        return {};
    });
}

Result<void> ImportSink::after_record() {
    if (++m_in_batch < m_batch_size) return {};
    auto r = commit();
    // SQLite's write lock is not fair: a batch starts again right after the commit, and the app
    // or another kith-cli waiting for the lock would rarely get its turn before its busy timeout.
    // A short pause per batch (milliseconds per 10,000 records) lets them in.
    if (r) std::this_thread::sleep_for(kYieldAfterBatch);
    return r;
}

Result<void> ImportSink::commit() {
    if (!m_open) return {};
    auto r = guarded("import", m_db.path().string(), [&]() -> Result<void> {
        m_writer.flush();
        m_db.sql().exec("COMMIT");
        end_reads(m_db.sql());  // the writer's lookups would keep this batch's snapshot open
        return {};
    });
    if (!r) {
        rollback();
        return r;
    }
    m_open = false;
    m_in_batch = 0;
    m_committed = m_counts;
    return {};
}

void ImportSink::rollback() {
    if (!m_open) return;
    try {
        m_db.sql().exec("ROLLBACK");
    } catch (...) {
        // Nothing more can be done; SQLite rolls back itself when the connection closes.
    }
    m_open = false;
    m_in_batch = 0;
    m_writer.clear_cache();
    // What the dropped batch added is gone; warnings stay (they describe the input).
    m_counts.added = m_committed.added;
    m_counts.updated = m_committed.updated;
    m_counts.skipped = m_committed.skipped;
}

void ImportSink::warning(core::ImportWarning w) {
    ++m_counts.warnings;
    if (m_counts.messages.size() < kMaxMessages) m_counts.messages.push_back(std::move(w));
}

void ImportSink::skipped(std::uint64_t n, std::string_view) {
    m_counts.skipped += n;
}

bool ImportSink::is_me(const core::Identity& id) const {
    return m_me.count({id.kind, id.value}) != 0;
}

bool ImportSink::is_mine_now(const core::Identity& id) const {
    return is_me(id) || m_claimed.count({id.kind, id.value}) != 0;
}

Result<void> ImportSink::owner_identity(const core::Identity& id) {
    if (id.value.empty() || is_mine_now(id)) return {};
    if (auto b = begin_if_needed(); !b) return b;
    // The claim rewrites rows this batch may have written (participants, thread tails): the
    // writer indexes what it added first and forgets the ids it cached (an identity that moves
    // to me, a thread the claim empties).
    auto flushed = guarded("import", m_db.path().string(), [&]() -> Result<void> {
        m_writer.flush();
        return {};
    });
    if (!flushed) return flushed;
    m_writer.clear_cache();
    auto claimed = claim_identity_as_mine(m_db, id, m_now);
    if (!claimed) return claimed.error();
    m_claimed.emplace(id.kind, id.value);
    // Where it came from, as for every identity a source names: `me show` lists it.
    return note_seen_name(id, id.display.empty() ? id.value : id.display);
}

Result<void> ImportSink::note_seen_name(const core::Identity& id, const std::string& name) {
    return guarded("import", m_db.path().string(), [&]() -> Result<void> {
        auto q = m_db.statement(
            "INSERT OR IGNORE INTO identity_names(identity_id, name, source_id, first_seen) "
            "SELECT id, ?, ?, ? FROM identities WHERE kind = ? AND value = ?");
        q->bind(1, name);
        if (m_source_id)
            q->bind(2, *m_source_id);
        else
            q->bind(2);
        q->bind(3, core::to_unix(m_now));
        q->bind(4, std::string(core::to_string(id.kind)));
        q->bind(5, id.value);
        q->exec();
        return {};
    });
}

void ImportSink::count(WriteOutcome o) {
    switch (o) {
        case WriteOutcome::added:
            ++m_counts.added;
            break;
        case WriteOutcome::updated:
            ++m_counts.updated;
            break;
        case WriteOutcome::unchanged:
            ++m_counts.skipped;
            break;
    }
}

std::vector<ResolvedParticipant> ImportSink::resolve_all(const std::vector<core::Participant>& ps) {
    std::vector<ResolvedParticipant> out;
    out.reserve(ps.size());
    for (const auto& p : ps) {
        if (p.identity.value.empty() || is_mine_now(p.identity)) continue;
        auto r = m_writer.resolve(p, m_source_id, m_now);
        bool seen = false;
        for (const auto& o : out) seen = seen || o.person_id == r.person_id;
        if (!seen) out.push_back(r);
    }
    return out;
}

Result<void> ImportSink::interaction(const core::InteractionRecord& r) {
    if (r.ext_ns.empty() || r.ext_id.empty()) {
        warning({r.ext_id, "record without an id skipped"});
        return {};
    }
    if (auto b = begin_if_needed(); !b) return b;
    auto w = guarded("import", m_db.path().string(), [&]() -> Result<void> {
        const auto people = resolve_all(r.participants);
        count(m_writer.write(r, people, m_source_id, m_run_id).first);
        return {};
    });
    if (!w) return w;
    return after_record();
}

Result<void> ImportSink::follow_edge(const core::FollowEdgeRecord& r) {
    if (r.their.value.empty() || is_mine_now(r.their)) return {};
    if (auto b = begin_if_needed(); !b) return b;
    auto w = guarded("import", m_db.path().string(), [&]() -> Result<void> {
        const auto who = m_writer.resolve({r.their, r.display_name, core::ParticipantRole::author},
                                          m_source_id, m_now);
        const auto seen = core::to_unix(r.seen_at);
        auto find_stmt = m_db.statement(
            "SELECT id, last_seen, ended_at FROM follow_edges "
            "WHERE network = ? AND identity_id = ? AND direction = ?");
        auto& find = *find_stmt;
        find.bind(1, std::string(core::to_string(r.network)));
        find.bind(2, *who.identity_id);
        find.bind(3, std::string(core::to_string(r.direction)));
        if (find.executeStep()) {
            const bool ended = !find.getColumn(2).isNull();
            // A sighting from before the edge ended (an older archive imported after a newer
            // one) neither revives it nor moves its dates.
            const bool stale = ended && find.getColumn(2).getInt64() >= seen;
            if ((find.getColumn(1).getInt64() >= seen && !ended) || stale) {
                count(WriteOutcome::unchanged);
                return {};
            }
            auto up_stmt = m_db.statement(
                "UPDATE follow_edges SET last_seen = max(last_seen, ?), "
                "ended_at = NULL WHERE id = ?");
            auto& up = *up_stmt;
            up.bind(1, seen);
            up.bind(2, find.getColumn(0).getInt64());
            up.exec();
            count(WriteOutcome::updated);
            return {};
        }
        auto ins_stmt = m_db.statement(
            "INSERT INTO follow_edges(network, identity_id, direction, "
            "first_seen, last_seen) VALUES (?, ?, ?, ?, ?)");
        auto& ins = *ins_stmt;
        ins.bind(1, std::string(core::to_string(r.network)));
        ins.bind(2, *who.identity_id);
        ins.bind(3, std::string(core::to_string(r.direction)));
        ins.bind(4, seen);
        ins.bind(5, seen);
        ins.exec();
        count(WriteOutcome::added);
        return {};
    });
    if (!w) return w;
    return after_record();
}

Result<void> ImportSink::follow_snapshot_complete(core::Channel network,
                                                  core::FollowDirection direction,
                                                  core::TimePoint seen_at) {
    if (auto b = begin_if_needed(); !b) return b;
    return guarded("import", m_db.path().string(), [&]() -> Result<void> {
        SQLite::Statement end(m_db.sql(),
                              "UPDATE follow_edges SET ended_at = ? WHERE network = ? AND "
                              "direction = ? AND last_seen < ? AND ended_at IS NULL");
        end.bind(1, core::to_unix(seen_at));
        end.bind(2, std::string(core::to_string(network)));
        end.bind(3, std::string(core::to_string(direction)));
        end.bind(4, core::to_unix(seen_at));
        m_counts.updated += static_cast<std::uint64_t>(end.exec());
        return {};
    });
}

namespace {

std::string name_of(const core::ContactRecord& r, const core::Identity& id) {
    if (!r.display_name.empty()) return r.display_name;
    return id.display.empty() ? id.value : id.display;
}

}  // namespace

Result<void> ImportSink::contact(const core::ContactRecord& r) {
    if (r.identities.empty() && r.display_name.empty()) {
        warning({r.ext_id, "contact without a name or identity skipped"});
        return {};
    }
    if (auto b = begin_if_needed(); !b) return b;
    PeopleRepo people(m_db);
    IdentityRepo identities(m_db);
    ContactRepo cards(m_db);
    std::optional<std::int64_t> person;
    if (!r.ext_id.empty()) {  // the person this card made before, even without identities
        auto known = cards.find_card(r.ext_ns, r.ext_id);
        if (!known) return known.error();
        person = *known;
    }
    for (const auto& id : r.identities) {
        if (person) break;
        auto found = people.find_by_identity(id);
        if (!found) return found.error();
        if (*found) {
            person = **found;
            break;
        }
    }
    if (!person && r.identities.empty()) {
        // A card with a name only (an old LinkedIn row, Kith's own export of someone without
        // identities) has no better evidence: it joins the one person of exactly that name.
        auto named = people.find_by_name(r.display_name);
        if (!named) return named.error();
        if (named->size() == 1 && !named->front().is_me) person = named->front().id;
    }
    bool created = false;
    if (!person) {
        const std::string name = r.display_name.empty() ? (r.identities.front().display.empty()
                                                               ? r.identities.front().value
                                                               : r.identities.front().display)
                                                        : r.display_name;
        // Indexed for search by the batch's flush (commit): the trigger path made every new
        // card cost two FTS5 segment writes, a third of a blog or Disqus import.
        auto added = people.add(name, r.notes, m_now, /*index_later=*/true);
        if (!added) return added.error();
        person = *added;
        created = true;
    }
    bool changed = false;
    std::optional<core::Identity> anchor;  ///< an identity of `person` named by this record
    for (const auto& id : r.identities) {
        auto owner = people.find_by_identity(id);
        if (!owner) return owner.error();
        if (*owner && **owner != *person) {
            // The card says one person, the database has two: the resolver merges them (or asks).
            auto linked = guarded("import", m_db.path().string(), [&]() -> Result<void> {
                record_identity_link(m_db, anchor.value_or(id), id, r.ext_ns + " " + r.ext_id,
                                     m_now);
                return {};
            });
            if (!linked) return linked;
            continue;
        }
        if (!anchor) anchor = id;
        if (*owner) continue;
        if (auto a = identities.add(*person, id, m_now); !a) return a.error();
        // The card's name as seen on this identity, with its source: "where did this email come
        // from" (Followers → email) has an answer for contacts too.
        if (auto seen = note_seen_name(id, name_of(r, id)); !seen) return seen;
        changed = true;
    }
    CircleRepo circles(m_db);
    for (const auto& name : r.circles) {
        auto c = circles.get_or_create(name, m_now);
        if (!c) return c.error();
        if (auto a = circles.assign(*person, *c); !a) return a;
    }
    if (r.cadence_days) {
        auto row = people.get(*person);
        if (!row) return row.error();
        if (!row->cadence_days) {
            if (auto s = people.set_cadence(*person, r.cadence_days, m_now); !s) return s;
            changed = true;
        }
    }
    auto enriched = cards.enrich(*person, r, m_now);
    if (!enriched) return enriched.error();
    changed = changed || (*enriched && !created);
    if (!r.ext_id.empty())
        if (auto l = cards.link_card(r.ext_ns, r.ext_id, *person); !l) return l;
    auto events = contact_events(r, *person);
    if (!events) return events.error();
    changed = changed || *events;
    count(created   ? WriteOutcome::added
          : changed ? WriteOutcome::updated
                    : WriteOutcome::unchanged);
    return after_record();
}

Result<bool> ImportSink::contact_events(const core::ContactRecord& r, std::int64_t person) {
    bool added = false;
    const ResolvedParticipant them{person, std::nullopt, core::ParticipantRole::attendee};
    for (const auto& e : r.events) {
        auto w = guarded("import", m_db.path().string(), [&]() -> Result<WriteOutcome> {
            return m_writer.write(e, {&them, 1}, m_source_id, m_run_id).first;
        });
        if (!w) return w.error();
        added = added || *w == WriteOutcome::added;
    }
    return added;
}

Result<void> ImportSink::followup(const core::FollowUpRecord& r) {
    if (r.ext_ns.empty() || r.ext_id.empty()) {
        warning({r.ext_id, "follow-up without an id skipped"});
        return {};
    }
    if (auto b = begin_if_needed(); !b) return b;
    NewFollowUp f;
    f.text = r.text;
    f.due = r.due;
    f.ext_ns = r.ext_ns;
    f.ext_id = r.ext_id;
    f.done = r.done;
    auto resolved = guarded(
        "import", m_db.path().string(),
        [&]() -> Result<std::vector<ResolvedParticipant>> { return resolve_all(r.people); });
    if (!resolved) return resolved.error();
    for (const auto& p : *resolved) f.person_ids.push_back(p.person_id);
    auto added = FollowUpRepo(m_db).add(f, m_now);
    if (!added) return added.error();
    count(added->second);
    return after_record();
}

}  // namespace kith::db
