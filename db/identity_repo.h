#pragma once
// Identities of people (and of me): add, remove, list.

#include <cstdint>
#include <string>
#include <vector>

#include "core/identity.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct IdentityRow {
    std::int64_t id = 0;
    std::int64_t person_id = 0;
    core::Identity identity;
    std::vector<std::string> names_seen;  ///< display names this identity appeared with
};

class IdentityRepo {
  public:
    explicit IdentityRepo(Database& db) : m_db(db) {}

    /// Attaches `id` to the person. Already theirs → returns the existing row id; someone else's →
    /// ErrorCode::conflict naming the other person.
    core::Result<std::int64_t> add(std::int64_t person_id, const core::Identity& id,
                                   core::TimePoint now);
    /// Detaches the identity from the person; interactions stay with the person.
    core::Result<void> remove(std::int64_t person_id, const core::Identity& id);
    core::Result<std::vector<IdentityRow>> for_person(std::int64_t person_id);
    /// My identities (those of the "me" person).
    core::Result<std::vector<core::Identity>> mine();
    /// The sources that named `id` ("twitter /home/me/archive.zip"), oldest first: for my own
    /// identities, the archives and accounts that said they are mine.
    core::Result<std::vector<std::string>> seen_in(const core::Identity& id);

  private:
    Database& m_db;
};

}  // namespace kith::db
