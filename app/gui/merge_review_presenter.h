#pragma once
// The merge review queue as plain rows: who, how sure, and why; accept or reject by row. No
// wxWidgets, so it is tested headless.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace kith::db {
class Database;
}

namespace kith::app {

/// One pending suggestion as the dialog shows it.
struct MergeReviewRow {
    std::int64_t id = 0;
    std::int64_t person_a = 0, person_b = 0;
    std::string name_a, name_b;
    std::string score;  ///< "87%"
    std::string
        evidence;  ///< "similar name: “Bob Miller” ~ “Robert Miller”: nickname bob / robert"
};

/// Reads and decides suggestions through one connection (the UI thread's). Not thread-safe.
class MergeReviewPresenter {
  public:
    explicit MergeReviewPresenter(db::Database& db) : m_db(db) {}

    /// Reads the pending suggestions, best first.
    core::Result<void> load();
    const std::vector<MergeReviewRow>& rows() const { return m_rows; }

    /// Merges the two people of row `index`, then reloads. Returns the person kept.
    core::Result<std::int64_t> accept(std::size_t index, core::TimePoint now);
    /// Rejects row `index` (never suggested again), then reloads.
    core::Result<void> reject(std::size_t index, core::TimePoint now);

  private:
    core::Result<void> check_index(std::size_t index) const;
    db::Database& m_db;
    std::vector<MergeReviewRow> m_rows;
};

/// How an evidence kind reads in the app ("same_mailbox" → "same mailbox"). Pure.
std::string evidence_label(std::string_view kind);

}  // namespace kith::app
