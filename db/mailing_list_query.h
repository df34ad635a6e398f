#pragma once
// Who goes into a mailing-list export: opted-in people, never opted-out ones.

#include <cstdint>
#include <string>
#include <vector>

#include "core/mailing_list_csv.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// People with an email (their first email identity; circles as tags) who opted in to `list`, by
/// name. With `include_unconsented`, also the followers (X, Mastodon) with a known email whose
/// consent is unknown or asked — never anyone who opted out, and never archived people or me.
/// Errors: database failures.
core::Result<std::vector<core::MailingListContact>> load_mailing_list(Database& db,
                                                                      const std::string& list,
                                                                      bool include_unconsented);

}  // namespace kith::db
