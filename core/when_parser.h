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

/// Parses `text` relative to `now` in a zone `utc_offset` east of UTC (local = UTC + utc_offset).
/// Forms (case-insensitive, extra spaces and commas ignored):
///   - ISO: "2026-12-01", "2026-12-01 14:30", "2026-12-01T14:30:00Z", with offsets; a value
///     without an offset is local time.
///   - "now" (exactly `now`), "today", "tonight" (20:00 unless a time is given), "tomorrow",
///     "yesterday".
///   - weekday names and abbreviations ("friday", "fri", "tues", "thurs"): see WhenBias.
///     "next fri" / "last fri" are the nearest Friday strictly after / before today, whatever the
///     bias (on a Friday they are a week away).
///   - "next week" (the coming Monday, a week away on a Monday), "last week" (the Monday of the
///     previous week), "next month" / "last month" (the 1st), "next year" / "last year" (Jan 1st).
///   - relative amounts: "+3d", "-2w", "+1m", "+1y", "+4h", "+90min", "in 3 days", "in a week",
///     "3 days ago", "2h ago". Units: min, h, d, w, m (month), y and their spelled-out forms.
///     Minutes and hours are exact offsets from `now`; days and longer give a calendar day.
///     Months and years are calendar months, clamped to the month's end (Jan 31 + 1m = Feb 28/29).
///   - an optional time after a day form: "14:30", "2pm", "2:30 pm", "at 9am", "noon",
///     "midnight"; a time alone ("14:30") is that time today.
/// A day without a time means 09:00 local for WhenBias::future (a due date) and 12:00 local for
/// WhenBias::past. Dates must fall in years 1–9999. Errors (ErrorCode::invalid_input) quote the
/// text, say which word could not be read, and list the accepted forms in the hint. Pure and
/// thread-safe.
Result<TimePoint> parse_when(std::string_view text, TimePoint now, std::chrono::seconds utc_offset,
                             WhenBias bias);

/// The end (23:59:59 local) of the local day containing `now`. Pure and thread-safe.
TimePoint end_of_local_day(TimePoint now, std::chrono::seconds utc_offset);

}  // namespace kith::core
