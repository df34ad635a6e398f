#pragma once
// The calendar feed of open follow-ups and due reminders (`export ics`).

#include <string>

#include "core/calendar_writer.h"
#include "core/result.h"
#include "db/database.h"

namespace kith::app {

struct ReminderCalendarOptions {
    core::TimePoint now{};
    core::TimePoint due_by{};  ///< end of the user's today (the Today digest's)
    core::CalendarItemKind kind = core::CalendarItemKind::event;
};

/// Every open follow-up (UID "followup-ID@kith", on its due date, "Follow up: TEXT — NAMES") and
/// every reminder of today's digest (owe reply, waiting, going cold; UID "SUBJECT-KEY@kith" so it
/// stays the same item until the situation changes; on today's date) as an iCalendar text.
/// Errors: database failures.
core::Result<std::string> reminder_calendar(db::Database& db, const ReminderCalendarOptions& o);

}  // namespace kith::app
