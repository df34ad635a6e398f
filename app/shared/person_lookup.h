#pragma once
// Finding the person a command line argument means: "#12", an identity, or a name.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "db/database.h"

namespace kith::app {

enum class LookupMode {
    exact,  ///< id, identity or exact name only (used where a new person may be created)
    fuzzy,  ///< also a unique prefix match over names, notes and identities
};

/// Resolves `text` to one person. Errors: not_found (with a hint to add them), ambiguous (the
/// message lists the candidates with their #ids).
core::Result<std::int64_t> lookup_person(db::Database& db, const std::string& text,
                                         LookupMode mode = LookupMode::fuzzy);

}  // namespace kith::app
