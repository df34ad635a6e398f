#pragma once
// The blocking index of identity resolution: each person filed under the keys a duplicate of
// theirs would share (table match_keys).

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/identity.h"

namespace kith::db {

class Database;

/// What resolution reads about one person.
struct PersonFacts {
    std::int64_t id = 0;
    bool is_me = false;
    std::string name;
    std::vector<std::string> names_seen;  ///< display names their identities appeared with
    std::vector<core::Identity> identities;
};

/// Reads a person's facts; `id` 0 in the result when there is no such person. Throws
/// SQLite::Exception.
PersonFacts read_person_facts(Database& db, std::int64_t person_id);

/// The keys of a person: "n:"/"u:" name keys (core/name_similarity.h) of their name and the names
/// seen, "u:" user names, "e:" mailboxes, "x:" twitter handles. Pure.
std::vector<std::string> match_keys_of(const PersonFacts& facts);

/// Replaces the keys of `people` in match_keys. When `read` is given, the facts read on the way
/// are added to it (resolution weighs the same people next). Callers own the transaction; throws
/// SQLite::Exception.
void reindex_match_keys(Database& db, std::span<const std::int64_t> people,
                        std::unordered_map<std::int64_t, PersonFacts>* read = nullptr);

}  // namespace kith::db
