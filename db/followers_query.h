#pragma once
// Followers → email contacts: the people who follow me, with what is known to reach them.

#include <cstdint>
#include <string>
#include <vector>

#include "core/consent.h"
#include "core/result.h"
#include "core/time.h"
#include "db/reciprocity_repo.h"

namespace kith::db {

class Database;

/// One person with a current follows_me edge on X or Mastodon.
struct FollowerRow {
    std::int64_t person_id = 0;
    std::string name;
    std::string email;         ///< their first email identity; empty when none is known
    std::string email_source;  ///< where it was seen: the import kind ("wxr", "mbox", "vcard"…),
                               ///< else the channel of an interaction, else "manual"
    core::ConsentStatus consent = core::ConsentStatus::unknown;
    core::TimePoint consent_at{};  ///< when consent is not unknown
    std::string evidence;
    int strength = 0;  ///< 0–100 at `now`
    Reciprocity reciprocity;
};

/// Followers (not archived, not me) with email, consent on `list`, strength and reciprocity,
/// ordered by name. Refreshes stale strength caches first. Cost: one pass over follow_edges plus
/// two index lookups per follower. Errors: database failures.
core::Result<std::vector<FollowerRow>> load_followers(Database& db, const std::string& list,
                                                      core::TimePoint now);

}  // namespace kith::db
