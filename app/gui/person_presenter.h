#pragma once
// What the person page says, as plain strings: header, strength and its "why", cadence with its
// source, identities with where they were seen, circles, follow-ups, the monthly activity and the
// timeline rows. No wxWidgets here, so it is tested headless.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cadence.h"
#include "core/channel.h"
#include "core/identity.h"
#include "core/result.h"
#include "core/strength.h"
#include "core/time.h"
#include "db/timeline_repo.h"

namespace kith::db {
class Database;
}

namespace kith::app {

/// Months in the activity sparkline.
inline constexpr int kSparklineMonths = 12;

struct IdentityLine {
    core::Identity identity;
    std::string text;  ///< "email  ana@example.org  (seen as Ana Ruiz, A. Ruiz)"
};

struct FollowUpLine {
    std::int64_t id = 0;
    std::string text;  ///< "send her the report"
    std::string due;   ///< "due today", "overdue 3 d", "due 2026-12-01", "done 2026-11-20"
    bool done = false;
};

/// Everything on a person's page but the timeline (which loads in pages).
struct PersonPage {
    std::int64_t id = 0;
    std::string name;
    bool archived = false;
    int strength = 0;
    std::string strength_why;  ///< the tooltip: what the score is made of
    std::vector<int> monthly;  ///< meaningful interactions per month, oldest first, this month last
    std::string cadence;       ///< "every 30 d (set for this person)", "no cadence yet"
    std::string last_contact;  ///< "last contact 3 d ago · email", "no contact yet"
    std::string circles;       ///< "DevConf crowd, Close friends" or "no circles"
    std::string notes;
    std::vector<IdentityLine> identities;
    std::vector<FollowUpLine> followups;  ///< open first (by due date), then done
};

/// Counts meaningful (non-bulk, not likes) interactions per calendar month (UTC) for the
/// `kSparklineMonths` months ending with `now`'s month. Pure.
std::vector<int> monthly_activity(const std::vector<core::StrengthInput>& activity,
                                  core::TimePoint now);

/// "every 30 d (set for this person)" / "(from a circle)" / "(inferred from your rhythm)", or
/// "no cadence yet". Pure.
std::string cadence_text(const core::Cadence& cadence);

/// One timeline row, in the columns when, channel, direction, what.
struct TimelineRow {
    std::string when;       ///< "2026-11-20 14:30" in the local zone
    std::string channel;    ///< "Email"
    std::string direction;  ///< "← in", "→ out", "↔ both"
    std::string text;       ///< subject — excerpt (or place for meetings), one line
};

/// A timeline entry as a row. Pure.
TimelineRow present_timeline_entry(const db::TimelineEntry& e, std::chrono::seconds utc_offset);

/// Loads the page for `person_id` at `now`. Errors: not_found for an unknown id, or the
/// database's.
core::Result<PersonPage> load_person_page(db::Database& db, std::int64_t person_id,
                                          core::TimePoint now, std::chrono::seconds utc_offset);

}  // namespace kith::app
