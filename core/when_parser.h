#pragma once
// Friendly dates and times for the command line and quick log: ISO forms and "today", "tomorrow",
// "fri", "+3d", "next week", "in 2 weeks", "yesterday 18:30", "3 days ago".

#include <chrono>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace kith::core {

/// Which way an ambiguous weekday points: "fri" is the coming Friday for a due date (future) and
/// the last Friday for when something happened (past). Today's weekday means today either way.
enum class WhenBias { past, future };

/// Parses `text` relative to `now` in a zone `utc_offset` east of UTC. Forms (case-insensitive):
///   ISO ("2026-12-01", "2026-12-01 14:30", "2026-12-01T14:30:00Z", with offsets), "now", "today",
///   "tonight", "tomorrow", "yesterday", weekday names and 3-letter abbreviations ("fri", "next fri",
///   "last fri"), "+3d" / "-2w" / "+1m" / "+4h" (d, w, m = 30 days… see below), "in 3 days",
///   "3 days ago", "next week" (the coming Monday), "next month" (the 1st), an optional time
///   "14:30" or "2pm" after a day form.
/// A date without a time means 09:00 local for WhenBias::future (a due date) and 12:00 local for
/// WhenBias::past. Months in "+1m"/"in 2 months" are calendar months. Errors
/// (ErrorCode::invalid_input) quote the text and list the accepted forms in the hint. Pure.
Result<TimePoint> parse_when(std::string_view text, TimePoint now, std::chrono::seconds utc_offset,
                             WhenBias bias);

/// The end (23:59:59 local) of the day containing `now`.
TimePoint end_of_local_day(TimePoint now, std::chrono::seconds utc_offset);

}  // namespace kith::core
