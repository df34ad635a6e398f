#pragma once
// The "ics" importer: calendar files (RFC 5545) → people, in-person meetings and follow-ups.

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "ics": reads an iCalendar file (.ics export of Google Calendar, Outlook, Apple Calendar,
/// Thunderbird, Nextcloud…) one component at a time.
///
/// - Attendees and the organizer (mailto: addresses, CN as the name) become people; whoever is me
///   (the database's own identities) is left out, as are rooms/resources (CUTYPE) and attendees
///   who declined (PARTSTAT=DECLINED). An event with nobody else left is skipped (counted).
/// - An event that has started by "now" becomes an in_person meeting (direction mutual) with every
///   remaining attendee: SUMMARY → subject, DESCRIPTION → text (first 2000 bytes), LOCATION →
///   place, URL → url. A later one becomes a follow-up due at its start ("SUMMARY" as the text).
/// - Recurring events (RRULE, minus EXDATE): each past occurrence is a meeting, and only the next
///   future occurrence is a follow-up (a weekly meeting must not flood the follow-up list). At
///   most kMaxOccurrences occurrences per series are read (a warning says so). Instances that
///   override one occurrence (RECURRENCE-ID) replace it; cancelled ones (STATUS:CANCELLED)
///   remove it. RDATE is not read.
/// - Cancelled events are skipped (counted).
/// - Idempotency: ext_ns "ics", ext_id UID for a single event, "UID/2026-11-20T09:00:00Z" (the
///   occurrence's UTC start) for an occurrence of a series or an override. An event without a UID
///   gets a stable id from its start and summary.
/// - Times: TZID through the file's VTIMEZONEs, the system zone database or the Windows zone
///   names; floating times in the calendar's X-WR-TIMEZONE, else the option "tz" (an IANA name),
///   else UTC; all-day dates at 12:00 UTC. An unknown TZID is taken as UTC with one warning.
///
/// Options: "now" (ISO 8601) splits past from future, default the system clock (kith-cli passes
/// its KITH_NOW); "tz" the zone of floating times when the file names none.
///
/// Malformed events (no DTSTART, unusable attendees, over kMaxComponentBytes, cut off by the end
/// of the file) are warnings located "FILE:LINE (UID …)". A file that is not iCalendar text is an
/// Error. Memory is bounded by the largest event, plus recurring series held until the end of the
/// file (so overrides later in the file are known) up to kMaxDeferredBytes. Progress in bytes;
/// cancel between components.
class IcsImporter final : public core::Importer {
  public:
    static constexpr std::size_t kMaxComponentBytes = std::size_t{1} << 20;
    static constexpr std::size_t kMaxDeferredBytes = std::size_t{16} << 20;
    static constexpr std::size_t kMaxOccurrences = 5000;

    std::string_view kind() const override { return "ics"; }
    std::string_view description() const override {
        return "iCalendar file: attendees, past meetings, future events as follow-ups";
    }
    std::string_view file_patterns() const override { return "*.ics;*.ical;*.ifb"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
