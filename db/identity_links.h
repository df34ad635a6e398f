#pragma once
// What a record says about two identities being one person, kept for the resolver when the two
// already belong to different people.

#include <string_view>

#include "core/identity.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// Records that `a` and `b` (both existing identities) are one person, according to `evidence`
/// ("contact vcard:…", "mastodon account:…"). Idempotent. Callers own the transaction; throws
/// SQLite::Exception.
void record_identity_link(Database& db, const core::Identity& a, const core::Identity& b,
                          std::string_view evidence, core::TimePoint now);

}  // namespace kith::db
