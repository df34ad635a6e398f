#pragma once
// Merging two people into one and undoing it exactly; the merge log.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/merge_evidence.h"
#include "core/result.h"
#include "core/time.h"
#include "db/person_column.h"

namespace kith::db {

class Database;

enum class MergeReason { automatic, suggestion, manual };
std::string_view to_string(MergeReason r);

/// One entry of the merge log.
struct MergeLogRow {
    std::int64_t id = 0;
    std::int64_t kept_id = 0, merged_id = 0;
    std::string kept_name, merged_name;
    MergeReason reason = MergeReason::manual;
    std::vector<core::Evidence> evidence;
    core::TimePoint at{};
    std::optional<core::TimePoint> undone_at;
};

/// Merges and unmerges on one connection. Each call is atomic (a savepoint, so it may run inside
/// a caller's transaction); when called outside a transaction it also refreshes the cached stats
/// of the people involved. Errors are returned, never thrown. Not thread-safe.
class MergeRepo {
  public:
    explicit MergeRepo(Database& db) : m_db(db) {}

    /// Moves everything of `merged` to `kept` — identities, interaction participations, circles,
    /// follow-ups, consents, suggestions, thread tails: every column that refers to a person,
    /// read from the schema — appends `merged`'s notes to `kept`'s, adopts its cadence when
    /// `kept` has none, deletes `merged` and logs exactly what moved. Returns the log id.
    /// Errors: not_found (either person), invalid_input (the same person twice), conflict
    /// (merging me into someone: merge the other way round).
    core::Result<std::int64_t> merge(std::int64_t kept, std::int64_t merged, MergeReason reason,
                                     std::span<const core::Evidence> evidence, core::TimePoint now);

    /// Restores the two people of merge `merge_id` as they were: the merged person comes back
    /// (with its old id unless that was reused) with everything that moved, the kept person gets
    /// its fields back (those the user changed since stay changed). A merge that came from a
    /// suggestion leaves that suggestion rejected. Errors: not_found, conflict (already undone, or
    /// the kept person no longer exists).
    core::Result<std::int64_t> unmerge(std::int64_t merge_id, core::TimePoint now);

    /// The merge log, newest first (`limit` 0 = all).
    core::Result<std::vector<MergeLogRow>> log(int limit = 0);

  private:
    Database& m_db;
    std::vector<PersonColumn> m_columns;  ///< read from the schema on first merge
};

}  // namespace kith::db
