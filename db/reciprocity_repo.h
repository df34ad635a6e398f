#pragma once
// Reciprocity at a glance: who follows whom, who comments and replies to whom.

#include <cstdint>

#include "core/result.h"

namespace kith::db {

class Database;

/// Both directions of one relationship, as counts over the whole history.
struct Reciprocity {
    bool follows_me_x = false, follows_me_mastodon = false;  ///< current (not ended) edges
    bool i_follow_x = false, i_follow_mastodon = false;
    int comments_from_them = 0;  ///< their comments (on my blog): channel any, kind comment, in
    int comments_from_me = 0;    ///< my comments (on their blog, or answering theirs): out
    int replies_from_them = 0, replies_from_me = 0;  ///< kind reply, in / out
    int dms_from_them = 0, dms_from_me = 0;          ///< kind dm, in / out

    bool follows_me() const { return follows_me_x || follows_me_mastodon; }
    bool i_follow() const { return i_follow_x || i_follow_mastodon; }
};

/// Reads one person's reciprocity (two index range scans: their identities' edges, their
/// participations). Errors: database failures.
core::Result<Reciprocity> load_reciprocity(Database& db, std::int64_t person_id);

}  // namespace kith::db
