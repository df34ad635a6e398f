#pragma once
// Splitting an iCalendar file (RFC 5545) into its top-level components, one at a time.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "import/line_reader.h"

namespace kith::import {

/// One top-level component of a VCALENDAR (VEVENT, VTIMEZONE, VTODO…) as raw text, nested
/// components (VALARM, STANDARD/DAYLIGHT) included, lines ending in CRLF, still folded.
struct IcsComponent {
    std::string name;        ///< upper-cased: "VEVENT"
    std::string text;        ///< "BEGIN:VEVENT\r\n…END:VEVENT\r\n"; empty when too big
    std::uint64_t line = 0;  ///< line number of its BEGIN
};

/// Streams the components of an iCalendar file so that memory is bounded by the largest
/// component, not the file: a 200 MB calendar export is read one event at a time. Several
/// concatenated VCALENDARs are accepted. Calendar-level properties other than X-WR-TIMEZONE are
/// ignored. Does not own the file. One thread.
class IcsComponentStream {
  public:
    enum class Status {
        component,     ///< `out` holds the next component
        too_big,       ///< a component over the size limit was skipped (`out.name`, `out.line`)
        truncated,     ///< the file ends inside `out.name` begun at `out.line`
        not_calendar,  ///< text before the first BEGIN:VCALENDAR (line in `out.line`)
        end,
        error,  ///< read error
    };

    IcsComponentStream(std::FILE* file, std::size_t max_component_bytes);

    /// True when the file's first `n` bytes contain a NUL.
    bool starts_binary(std::size_t n) { return m_lines.starts_binary(n); }
    Status next(IcsComponent& out);

    /// The calendar's X-WR-TIMEZONE (Google, Apple): the zone of its floating times; empty if none.
    const std::string& calendar_time_zone() const { return m_calendar_tz; }
    bool saw_calendar() const { return m_saw_calendar; }
    std::uint64_t offset() const { return m_lines.offset(); }
    std::uint64_t line() const { return m_line_no; }

  private:
    LineReader m_lines;
    std::size_t m_max_bytes;
    std::uint64_t m_line_no = 0;
    bool m_in_calendar = false, m_saw_calendar = false;
    std::string m_calendar_tz;
    std::string m_line;
};

}  // namespace kith::import
