#pragma once
// Logging an interaction by hand (quick log): one or more people, optional follow-up.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct ManualLog {
    std::vector<std::int64_t> person_ids;
    core::Channel channel = core::Channel::in_person;
    core::InteractionKind kind = core::InteractionKind::meeting;
    core::Direction direction = core::Direction::mutual;
    core::TimePoint at{};
    std::string subject;
    std::string notes;
    std::string place;
    std::string followup_text;  ///< empty: no follow-up
    std::optional<core::TimePoint> followup_due;
};

struct ManualLogResult {
    std::int64_t interaction_id = 0;
    std::optional<std::int64_t> followup_id;
};

/// Writes the interaction (and follow-up) in one transaction and refreshes the people's caches,
/// so a meeting immediately resets their cadence.
core::Result<ManualLogResult> log_interaction(Database& db, const ManualLog& log,
                                              core::TimePoint now);

}  // namespace kith::db
