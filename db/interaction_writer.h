#pragma once
// Writes interactions with their participants and thread, idempotently by (ext_ns, ext_id).
// Shared by imports (ImportSink) and manual logging, so both follow one set of rules.

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/records.h"
#include "core/result.h"
#include "db/write_outcome.h"

namespace kith::db {

class Database;

/// A participant resolved to a person (and the identity it was seen as, if any).
struct ResolvedParticipant {
    std::int64_t person_id = 0;
    std::optional<std::int64_t> identity_id;
    core::ParticipantRole role = core::ParticipantRole::to;
};

/// Holds prepared statements for one connection; callers own the transaction. Not thread-safe.
/// Throws SQLite::Exception (callers wrap with `guarded`).
class InteractionWriter {
  public:
    explicit InteractionWriter(Database& db);

    /// Finds the person owning `p.identity`, creating person and identity when new; remembers
    /// the display name seen. `source_id` records where the name was seen.
    ResolvedParticipant resolve(const core::Participant& p, std::optional<std::int64_t> source_id,
                                core::TimePoint now);

    /// Inserts `r` (or updates it when its fields changed) with `people` as participants, links
    /// its thread and marks the people's cached stats dirty.
    std::pair<WriteOutcome, std::int64_t> write(const core::InteractionRecord& r,
                                                std::span<const ResolvedParticipant> people,
                                                std::optional<std::int64_t> source_id,
                                                std::optional<std::int64_t> run_id);

    /// Indexes the interactions added since the last flush for full-text search and marks the
    /// people touched as needing fresh cached stats. Call inside the transaction, before
    /// committing it: until then new interactions are not searchable.
    void flush();

    /// Forgets cached ids (after a rollback, which may have removed rows they point to).
    void clear_cache();

  private:
    /// `n` (a kind, direction, channel or role name) as a string that lives as long as this
    /// writer, so statements bind it without a copy.
    const std::string& enum_name(std::string_view n);
    std::optional<std::int64_t> thread_for(const core::InteractionRecord& r);
    void update_thread_tail(std::int64_t thread_id, std::int64_t interaction_id,
                            std::int64_t person_id, std::int64_t at, int state);

    Database& m_db;
    SQLite::Statement m_find_identity, m_insert_person, m_insert_identity, m_insert_name;
    SQLite::Statement m_find_interaction, m_insert_interaction, m_update_interaction;
    SQLite::Statement m_insert_participant, m_mark_dirty, m_index_fts;
    SQLite::Statement m_find_thread, m_insert_thread, m_update_tail;
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> m_identity_cache;
    std::unordered_map<std::string, std::int64_t> m_thread_cache;
    std::unordered_set<std::int64_t> m_dirty;
    std::set<std::string, std::less<>> m_names;    ///< see enum_name(); node addresses are stable
    std::optional<std::int64_t> m_unindexed_from;  ///< first interaction id not yet in FTS
};

}  // namespace kith::db
