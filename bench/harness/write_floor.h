#pragma once
// The write floor: the interactions a real import wrote, written again straight through SQLite
// into a database with Kith's real schema (made by db/ migrations: every index, trigger and FTS
// table is the real one), with prepared statements bound without copies, one transaction per
// batch, WAL — no parsing, no identity resolution (people and identities are already there).
// It is the best any importer could do with this schema on this machine.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kith::bench {

/// Which rows of each interaction a floor run writes.
struct FloorParts {
    bool fts = false;    ///< the interactions_fts row
    bool links = false;  ///< participants rows, the thread (found or created) and its tail, and
                         ///< the people's stats_dirty marks once per batch
};

/// One timed floor run.
struct FloorRun {
    FloorParts parts;
    std::size_t rows = 0;  ///< interactions written
    double wall_s = 0, cpu_s = 0;
    double per_cpu_s() const { return cpu_s > 0 ? static_cast<double>(rows) / cpu_s : 0; }
};

/// Reads the interactions, participants and threads of `imported` (a database a real import
/// filled; it is not changed), makes a template in `scratch` with the same people, identities,
/// sources and runs but no interactions, then for each of `parts` times writing every
/// interaction into a fresh copy of the template, `batch` rows per transaction, and keeps the
/// fastest of `repeat` runs (least CPU time). Throws std::runtime_error (or SQLite::Exception)
/// when a database cannot be read or written.
std::vector<FloorRun> measure_write_floor(const std::filesystem::path& imported,
                                          const std::filesystem::path& scratch,
                                          const std::vector<FloorParts>& parts, int repeat = 3,
                                          std::size_t batch = 256);

}  // namespace kith::bench
