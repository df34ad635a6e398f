#pragma once
// Per-person caches (last contact, inferred cadence, strength sums, going-cold due date) derived
// from interactions with the pure rules of core/, recomputed for people marked dirty.

#include <cstdint>

#include "core/result.h"

namespace kith::db {

class Database;

/// Recomputes the caches of every person whose stats_dirty flag is set, in one transaction.
/// Returns how many people were refreshed. Cheap when nothing is dirty (a partial-index probe,
/// no write lock).
core::Result<std::int64_t> refresh_person_stats(Database& db);

/// Marks every member of a circle dirty (after its cadence changed).
core::Result<void> mark_circle_dirty(Database& db, std::int64_t circle_id);

}  // namespace kith::db
