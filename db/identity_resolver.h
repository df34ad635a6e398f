#pragma once
// Identity resolution: finds people who are one person across channels, merges them when the
// evidence is certain, and queues the probable ones as suggestions for review.

#include <cstdint>
#include <span>

#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// What one resolution pass did.
struct ResolutionCounts {
    std::int64_t people_checked = 0;
    std::int64_t candidates = 0;  ///< pairs whose evidence was weighed
    std::int64_t merged = 0;      ///< automatic merges
    std::int64_t suggested = 0;   ///< suggestions added or updated
};

/// Resolution over one connection. Each pass is one transaction; the cached person stats of
/// merged people are refreshed after it. Candidates come from the match_keys index (same
/// mailbox, X handle, user name, name block) and from identity_links; each pair's evidence is
/// weighed and decided by core::decide. A rejected pair is never suggested again; a pending one
/// is updated. Errors are returned. Not thread-safe.
class IdentityResolver {
  public:
    IdentityResolver(Database& db, core::TimePoint now) : m_db(db), m_now(now) {}

    /// Resolves the people with identities or links newer than the last pass (watermarks kept in
    /// settings): the cost of a pass after an import is proportional to what the import added.
    core::Result<ResolutionCounts> resolve_new();
    /// Rebuilds the index and resolves everyone.
    core::Result<ResolutionCounts> resolve_all();
    /// Resolves `people` against everyone.
    core::Result<ResolutionCounts> resolve_people(std::span<const std::int64_t> people);

  private:
    Database& m_db;
    core::TimePoint m_now;
};

}  // namespace kith::db
