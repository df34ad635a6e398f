#pragma once
// Writing Kith's reminders as an iCalendar file (RFC 5545) calendars can subscribe to.

#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace kith::core {

/// One thing to show in the user's calendar: a follow-up or a due reminder.
struct CalendarEntry {
    std::string uid;  ///< stable across exports ("followup-12@kith"), so a refresh updates
    std::string summary;
    std::string description;
    TimePoint start{};
    bool all_day = true;         ///< a date (start's UTC date) rather than a time
    int alarm_minutes = 9 * 60;  ///< VALARM trigger after the start (all-day: 09:00 that day)
};

/// VEVENT for calendars (every calendar app shows subscribed events), VTODO for task lists.
enum class CalendarItemKind { event, todo };

/// A complete VCALENDAR with one VEVENT or VTODO per entry, each with a DISPLAY VALARM. Lines
/// end in CRLF and are folded at 75 octets without splitting UTF-8 sequences; TEXT values are
/// escaped (\\ \; \, \n); DTSTAMP is `now`. `name` becomes X-WR-CALNAME. Pure.
std::string format_calendar(const std::vector<CalendarEntry>& entries, CalendarItemKind kind,
                            TimePoint now, std::string_view name);

/// RFC 5545 TEXT escaping; CR dropped, LF as \n. Pure.
std::string escape_ics_text(std::string_view text);

/// `line` folded into CRLF-terminated physical lines of at most 75 octets. Pure.
std::string fold_ics_line(std::string_view line);

}  // namespace kith::core
