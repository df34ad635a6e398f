#pragma once
// The Today digest: candidates found by index lookups, decided by core/reminders.

#include <cstddef>
#include <optional>
#include <string>

#include "core/reminders.h"
#include "core/result.h"

namespace kith::db {

class Database;

struct TodayOptions {
    core::TimePoint now{};
    core::TimePoint due_by{};     ///< end of the user's today, for follow-ups
    core::Days waiting_after{7};  ///< "waiting on them" after this long
    /// Conversations whose last message is older than this are history, not reminders: the
    /// digest stays a digest (an unanswered thread from two years ago is in the timeline).
    core::Days conversation_horizon{90};
    /// At most this many items per list, best first (0 = all).
    std::size_t limit = 0;
};

/// How many items each list has before `limit` shortens it.
struct TodayCounts {
    std::size_t owe_reply = 0, waiting = 0, going_cold = 0, followups = 0;
};

/// Builds the four lists (refreshing stale per-person caches first). Candidates are found and
/// ranked from cached columns only; names, subjects and excerpts are read for the items kept.
core::Result<core::TodayDigest> load_today(Database& db, const TodayOptions& options,
                                           TodayCounts* counts = nullptr);

/// What the user did with a Today item.
enum class TodayAction { done, dismiss, snooze };

/// Applies an action to an item by its id ("owe_reply:12", "going_cold:7", "followup:3").
/// Follow-ups: done and dismiss complete it, snooze moves its due date. Other items: the state is
/// remembered under the item's subject key, so a new message brings the thread back.
core::Result<void> act_on_today_item(Database& db, const std::string& item_id, TodayAction action,
                                     std::optional<core::TimePoint> until, core::TimePoint now);

}  // namespace kith::db
