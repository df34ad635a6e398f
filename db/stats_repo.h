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

/// What the app's status bar and navigation show: cheap counts only (no per-channel scans).
struct Overview {
    std::int64_t people = 0, interactions = 0, circles = 0, sources = 0;
};

/// Reads the Overview in milliseconds at any size: `interactions` is the highest interaction
/// id, which equals the count because interactions are only ever removed by rollbacks. Errors
/// are the database's.
core::Result<Overview> load_overview(Database& db);

/// Counts everything (people excludes me; follow edges that ended are not counted).
core::Result<DatabaseStats> load_stats(Database& db);

}  // namespace kith::db
