#pragma once
// Who a quick log is about: each name, #id or identity resolved to a person, and the plain names
// nobody has yet (the CLI asks before creating them, the app shows them as "new").

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "db/database.h"

namespace kith::app {

struct PeoplePlan {
    std::vector<std::int64_t> ids;       ///< people found, in the order named
    std::vector<std::string> to_create;  ///< plain names of people not in the database yet
};

/// Resolves every entry exactly (id, identity or exact name). An unknown plain name goes to
/// `to_create`; an unknown #id or identity, and an ambiguous name, are errors (ambiguous lists
/// the candidates). Reads only.
core::Result<PeoplePlan> plan_people(db::Database& db, const std::vector<std::string>& names);

/// Adds a person for each name; returns their ids in order. Errors are the database's.
core::Result<std::vector<std::int64_t>> create_people(db::Database& db,
                                                      const std::vector<std::string>& names,
                                                      core::TimePoint now);

/// "Ana Ruiz, bob@example.org; #12" → {"Ana Ruiz", "bob@example.org", "#12"}: split on commas
/// and semicolons, trimmed, empty entries dropped. Pure.
std::vector<std::string> split_people(const std::string& text);

}  // namespace kith::app
