#pragma once
// Counts for `kith-cli stats` and the app's navigation.

#include <cstdint>
#include <map>
#include <string>

#include "core/result.h"

namespace kith::db {

class Database;

struct DatabaseStats {
    std::int64_t people = 0, identities = 0, interactions = 0, follow_edges = 0, followups = 0;
    std::int64_t open_followups = 0, circles = 0, sources = 0, threads = 0;
    std::map<std::string, std::int64_t> by_channel;  ///< every channel, zero where none
    std::map<std::string, std::int64_t> by_kind;     ///< every kind, zero where none
};

/// Counts everything (people excludes me; follow edges that ended are not counted).
core::Result<DatabaseStats> load_stats(Database& db);

}  // namespace kith::db
