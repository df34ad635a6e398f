#pragma once
// Consent records: who agreed (or refused) to be emailed on which list, when, on what evidence.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/consent.h"
#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct ConsentRow {
    std::int64_t person_id = 0;
    std::string list;
    core::ConsentStatus status = core::ConsentStatus::unknown;
    core::TimePoint at{};
    std::string evidence;
};

/// The consents table. Errors: database failures; `record` also invalid_input (empty list name)
/// and not_found (no such person).
class ConsentRepo {
  public:
    explicit ConsentRepo(Database& db) : m_db(db) {}

    /// Records `status` for (person, list) at `at`, replacing the previous answer (the latest
    /// answer is what counts; evidence says where it came from: "replied to my DM 2026-11-20").
    core::Result<void> record(std::int64_t person_id, const std::string& list,
                              core::ConsentStatus status, core::TimePoint at,
                              const std::string& evidence);
    /// The consent on `list`, nullopt when never recorded (= unknown).
    core::Result<std::optional<ConsentRow>> get(std::int64_t person_id, const std::string& list);
    /// Every list's consent of one person, by list name.
    core::Result<std::vector<ConsentRow>> for_person(std::int64_t person_id);

  private:
    Database& m_db;
};

}  // namespace kith::db
