#pragma once
// What Kith takes from one iCalendar VEVENT: who, when, what, where, and how it recurs.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "core/records.h"
#include "core/result.h"
#include "import/ics_time_zones.h"

namespace kith::import {

/// One VEVENT read through libical.
struct IcsEvent {
    std::string uid;  ///< empty when the event has none
    std::string summary, description, location, url;
    icaltimetype start{};  ///< DTSTART as written (local fields)
    std::string start_tzid;
    core::TimePoint start_utc{};
    bool zone_known = true;                        ///< false: an unknown TZID, UTC assumed
    std::optional<core::TimePoint> recurrence_id;  ///< set on an instance overriding a series
    bool recurring = false;                        ///< has an RRULE
    bool cancelled = false;                        ///< STATUS:CANCELLED
    /// Attendees and organizer who are not me, without rooms/resources and people who declined;
    /// each once, role attendee, CN as display name (RFC 6868 carets decoded by libical).
    std::vector<core::Participant> people;
    /// Attendees left out because their address is unusable ("urn:uuid:…", "MAILTO:" alone).
    std::vector<std::string> unusable;
};

/// Reads event `c`. `is_me` tells my own identities (left out as participants). Errors
/// (invalid_input): no DTSTART or one libical cannot read.
core::Result<IcsEvent> read_ics_event(icalcomponent* c, const IcsTimeZones& zones,
                                      const std::function<bool(const core::Identity&)>& is_me);

/// Visits the start (UTC) of each occurrence of recurring event `c` (its RRULE, without EXDATE
/// dates) in order until `visit` returns false or `max_occurrences` were produced. Unbounded
/// rules are fine: the caller stops.
void for_each_occurrence(icalcomponent* c, const IcsEvent& e, const IcsTimeZones& zones,
                         std::size_t max_occurrences,
                         const std::function<bool(core::TimePoint)>& visit);

}  // namespace kith::import
