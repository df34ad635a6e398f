#pragma once
// The "Followers → email" list as both programs show it: followers with email, consent,
// engagement and reciprocity, optionally ranked by how worth asking for an email they are.

#include <string>
#include <vector>

#include "core/email_ask_rank.h"
#include "core/result.h"
#include "db/database.h"
#include "db/followers_query.h"

namespace kith::app {

struct FollowerItem {
    db::FollowerRow row;
    bool worth_asking = false;  ///< core::worth_asking (consent unknown)
    double ask_score = 0;       ///< core::email_ask_score
};

/// The followers of `list`'s point of view. `ranked`: only those worth asking, best first
/// (ties by name); otherwise everyone by name. Errors: database failures.
core::Result<std::vector<FollowerItem>> load_follower_items(db::Database& db,
                                                            const std::string& list,
                                                            core::TimePoint now, bool ranked);

/// "follows me on X, Mastodon · I follow on Mastodon · comments 3↔1 · replies 2↔0 · DMs 1↔1";
/// the reciprocity at a glance, for lists and the person page. Pure.
std::string reciprocity_line(const db::Reciprocity& r);

}  // namespace kith::app
