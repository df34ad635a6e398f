#pragma once
// The instants Kith can store and show: years 1 to 9999 (ISO 8601's four-digit years).

#include <chrono>

#include "core/time.h"

namespace kith::core {

/// True for an instant in years 1–9999 UTC. Date parsers check the result after applying a zone
/// offset: "9999-12-31T23:59:59-01:00" is in year 10000 and refused like year 0. Pure.
inline bool in_calendar_range(TimePoint t) {
    using namespace std::chrono;
    static constexpr auto first = sys_days{year{1} / January / 1};
    static constexpr auto end = sys_days{year{10000} / January / 1};
    return t >= first && t < end;
}

}  // namespace kith::core
