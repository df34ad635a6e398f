#pragma once
// The database side of every import: a RecordSink that batches records into transactions.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/importer.h"
#include "db/interaction_writer.h"

namespace kith::db {

class Database;

/// Counts of one import run.
struct ImportCounts {
    std::uint64_t added = 0, updated = 0, skipped = 0, warnings = 0;
    std::vector<core::ImportWarning> messages;  ///< the first kMaxMessages warnings
};

/// Writes records in batches of `batch_size` per transaction, deduplicating by (ext_ns, ext_id)
/// (interactions, follow-ups) or by identity (contacts, follow edges). Call `commit()` at the end;
/// `rollback()` drops the open batch only (earlier batches are complete and stay) and its counts.
/// Records are validated before writing: a record that cannot be written becomes a warning, not an
/// abort. One thread (but is_me, cursor: any); throws nothing (errors are returned).
class ImportSink final : public core::RecordSink {
  public:
    static constexpr std::size_t kMaxMessages = 20;

    ImportSink(Database& db, std::optional<std::int64_t> source_id,
               std::optional<std::int64_t> run_id, std::optional<std::string> cursor,
               core::TimePoint now, std::size_t batch_size = 10000);
    ~ImportSink() override;

    core::Result<void> interaction(const core::InteractionRecord& r) override;
    core::Result<void> follow_edge(const core::FollowEdgeRecord& r) override;
    core::Result<void> contact(const core::ContactRecord& r) override;
    core::Result<void> followup(const core::FollowUpRecord& r) override;
    /// Ends (sets ended_at on) edges of `network`/`direction` last seen before `seen_at`.
    core::Result<void> follow_snapshot_complete(core::Channel network,
                                                core::FollowDirection direction,
                                                core::TimePoint seen_at) override;
    /// Claims `id` as mine (db/me_claim.h) inside the open batch: it commits with the records
    /// that follow it and is dropped with them on Cancel or a failure, so nothing is ever half
    /// claimed; already mine, it changes nothing. From here on the identity is no participant.
    core::Result<void> owner_identity(const core::Identity& id) override;
    void warning(core::ImportWarning w) override;
    void skipped(std::uint64_t n, std::string_view reason) override;
    bool is_me(const core::Identity& id) const override;  ///< reads only what the constructor set
    std::optional<std::string> cursor() const override { return m_cursor; }
    void set_cursor(std::string cursor) override { m_new_cursor = std::move(cursor); }

    core::Result<void> commit();
    void rollback();
    const ImportCounts& counts() const { return m_counts; }
    const std::optional<std::string>& new_cursor() const { return m_new_cursor; }

  private:
    core::Result<void> begin_if_needed();
    core::Result<void> after_record();
    /// Writes a contact's dated events with `person` taking part; true when one was new.
    core::Result<bool> contact_events(const core::ContactRecord& r, std::int64_t person);
    /// Mine before the run (m_me) or claimed during it (m_claimed).
    bool is_mine_now(const core::Identity& id) const;
    /// Records `name` as seen on the stored identity `id` in this source (`me show`, Followers →
    /// email: where an identity came from).
    core::Result<void> note_seen_name(const core::Identity& id, const std::string& name);
    std::vector<ResolvedParticipant> resolve_all(const std::vector<core::Participant>& ps);
    void count(WriteOutcome o);

    Database& m_db;
    InteractionWriter m_writer;
    std::optional<std::int64_t> m_source_id, m_run_id;
    std::optional<std::string> m_cursor, m_new_cursor;
    core::TimePoint m_now;
    std::size_t m_batch_size;
    std::size_t m_in_batch = 0;
    bool m_open = false;
    std::set<std::pair<core::IdentityKind, std::string>> m_me;
    /// Claimed as the source's owner in this run; apart from m_me, which is_me reads from the
    /// parsing thread (core/import_pipeline.h) and so must not change during the run.
    std::set<std::pair<core::IdentityKind, std::string>> m_claimed;
    ImportCounts m_counts;
    ImportCounts m_committed;  ///< counts as of the last commit, restored on rollback
};

}  // namespace kith::db
