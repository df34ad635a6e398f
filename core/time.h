#pragma once
// Time points are whole seconds in UTC; formatting and parsing of ISO 8601.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kith::core {

using TimePoint = std::chrono::sys_seconds;
using Days = std::chrono::days;

/// Seconds since the Unix epoch, as stored in the database.
inline std::int64_t to_unix(TimePoint t) {
    return t.time_since_epoch().count();
}
inline TimePoint from_unix(std::int64_t s) {
    return TimePoint{std::chrono::seconds{s}};
}

/// "2026-11-25T06:48:50Z".
std::string format_iso(TimePoint t);
/// "2026-11-25".
std::string format_date(TimePoint t);

/// Parses ISO 8601: "2026-11-25", "2026-11-25T06:48", "2026-11-25 06:48:50", with an optional
/// fraction, "Z" or "+hh:mm"/"-hhmm" offset. A value without an offset is taken at `utc_offset`.
/// Years 1–9999 only; nothing else is accepted.
std::optional<TimePoint> parse_iso(std::string_view text,
                                   std::chrono::seconds utc_offset = std::chrono::seconds{0});

/// A human age: "just now", "5 min", "3 h", "4 d", "6 wk", "3 mo", "2 yr".
std::string format_age(TimePoint then, TimePoint now);
/// format_age as a phrase that reads right either side of now: "3 d ago", "in 3 d", "just now".
std::string format_relative(TimePoint then, TimePoint now);

}  // namespace kith::core
