#pragma once
// `export csv`: chosen people, chosen fields, through the one CSV writer.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "db/database.h"

namespace kith::app {

/// The fields `export csv` knows, in their default order of description: id, name, email,
/// twitter, mastodon, website, phone, linkedin (each all of the person's identities of that kind
/// joined by "; "), circles, notes, cadence_days, last_contact (ISO date), strength (0–100),
/// created (ISO date).
const std::vector<std::string>& people_csv_fields();
/// What `export csv` writes without --fields.
const std::vector<std::string>& default_people_csv_fields();

/// Writes a header row of `fields` and one row per person of `person_ids` (in that order).
/// Errors: invalid_input for an unknown field (the hint lists the known ones), database failures.
core::Result<std::size_t> write_people_csv(db::Database& db, std::ostream& out,
                                           const std::vector<std::string>& fields,
                                           const std::vector<std::int64_t>& person_ids,
                                           core::TimePoint now);

}  // namespace kith::app
