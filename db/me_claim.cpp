#include "db/me_claim.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <set>
#include <vector>

#include "core/channel.h"
#include "core/tail_state.h"
#include "db/database.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"
#include "db/person_stats.h"
#include "db/savepoint.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

// Runs one statement about one row id; returns how many rows it changed.
int exec_for(Database& db, const char* sql, std::int64_t id) {
    auto q = db.statement(sql);
    q->bind(1, id);
    q->exec();
    return db.sql().getChanges();
}

struct Appearance {
    std::int64_t interaction_id = 0;
    std::string role;
    std::int64_t thread_id = 0;  ///< 0: none
};

std::vector<Appearance> appearances(Database& db, std::int64_t identity_id) {
    auto q = db.statement(
        "SELECT p.interaction_id, p.role, coalesce(i.thread_id, 0) FROM participants p "
        "JOIN interactions i ON i.id = p.interaction_id WHERE p.identity_id = ?");
    q->bind(1, identity_id);
    std::vector<Appearance> out;
    while (q->executeStep())
        out.push_back(
            {q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getInt64()});
    return out;
}

// The importers' rules once the identity is known to be mine (import/email_message_parser.cpp:
// sent by me → out; email personal = not bulk and (mine or to me)).
void rederive(Database& db, const Appearance& a, std::int64_t identity_id) {
    const bool sender = a.role == "from" || a.role == "author";
    const bool addressed = a.role == "to" || a.role == "cc";
    auto u = db.statement(
        "UPDATE interactions SET direction = CASE WHEN ?2 THEN 'out' ELSE direction END, "
        "personal = CASE WHEN channel = 'email' AND (?2 OR ?3) THEN NOT bulk ELSE personal END "
        "WHERE id = ?1");
    u->bind(1, a.interaction_id);
    u->bind(2, sender);
    u->bind(3, addressed);
    u->exec();
    auto d = db.statement("DELETE FROM participants WHERE interaction_id = ? AND identity_id = ?");
    d->bind(1, a.interaction_id);
    d->bind(2, identity_id);
    d->exec();
}

// Others who took part in the interaction: their caches change with its direction.
void mark_participants_dirty(Database& db, std::int64_t interaction_id) {
    exec_for(db,
             "UPDATE people SET stats_dirty = 1 WHERE id IN "
             "(SELECT person_id FROM participants WHERE interaction_id = ?)",
             interaction_id);
}

bool remove_if_alone(Database& db, std::int64_t interaction_id) {
    return exec_for(db,
                    "DELETE FROM interactions WHERE id = ?1 AND NOT EXISTS "
                    "(SELECT 1 FROM participants WHERE interaction_id = ?1)",
                    interaction_id) > 0;
}

// The conversation's last word, as the import writer keeps it: the latest interaction by (at, id);
// with the sender of what came in, the first recipient of what went out.
void recompute_tail(Database& db, std::int64_t thread_id) {
    auto last = db.statement(
        "SELECT id, at, kind, direction, personal, bulk FROM interactions WHERE thread_id = ? "
        "ORDER BY at DESC, id DESC LIMIT 1");
    last->bind(1, thread_id);
    if (!last->executeStep()) {
        // Its only message was one imports skip (to myself): the thread goes with it.
        exec_for(db, "DELETE FROM threads WHERE id = ?", thread_id);
        return;
    }
    const auto id = last->getColumn(0).getInt64();
    const auto at = last->getColumn(1).getInt64();
    const auto kind = core::parse_kind(last->getColumn(2).getString());
    const auto dir = core::parse_direction(last->getColumn(3).getString());
    const bool personal = last->getColumn(4).getInt() != 0;
    const bool bulk = last->getColumn(5).getInt() != 0;
    const int state =
        kind && dir ? static_cast<int>(core::tail_state(*dir, personal, bulk, *kind)) : 0;
    auto who = db.statement(
        "SELECT person_id FROM participants WHERE interaction_id = ?1 ORDER BY "
        "CASE WHEN ?2 AND role IN ('from', 'author') THEN 0 WHEN role = 'to' THEN 1 "
        "WHEN role = 'cc' THEN 2 ELSE 3 END, person_id LIMIT 1");
    who->bind(1, id);
    who->bind(2, dir == core::Direction::in);
    const std::int64_t person = who->executeStep() ? who->getColumn(0).getInt64() : 0;
    auto u = db.statement(
        "UPDATE threads SET tail_interaction_id = ?2, tail_person_id = ?3, tail_at = ?4, "
        "tail_state = ?5 WHERE id = ?1");
    u->bind(1, thread_id);
    u->bind(2, id);
    u->bind(3, person);
    u->bind(4, at);
    u->bind(5, state);
    u->exec();
}

// A person who was only ever this identity is me under another name: hidden, not deleted.
bool archive_if_empty(Database& db, std::int64_t person_id) {
    return exec_for(db,
                    "UPDATE people SET archived = 1, stats_dirty = 1 WHERE id = ?1 AND is_me = 0 "
                    "AND NOT EXISTS (SELECT 1 FROM identities WHERE person_id = ?1) "
                    "AND NOT EXISTS (SELECT 1 FROM participants WHERE person_id = ?1)",
                    person_id) > 0;
}

// Claims `identity` (see claim_identity_as_mine), in the caller's transaction.
Result<MeClaim> claim_rows(Database& db, const core::Identity& identity, core::TimePoint now) {
    MeClaim claim;
    auto me = PeopleRepo(db).me(now);
    if (!me) return me.error();
    claim.me_id = *me;
    auto find = db.statement(
        "SELECT i.id, i.person_id, p.name FROM identities i "
        "JOIN people p ON p.id = i.person_id WHERE i.kind = ? AND i.value = ?");
    find->bind(1, std::string(core::to_string(identity.kind)));
    find->bind(2, identity.value);
    const bool found = find->executeStep();
    claim.already_mine = found && find->getColumn(1).getInt64() == *me;
    if (!found || claim.already_mine) {
        find->reset();
        if (claim.already_mine) return claim;
        if (auto added = IdentityRepo(db).add(*me, identity, now); !added) return added.error();
        return claim;
    }
    const auto identity_id = find->getColumn(0).getInt64();
    claim.previous_person_id = find->getColumn(1).getInt64();
    claim.previous_person_name = find->getColumn(2).getString();
    find->reset();

    std::set<std::int64_t> threads;
    for (const auto& a : appearances(db, identity_id)) {
        rederive(db, a, identity_id);
        mark_participants_dirty(db, a.interaction_id);
        if (remove_if_alone(db, a.interaction_id))
            ++claim.interactions_removed;
        else
            ++claim.interactions_changed;
        if (a.thread_id) threads.insert(a.thread_id);
    }
    for (const auto t : threads) recompute_tail(db, t);
    claim.threads_changed = static_cast<std::int64_t>(threads.size());

    auto move = db.statement("UPDATE identities SET person_id = ? WHERE id = ?");
    move->bind(1, *me);
    move->bind(2, identity_id);
    move->exec();
    exec_for(db, "UPDATE people SET stats_dirty = 1 WHERE id = ?", claim.previous_person_id);
    claim.previous_person_archived = archive_if_empty(db, claim.previous_person_id);
    return claim;
}

}  // namespace

Result<MeClaim> claim_identity_as_mine(Database& db, const core::Identity& identity,
                                       core::TimePoint now) {
    const auto claim = [&]() -> Result<MeClaim> { return claim_rows(db, identity, now); };
    // Inside a caller's transaction (an import claiming its source's owner in its open batch)
    // that transaction makes the claim all or nothing: ImportSink fails the run on an error,
    // which drops the batch. No savepoint of its own then: under a nested savepoint SQLite keeps
    // every statement's undo until the savepoint ends, which made a claim that redoes 20,000
    // interactions several times slower. The caller refreshes the people's caches after.
    if (!outside_transaction(db))
        return guarded("claim an identity as mine", db.path().string(), claim);
    // Alone, a savepoint that begins a transaction of its own.
    auto result = atomically(db, "claim an identity as mine", "kith_me_claim", claim);
    if (result) (void)refresh_person_stats(db);
    return result;
}

}  // namespace kith::db
