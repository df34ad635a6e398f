#pragma once
// RSS dates (RFC 822 / RFC 2822): "Fri, 01 Mar 2024 08:00:00 +0000".

#include <optional>
#include <string_view>

#include "core/time.h"

namespace kith::import {

/// Parses "Fri, 01 Mar 2024 08:00:00 +0000": optional weekday, 1–2 digit day, English month
/// (any case), 2- or 4-digit year, hh:mm with optional :ss, a numeric zone or GMT/UT/UTC/Z/
/// EST/EDT/CST/CDT/MST/MDT/PST/PDT (missing zone = UTC). Falls back to ISO 8601 (some feeds
/// use it). nullopt when neither. Pure and thread-safe.
std::optional<core::TimePoint> parse_rfc822(std::string_view text);

}  // namespace kith::import
