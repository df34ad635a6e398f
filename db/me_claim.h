#pragma once
// Claiming an identity as mine after the fact: the address that an import without "me" made into
// somebody else becomes mine, and what was derived from it is derived again.

#include <cstdint>
#include <string>

#include "core/identity.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// What claiming an identity changed.
struct MeClaim {
    std::int64_t me_id = 0;
    bool already_mine = false;            ///< nothing changed
    std::int64_t previous_person_id = 0;  ///< 0 when the identity was new or already mine
    std::string previous_person_name;
    bool previous_person_archived = false;  ///< left with no identity and no history: archived
    std::int64_t interactions_changed = 0;  ///< direction, personal flag or participants redone
    std::int64_t interactions_removed = 0;  ///< now "from me to me only": imports skip those too
    std::int64_t threads_changed = 0;       ///< conversations whose last word was recomputed
};

/// Makes `identity` one of mine. When an import (before Kith knew it was mine) attached it to
/// another person, the identity moves to me and every interaction it took part in is derived as
/// the importer derives it when the identity is known to be mine: sent from it → outbound;
/// email from or to it → personal unless bulk; it is no longer a participant (a message between
/// my own addresses only is removed, as imports skip it); the conversations' last word and the
/// people's caches are recomputed. A person left with no identity and no interaction is
/// archived, not deleted (notes and follow-ups stay; `person archive --undo` restores it). All
/// or nothing: outside a transaction in one of its own, after which the people's caches are
/// refreshed; inside a caller's transaction (an import claiming its owner in its open batch) as
/// part of it: the caller rolls back on an error, and refreshes the caches after.
core::Result<MeClaim> claim_identity_as_mine(Database& db, const core::Identity& identity,
                                             core::TimePoint now);

}  // namespace kith::db
