#pragma once
// The "From " separator lines of mbox files.

#include <optional>
#include <string_view>

#include "core/time.h"

namespace kith::import {

/// The date of an mbox envelope line, or nullopt when `line` is not one. An envelope line is
/// "From " + a sender + a date with a month name, a day, a time and a four-digit year, in any of
/// the orders real files use:
///   "From ana@example.org Sat Jan  3 01:05:34 1996"          (asctime, two spaces before 3)
///   "From - Tue Oct 02 00:26:47 2007"                        (Thunderbird)
///   "From 1828@xxx Mon Apr 07 14:31:02 +0000 2025"           (Gmail Takeout, offset before year)
///   "From ana@example.org Fri, 5 Nov 2010 10:00:00 +0100"   (RFC 5322 order)
/// A numeric offset is applied; zone names are taken as UTC. Body text that starts with "From "
/// ("From the start, we…") has no such date and is rejected. A trailing CR is ignored.
/// Pure and thread-safe.
std::optional<core::TimePoint> parse_envelope_date(std::string_view line);

}  // namespace kith::import
