#pragma once
// Turning iCalendar local times (TZID, floating, all-day) into UTC.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <libical/ical.h>

#include "core/time.h"

namespace kith::import {

/// The time zones one calendar file uses: its own VTIMEZONE definitions first, then the system's
/// zone database by IANA name ("Europe/Berlin", also inside prefixed TZIDs such as
/// "/mozilla.org/20050126_1/Europe/Berlin"), then a table of the Windows names Outlook and
/// Exchange write without a VTIMEZONE ("W. Europe Standard Time"). One thread.
class IcsTimeZones {
  public:
    IcsTimeZones();
    ~IcsTimeZones();
    IcsTimeZones(const IcsTimeZones&) = delete;
    IcsTimeZones& operator=(const IcsTimeZones&) = delete;

    /// Adds the file's VTIMEZONE component (text from BEGIN to END); false when it is unusable.
    bool add(const std::string& vtimezone_text);
    /// The zone floating times (no TZID, no Z) are in: the calendar's X-WR-TIMEZONE or the
    /// user's choice. Without one (or when unknown) floating times are taken as UTC.
    void set_floating_zone(std::string_view tzid);

    struct Converted {
        core::TimePoint at{};
        bool zone_known = true;  ///< false when the TZID was unknown and UTC was assumed
    };
    /// `t` (with the TZID parameter of its property, or empty) in UTC. An all-day date
    /// (VALUE=DATE) becomes 12:00 UTC that day, so it shows on the same date in every time zone
    /// from UTC−11 to UTC+11. nullopt for a null or out-of-range time.
    std::optional<Converted> to_utc(icaltimetype t, std::string_view tzid) const;

  private:
    icaltimezone* find(std::string_view tzid) const;

    std::map<std::string, icaltimezone*, std::less<>> m_own;  ///< owned, from the file
    icaltimezone* m_floating = nullptr;
};

}  // namespace kith::import
