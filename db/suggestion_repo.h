#pragma once
// The review queue of identity resolution: list, accept (merge) and reject suggestions.

#include <cstdint>
#include <string>
#include <vector>

#include "core/merge_evidence.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// A pending suggestion with both people's names.
struct SuggestionRow {
    std::int64_t id = 0;
    std::int64_t person_a = 0, person_b = 0;
    std::string name_a, name_b;
    double score = 0;
    std::vector<core::Evidence> evidence;
    core::TimePoint created_at{};
};

/// Suggestion queries and decisions on one connection. Errors are returned. Not thread-safe.
class SuggestionRepo {
  public:
    explicit SuggestionRepo(Database& db) : m_db(db) {}

    /// Pending suggestions, best score first (`limit` 0 = all).
    core::Result<std::vector<SuggestionRow>> pending(int limit = 0);
    /// Merges the two people (the older one — or me — is kept). Returns the merge log id.
    /// Errors: not_found, conflict (not pending any more).
    core::Result<std::int64_t> accept(std::int64_t id, core::TimePoint now);
    /// Marks the suggestion rejected: the pair is never suggested again. Errors: not_found,
    /// conflict (not pending any more).
    core::Result<void> reject(std::int64_t id, core::TimePoint now);

  private:
    core::Result<SuggestionRow> get_pending(std::int64_t id);
    Database& m_db;
};

}  // namespace kith::db
