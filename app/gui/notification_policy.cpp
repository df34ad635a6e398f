#include "app/gui/notification_policy.h"

namespace kith::app {

std::string due_text(const DueSummary& due) {
    std::string s;
    auto part = [&s](std::size_t n, const std::string& text) {
        if (n == 0) return;
        if (!s.empty()) s += " · ";
        s += text;
    };
    part(due.owe_reply,
         "You owe " + std::to_string(due.owe_reply) + (due.owe_reply == 1 ? " reply" : " replies"));
    part(due.followups, std::to_string(due.followups) +
                            (due.followups == 1 ? " follow-up due" : " follow-ups due"));
    part(due.going_cold, std::to_string(due.going_cold) + " going cold");
    return s;
}

std::optional<std::string> NotificationPolicy::check(core::TimePoint now, const DueSummary& due,
                                                     bool enabled) {
    if (!enabled) return std::nullopt;
    const std::string text = due_text(due);
    if (text.empty()) return std::nullopt;
    const bool more = due.owe_reply > m_last_due.owe_reply ||
                      due.followups > m_last_due.followups ||
                      due.going_cold > m_last_due.going_cold;
    if (m_last && (!more || now - *m_last < m_min_gap)) return std::nullopt;
    m_last = now;
    m_last_due = due;
    return text;
}

}  // namespace kith::app
