#pragma once
// A person's cross-channel history, and full-text search over interactions.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct TimelineEntry {
    std::int64_t id = 0;
    core::Channel channel = core::Channel::other;
    core::InteractionKind kind = core::InteractionKind::message;
    core::Direction direction = core::Direction::in;
    core::TimePoint at{};
    std::string subject, excerpt, url, place, external_id, thread_key;
    std::string person_name;  ///< first participant (search results)
};

class TimelineRepo {
  public:
    explicit TimelineRepo(Database& db) : m_db(db) {}

    /// Newest first; `before` continues a page (exclusive), `channel` filters.
    core::Result<std::vector<TimelineEntry>> for_person(std::int64_t person_id,
                                                        std::optional<core::Channel> channel,
                                                        int limit,
                                                        std::optional<core::TimePoint> before = {});
    /// Interactions whose subject, text or place match every word as a prefix: the most recently
    /// stored matches, newest first.
    core::Result<std::vector<TimelineEntry>> search(const std::string& query, int limit);

  private:
    Database& m_db;
};

}  // namespace kith::db
