#pragma once
// Key/value settings stored in the database (demo marker, waiting threshold…).

#include <optional>
#include <string>

#include "core/result.h"

namespace kith::db {

class Database;

class SettingsRepo {
  public:
    explicit SettingsRepo(Database& db) : m_db(db) {}
    core::Result<std::optional<std::string>> get(const std::string& key);
    core::Result<void> set(const std::string& key, const std::string& value);

  private:
    Database& m_db;
};

}  // namespace kith::db
