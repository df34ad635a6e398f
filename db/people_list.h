#pragma once
// The People view's rows: every person with what the list shows and filters on, read in one
// query so that 50,000 people load in about a tenth of a second.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/channel.h"
#include "core/result.h"
#include "core/strength.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// Bits of PeopleListRow::channels: where a person can be reached, from their identities.
enum ChannelBit : unsigned {
    kChannelEmail = 1u << 0,
    kChannelTwitter = 1u << 1,
    kChannelMastodon = 1u << 2,
    kChannelBlog = 1u << 3,
    kChannelPhone = 1u << 4,
};

struct PeopleListRow {
    std::int64_t id = 0;
    std::string name;
    unsigned channels = 0;  ///< ChannelBit flags
    std::optional<core::TimePoint> last_contact;
    std::string last_channel;
    core::StrengthSums strength;
    std::optional<core::TimePoint> next_due;  ///< when they go cold (cadence), if they have one
    bool follows_me = false;                  ///< a current follower on any network
    bool bulk_only = false;  ///< every interaction with them was bulk mail (a newsletter, a robot)
    int interaction_count = 0;
};

/// Every person but me; archived people only with `include_archived`. Unsorted (the view sorts).
/// Errors are the database's.
core::Result<std::vector<PeopleListRow>> load_people_list(Database& db, bool include_archived);

/// The ids of people in circle `circle_id`. Errors are the database's.
core::Result<std::vector<std::int64_t>> circle_member_ids(Database& db, std::int64_t circle_id);

/// Ids of people whose name, notes or identities match every word of `query` as a prefix, best
/// matches first, at most `limit`. An empty query matches nobody. Errors are the database's.
core::Result<std::vector<std::int64_t>> search_people_ids(Database& db, const std::string& query,
                                                          int limit);

}  // namespace kith::db
