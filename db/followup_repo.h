#pragma once
// Follow-ups: what I promised whom, by when.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "db/write_outcome.h"

namespace kith::db {

class Database;

struct FollowUpRow {
    std::int64_t id = 0;
    std::string text;
    core::TimePoint due{};
    std::optional<core::TimePoint> done_at;
    std::optional<std::int64_t> interaction_id;
    std::vector<std::pair<std::int64_t, std::string>> people;  ///< (id, name)
};

struct NewFollowUp {
    std::string text;
    core::TimePoint due{};
    std::vector<std::int64_t> person_ids;
    std::optional<std::int64_t> interaction_id;
    std::string ext_ns, ext_id;  ///< empty for manual ones
    bool done = false;
};

class FollowUpRepo {
  public:
    explicit FollowUpRepo(Database& db) : m_db(db) {}

    /// Adds a follow-up. With an (ext_ns, ext_id) already present, updates text/due instead.
    core::Result<std::pair<std::int64_t, WriteOutcome>> add(const NewFollowUp& f,
                                                            core::TimePoint now);
    core::Result<FollowUpRow> get(std::int64_t id);
    /// Open follow-ups (optionally due by a time, or for one person), soonest due first.
    core::Result<std::vector<FollowUpRow>> open(std::optional<core::TimePoint> due_by,
                                                std::optional<std::int64_t> person_id);
    /// Follow-ups of one person, open and done, newest due first.
    core::Result<std::vector<FollowUpRow>> for_person(std::int64_t person_id);
    core::Result<void> mark_done(std::int64_t id, core::TimePoint now);
    core::Result<void> reschedule(std::int64_t id, core::TimePoint due);

  private:
    core::Result<std::vector<FollowUpRow>> query(const std::string& where_order,
                                                 std::optional<std::int64_t> a,
                                                 std::optional<std::int64_t> b);
    Database& m_db;
};

}  // namespace kith::db
