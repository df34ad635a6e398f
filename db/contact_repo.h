#pragma once
// Contact cards in the database: which card made which person, the details cards carry
// (organization, title, birthday, photo), and reading people back as cards for export.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

/// The details of a person that cards carry; empty strings when unknown.
struct PersonDetails {
    std::string organization, title, birthday, photo_png;
};

/// Card keys, details and export on one connection. Methods return Errors, never throw; callers
/// own the transaction. Not thread-safe.
class ContactRepo {
  public:
    explicit ContactRepo(Database& db) : m_db(db) {}

    /// The person a card (ext_ns, ext_id) made or enriched before, if any.
    core::Result<std::optional<std::int64_t>> find_card(const std::string& ext_ns,
                                                        const std::string& ext_id);
    /// Remembers that the card belongs to `person_id` (kept when already known).
    core::Result<void> link_card(const std::string& ext_ns, const std::string& ext_id,
                                 std::int64_t person_id);

    core::Result<PersonDetails> details(std::int64_t person_id);
    /// Sets the non-empty fields of `card` (organization, title, birthday, photo) on the person
    /// and adds its notes when the person's notes do not hold them yet. True when something
    /// changed.
    core::Result<bool> enrich(std::int64_t person_id, const core::ContactRecord& card,
                              core::TimePoint now);

    /// Calls `fn` with each person as a card (name, identities, circles, notes, cadence,
    /// details; ext_id "kith-person-ID"), in name order: the people in `ids`, or when `ids` is
    /// empty everyone but me and the archived. Stops at the first Error `fn` returns.
    core::Result<void> for_each_card(
        const std::vector<std::int64_t>& ids,
        const std::function<core::Result<void>(std::int64_t, const core::ContactRecord&)>& fn);

  private:
    Database& m_db;
};

}  // namespace kith::db
