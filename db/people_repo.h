#pragma once
// People: add, find, list, edit, archive; the "me" person.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cadence.h"
#include "core/identity.h"
#include "core/result.h"
#include "core/strength.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct PersonRow {
    std::int64_t id = 0;
    std::string name;
    std::string notes;
    bool is_me = false;
    bool archived = false;
    std::optional<int> cadence_days;         ///< explicit
    std::optional<int> circle_cadence_days;  ///< shortest of the person's circles
    std::optional<int> inferred_cadence_days;
    core::TimePoint created_at{};
    std::optional<core::TimePoint> last_contact;
    std::string last_channel;
    int interaction_count = 0;
    core::StrengthSums strength;
    std::optional<core::TimePoint> cold_due;

    core::Cadence cadence() const;
};

enum class PeopleSort { name, last_contact, strength };

struct PeopleFilter {
    std::string circle;  ///< only members of this circle
    bool include_archived = false;
    PeopleSort sort = PeopleSort::name;
    int limit = 0;  ///< 0 = all
};

/// Person queries and edits on one connection. Methods return Errors, never throw.
class PeopleRepo {
  public:
    explicit PeopleRepo(Database& db) : m_db(db) {}

    /// Adds a person. `index_later`: an import's sink adds the person to people search with the
    /// rest of its batch (InteractionWriter::flush, migration 6) instead of through the insert
    /// triggers, each of which makes FTS5 write a segment of its own; only for callers whose
    /// transaction ends with that flush (ImportSink).
    core::Result<std::int64_t> add(const std::string& name, const std::string& notes,
                                   core::TimePoint now, bool index_later = false);
    core::Result<PersonRow> get(std::int64_t id);
    /// People whose name equals `name` ignoring case (archived included last).
    core::Result<std::vector<PersonRow>> find_by_name(const std::string& name);
    /// People whose name, notes or identities match every word of `query` as a prefix.
    core::Result<std::vector<PersonRow>> search(const std::string& query, int limit);
    core::Result<std::optional<std::int64_t>> find_by_identity(const core::Identity& id);
    core::Result<std::vector<PersonRow>> list(const PeopleFilter& filter);
    core::Result<void> rename(std::int64_t id, const std::string& name, core::TimePoint now);
    core::Result<void> set_notes(std::int64_t id, const std::string& notes, core::TimePoint now);
    core::Result<void> set_archived(std::int64_t id, bool archived, core::TimePoint now);
    /// Explicit cadence; nullopt clears it (circle or inferred cadence applies again).
    core::Result<void> set_cadence(std::int64_t id, std::optional<int> days, core::TimePoint now);
    /// The user's own person, created on first use.
    core::Result<std::int64_t> me(core::TimePoint now);

  private:
    Database& m_db;
};

}  // namespace kith::db
