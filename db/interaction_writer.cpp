#include "db/interaction_writer.h"

#include <SQLiteCpp/Database.h>

#include "core/search_fold.h"
#include "core/tail_state.h"
#include "db/column_equals.h"
#include "db/database.h"
#include "db/interaction_storage.h"

namespace kith::db {

namespace {

// Caches stay small enough for any mailbox; when they fill up they are simply cleared.
constexpr std::size_t kMaxCache = 200'000;

std::string identity_key(const core::Identity& id) {
    return std::string(core::to_string(id.kind)) + '\x1f' + id.value;
}

// Which participant a conversation's tail is "with": the sender of what came in, the first
// recipient of what went out.
std::int64_t tail_person(const core::InteractionRecord& r,
                         std::span<const ResolvedParticipant> people) {
    if (people.empty()) return 0;
    if (r.direction == core::Direction::in) {
        for (const auto& p : people)
            if (p.role == core::ParticipantRole::from || p.role == core::ParticipantRole::author)
                return p.person_id;
    }
    return people.front().person_id;
}

void bind_url(SQLite::Statement& q, int index, const std::string* url) {
    if (url)
        q.bindNoCopy(index, *url);
    else
        q.bind(index);  // the ext_id's mid: URL, see stored_url
}

}  // namespace

InteractionWriter::InteractionWriter(Database& db)
    : m_db(db),
      m_find_identity(db.sql(),
                      "SELECT id, person_id FROM identities WHERE kind = ? AND value = ?"),
      // fts_pending: flush() adds the batch's new people to search in one statement (see
      // migration 6); the insert triggers would flush an FTS5 segment per person.
      m_insert_person(db.sql(),
                      "INSERT INTO people(name, created_at, updated_at, search_alias, fts_pending) "
                      "VALUES (?, ?, ?, ?, 1)"),
      m_insert_identity(db.sql(),
                        "INSERT INTO identities(person_id, kind, value, display, created_at) "
                        "VALUES (?, ?, ?, ?, ?)"),
      m_insert_name(
          db.sql(),
          "INSERT OR IGNORE INTO identity_names(identity_id, name, source_id, first_seen) "
          "VALUES (?, ?, ?, ?)"),
      m_find_interaction(
          db.sql(),
          // By the digest's index; the texts decide between ids sharing a digest (migration 9).
          std::string("SELECT id, at, kind, direction, subject, text, ") + kUrlColumn +
              ", place, personal, bulk, thread_id FROM interactions i "
              "WHERE ext_hash = ? AND ext_ns = ? AND ext_id = ?"),
      m_insert_interaction(
          db.sql(),
          "INSERT INTO interactions(channel, kind, direction, at, thread_id, source_id, run_id, "
          "ext_ns, ext_id, subject, text, url, place, personal, bulk, ext_hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      m_update_interaction(db.sql(),
                           "UPDATE interactions SET at = ?, kind = ?, direction = ?, subject = ?, "
                           "text = ?, url = ?, place = ?, personal = ?, bulk = ? WHERE id = ?"),
      m_insert_participant(db.sql(),
                           "INSERT OR IGNORE INTO participants(interaction_id, person_id, "
                           "identity_id, role, at) VALUES (?, ?, ?, ?, ?)"),
      m_mark_dirty(db.sql(), "UPDATE people SET stats_dirty = 1 WHERE id = ? AND stats_dirty = 0"),
      m_index_fts(db.sql(),
                  "INSERT INTO interactions_fts(rowid, subject, text, place) "
                  "SELECT id, subject, text, place FROM interactions WHERE id >= ?"),
      m_find_thread(db.sql(), "SELECT id FROM threads WHERE channel = ? AND key = ?"),
      // A thread not in the cache is usually new: insert first, look up only on a conflict.
      m_insert_thread(db.sql(),
                      "INSERT INTO threads(channel, key) VALUES (?, ?) "
                      "ON CONFLICT(channel, key) DO NOTHING"),
      m_update_tail(db.sql(),
                    "UPDATE threads SET tail_interaction_id = ?2, tail_person_id = ?3, "
                    "tail_at = ?4, tail_state = ?5 WHERE id = ?1 AND (tail_at IS NULL "
                    "OR tail_at < ?4 OR (tail_at = ?4 AND tail_interaction_id <= ?2))") {}

const std::string& InteractionWriter::enum_name(std::string_view n) {
    auto it = m_names.find(n);
    if (it == m_names.end()) it = m_names.emplace(n).first;
    return *it;
}

void InteractionWriter::clear_cache() {
    m_identity_cache.clear();
    m_thread_cache.clear();
    m_dirty.clear();
    m_unindexed_from.reset();
}

void InteractionWriter::flush() {
    // The people this writer created (fts_pending, migration 6) join people search: the row the
    // insert triggers of migration 3 would have built, for the whole batch in one statement.
    // Both statements are lookups in people_fts_pending that find nothing when no one is pending.
    m_db.statement(
            "INSERT INTO people_fts(rowid, name, notes, identities) "
            "SELECT p.id, p.name || ' ' || p.search_alias, p.notes, "
            "coalesce((SELECT group_concat(i.value || ' ' || i.display, ' ') "
            "FROM identities i WHERE i.person_id = p.id), '') "
            "FROM people p WHERE p.fts_pending = 1")
        ->exec();
    m_db.statement("UPDATE people SET fts_pending = 0 WHERE fts_pending = 1")->exec();
    if (m_unindexed_from) {
        // Every id from here on was inserted by this writer in the current transaction.
        m_index_fts.reset();
        m_index_fts.bind(1, *m_unindexed_from);
        m_index_fts.exec();
        m_unindexed_from.reset();
    }
    for (const auto id : m_dirty) {
        m_mark_dirty.reset();
        m_mark_dirty.bind(1, id);
        m_mark_dirty.exec();
    }
    m_dirty.clear();
}

ResolvedParticipant InteractionWriter::resolve(const core::Participant& p,
                                               std::optional<std::int64_t> source_id,
                                               core::TimePoint now) {
    const auto key = identity_key(p.identity);
    std::int64_t identity_id = 0, person_id = 0;
    if (auto it = m_identity_cache.find(key); it != m_identity_cache.end()) {
        std::tie(identity_id, person_id) = it->second;
    } else {
        m_find_identity.reset();
        m_find_identity.bindNoCopy(1, enum_name(core::to_string(p.identity.kind)));
        m_find_identity.bindNoCopy(2, p.identity.value);
        if (m_find_identity.executeStep()) {
            identity_id = m_find_identity.getColumn(0).getInt64();
            person_id = m_find_identity.getColumn(1).getInt64();
        } else {
            const std::string& shown =
                p.identity.display.empty() ? p.identity.value : p.identity.display;
            const std::string& name = p.display_name.empty() ? shown : p.display_name;
            m_insert_person.reset();
            m_insert_person.bindNoCopy(1, name);
            m_insert_person.bind(2, core::to_unix(now));
            m_insert_person.bind(3, core::to_unix(now));
            m_insert_person.bind(4, core::search_alias(name));
            m_insert_person.exec();
            person_id = m_db.sql().getLastInsertRowid();
            m_insert_identity.reset();
            m_insert_identity.bind(1, person_id);
            m_insert_identity.bindNoCopy(2, enum_name(core::to_string(p.identity.kind)));
            m_insert_identity.bindNoCopy(3, p.identity.value);
            m_insert_identity.bindNoCopy(4, shown);
            m_insert_identity.bind(5, core::to_unix(now));
            m_insert_identity.exec();
            identity_id = m_db.sql().getLastInsertRowid();
        }
        if (m_identity_cache.size() >= kMaxCache) m_identity_cache.clear();
        m_identity_cache.emplace(key, std::make_pair(identity_id, person_id));
        if (!p.display_name.empty()) {
            // Only on first sight per run: the cache hit above skips this repeat write.
            m_insert_name.reset();
            m_insert_name.bind(1, identity_id);
            m_insert_name.bindNoCopy(2, p.display_name);
            if (source_id)
                m_insert_name.bind(3, *source_id);
            else
                m_insert_name.bind(3);
            m_insert_name.bind(4, core::to_unix(now));
            m_insert_name.exec();
        }
    }
    return {person_id, identity_id, p.role};
}

std::optional<std::int64_t> InteractionWriter::thread_for(const core::InteractionRecord& r) {
    std::string key = r.thread_key;
    if (key.empty()) {
        // A conversation item without a thread is a thread of its own, so that a lone DM can
        // still be owed a reply; meetings, likes and bulk mail need no thread.
        if (core::tail_state(r.direction, r.personal, r.bulk, r.kind) == core::TailState::none)
            return std::nullopt;
        key = "solo:" + r.ext_ns + ":" + r.ext_id;
    }
    const std::string_view channel = core::to_string(r.channel);
    std::string cache_key;
    cache_key.reserve(channel.size() + 1 + key.size());
    cache_key.append(channel).append(1, '\x1f').append(key);
    if (auto it = m_thread_cache.find(cache_key); it != m_thread_cache.end()) return it->second;
    m_insert_thread.reset();
    m_insert_thread.bindNoCopy(1, enum_name(channel));
    m_insert_thread.bindNoCopy(2, key);
    std::int64_t id = 0;
    if (m_insert_thread.exec() == 1) {
        id = m_db.sql().getLastInsertRowid();
    } else {  // the thread was there already (an earlier run)
        m_find_thread.reset();
        m_find_thread.bindNoCopy(1, enum_name(channel));
        m_find_thread.bindNoCopy(2, key);
        if (!m_find_thread.executeStep())
            throw SQLite::Exception("thread neither inserted nor found: " + key);
        id = m_find_thread.getColumn(0).getInt64();
    }
    if (m_thread_cache.size() >= kMaxCache) m_thread_cache.clear();
    m_thread_cache.emplace(cache_key, id);
    return id;
}

void InteractionWriter::update_thread_tail(std::int64_t thread_id, std::int64_t interaction_id,
                                           std::int64_t person_id, std::int64_t at, int state) {
    m_update_tail.reset();
    m_update_tail.bind(1, thread_id);
    m_update_tail.bind(2, interaction_id);
    m_update_tail.bind(3, person_id);
    m_update_tail.bind(4, at);
    m_update_tail.bind(5, state);
    m_update_tail.exec();
}

std::pair<WriteOutcome, std::int64_t> InteractionWriter::write(
    const core::InteractionRecord& r, std::span<const ResolvedParticipant> people,
    std::optional<std::int64_t> source_id, std::optional<std::int64_t> run_id) {
    const auto at = core::to_unix(r.at);
    const std::string_view kind = core::to_string(r.kind);
    const std::string_view direction = core::to_string(r.direction);
    const int state = static_cast<int>(core::tail_state(r.direction, r.personal, r.bulk, r.kind));

    // bindNoCopy: the record's strings outlive every step below, and a copying bind costs a
    // malloc, a copy and a free per field (~700 instructions; a dozen per interaction).
    const auto hash = ext_hash(r.ext_ns, r.ext_id);
    const std::string* url = stored_url(r.url, r.ext_id);
    m_find_interaction.reset();
    m_find_interaction.bind(1, hash);
    m_find_interaction.bindNoCopy(2, r.ext_ns);
    m_find_interaction.bindNoCopy(3, r.ext_id);
    if (m_find_interaction.executeStep()) {
        const auto& f = m_find_interaction;
        const auto id = f.getColumn(0).getInt64();
        const bool same =
            f.getColumn(1).getInt64() == at && column_equals(f.getColumn(2), kind) &&
            column_equals(f.getColumn(3), direction) && column_equals(f.getColumn(4), r.subject) &&
            column_equals(f.getColumn(5), r.text) && column_equals(f.getColumn(6), r.url) &&
            column_equals(f.getColumn(7), r.place) &&
            (f.getColumn(8).getInt() != 0) == r.personal &&
            (f.getColumn(9).getInt() != 0) == r.bulk;
        if (same) return {WriteOutcome::unchanged, id};
        // It stays in the thread it is in: another source may key the same record's thread
        // differently (a Mastodon status from the archive and from the API), and a thread made
        // from the new key would hold a tail that is not one of its interactions.
        const std::optional<std::int64_t> stored_thread =
            f.getColumn(10).isNull() ? std::nullopt
                                     : std::optional<std::int64_t>(f.getColumn(10).getInt64());
        // The FTS update trigger deletes the old entry, so the row must be indexed first.
        if (m_unindexed_from && id >= *m_unindexed_from) flush();
        m_update_interaction.reset();
        m_update_interaction.bind(1, at);
        m_update_interaction.bindNoCopy(2, enum_name(kind));
        m_update_interaction.bindNoCopy(3, enum_name(direction));
        m_update_interaction.bindNoCopy(4, r.subject);
        m_update_interaction.bindNoCopy(5, r.text);
        bind_url(m_update_interaction, 6, url);
        m_update_interaction.bindNoCopy(7, r.place);
        m_update_interaction.bind(8, r.personal ? 1 : 0);
        m_update_interaction.bind(9, r.bulk ? 1 : 0);
        m_update_interaction.bind(10, id);
        m_update_interaction.exec();
        const auto thread = stored_thread ? stored_thread : thread_for(r);
        if (thread) update_thread_tail(*thread, id, tail_person(r, people), at, state);
        for (const auto& p : people) m_dirty.insert(p.person_id);
        return {WriteOutcome::updated, id};
    }

    const auto thread = thread_for(r);
    auto& q = m_insert_interaction;
    q.reset();
    q.bindNoCopy(1, enum_name(core::to_string(r.channel)));
    q.bindNoCopy(2, enum_name(kind));
    q.bindNoCopy(3, enum_name(direction));
    q.bind(4, at);
    if (thread)
        q.bind(5, *thread);
    else
        q.bind(5);
    if (source_id)
        q.bind(6, *source_id);
    else
        q.bind(6);
    if (run_id)
        q.bind(7, *run_id);
    else
        q.bind(7);
    q.bindNoCopy(8, r.ext_ns);
    q.bindNoCopy(9, r.ext_id);
    q.bindNoCopy(10, r.subject);
    q.bindNoCopy(11, r.text);
    bind_url(q, 12, url);
    q.bindNoCopy(13, r.place);
    q.bind(14, r.personal ? 1 : 0);
    q.bind(15, r.bulk ? 1 : 0);
    q.bind(16, hash);
    q.exec();
    const auto id = m_db.sql().getLastInsertRowid();
    if (!m_unindexed_from) m_unindexed_from = id;
    for (const auto& p : people) {
        m_insert_participant.reset();
        m_insert_participant.bind(1, id);
        m_insert_participant.bind(2, p.person_id);
        if (p.identity_id)
            m_insert_participant.bind(3, *p.identity_id);
        else
            m_insert_participant.bind(3);
        m_insert_participant.bindNoCopy(4, enum_name(core::to_string(p.role)));
        m_insert_participant.bind(5, at);
        m_insert_participant.exec();
    }
    if (thread) update_thread_tail(*thread, id, tail_person(r, people), at, state);
    for (const auto& p : people) m_dirty.insert(p.person_id);
    return {WriteOutcome::added, id};
}

}  // namespace kith::db
