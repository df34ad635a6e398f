#include "core/calendar_writer.h"

#include <chrono>
#include <cstdio>

namespace kith::core {

namespace {

/// "20261125T120000Z".
std::string ics_time(TimePoint t) {
    const auto days = std::chrono::floor<Days>(t);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{t - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

/// "20261125".
std::string ics_date(TimePoint t) {
    return ics_time(t).substr(0, 8);
}

void line(std::string& out, std::string_view text) {
    out += fold_ics_line(text);
}

}  // namespace

std::string escape_ics_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                // Other control characters are not allowed in TEXT.
                out += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c;
        }
    }
    return out;
}

std::string fold_ics_line(std::string_view text) {
    std::string out;
    std::size_t limit = 75;  // the first physical line; continuations carry a leading space
    while (text.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        out.append(text.substr(0, cut)).append("\r\n ");
        text.remove_prefix(cut);
        limit = 74;
    }
    return out.append(text).append("\r\n");
}

std::string format_calendar(const std::vector<CalendarEntry>& entries, CalendarItemKind kind,
                            TimePoint now, std::string_view name) {
    const bool todo = kind == CalendarItemKind::todo;
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Kith//Kith reminders//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + escape_ics_text(name));
    // Subscribing apps refresh hourly when they honour this (Apple, Outlook).
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line(out, "X-PUBLISHED-TTL:PT1H");
    for (const auto& e : entries) {
        line(out, todo ? "BEGIN:VTODO" : "BEGIN:VEVENT");
        line(out, "UID:" + e.uid);
        line(out, "DTSTAMP:" + ics_time(now));
        const std::string when =
            e.all_day ? ";VALUE=DATE:" + ics_date(e.start) : ":" + ics_time(e.start);
        if (todo) {
            line(out, "DTSTART" + when);
            line(out, "DUE" + when);
            line(out, "STATUS:NEEDS-ACTION");
        } else {
            line(out, "DTSTART" + when);
            line(out, "DTEND" + (e.all_day ? ";VALUE=DATE:" + ics_date(e.start + Days{1})
                                           : ":" + ics_time(e.start + std::chrono::minutes{30})));
            line(out, "TRANSP:TRANSPARENT");  // a reminder does not make the user busy
        }
        line(out, "SUMMARY:" + escape_ics_text(e.summary));
        if (!e.description.empty()) line(out, "DESCRIPTION:" + escape_ics_text(e.description));
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, "DESCRIPTION:" + escape_ics_text(e.summary));
        line(out, "TRIGGER;RELATED=START:" + (e.alarm_minutes < 0
                                                  ? "-PT" + std::to_string(-e.alarm_minutes) + "M"
                                                  : "PT" + std::to_string(e.alarm_minutes) + "M"));
        line(out, "END:VALARM");
        line(out, todo ? "END:VTODO" : "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

}  // namespace kith::core
