#pragma once
// Circles: small named groups of people, each with an optional cadence.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace kith::db {

class Database;

struct CircleRow {
    std::int64_t id = 0;
    std::string name;
    std::optional<int> cadence_days;
    int members = 0;
};

class CircleRepo {
  public:
    explicit CircleRepo(Database& db) : m_db(db) {}

    /// Creates the circle, or returns the existing one of that name (any case).
    core::Result<std::int64_t> get_or_create(const std::string& name, core::TimePoint now);
    core::Result<std::optional<std::int64_t>> find(const std::string& name);
    /// Sets (or clears) the circle's cadence and marks its members' stats for refresh.
    core::Result<void> set_cadence(std::int64_t circle_id, std::optional<int> days);
    core::Result<void> assign(std::int64_t person_id, std::int64_t circle_id);
    core::Result<void> unassign(std::int64_t person_id, std::int64_t circle_id);
    core::Result<std::vector<CircleRow>> list();
    core::Result<std::vector<std::string>> names_for_person(std::int64_t person_id);

  private:
    Database& m_db;
};

}  // namespace kith::db
