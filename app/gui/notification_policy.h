#pragma once
// When the running app shows a desktop notification about reminders: only when something new is
// due, and at most one digest every few hours — a digest, not a nag. No wxWidgets: tested headless.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "core/time.h"

namespace kith::app {

/// What is due now, from the Today digest.
struct DueSummary {
    std::size_t owe_reply = 0, followups = 0, going_cold = 0;
    bool operator==(const DueSummary&) const = default;
};

/// "You owe 3 replies · 2 follow-ups due · 1 going cold" (parts with zero left out; empty when
/// nothing is due). Pure.
std::string due_text(const DueSummary& due);

/// Decides whether to notify. Not thread-safe (UI thread).
class NotificationPolicy {
  public:
    explicit NotificationPolicy(std::chrono::minutes min_gap = std::chrono::hours{4})
        : m_min_gap(min_gap) {}

    /// The notification's text when one should be shown now, else nullopt. Notifies when
    /// `enabled`, something is due, more is due than at the last notification (in any list), and
    /// `min_gap` has passed since it. Remembers what it notified.
    std::optional<std::string> check(core::TimePoint now, const DueSummary& due, bool enabled);

  private:
    std::chrono::minutes m_min_gap;
    std::optional<core::TimePoint> m_last;
    DueSummary m_last_due;
};

}  // namespace kith::app
