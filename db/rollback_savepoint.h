#pragma once
// Scratch work in temp tables that must leave nothing behind.

#include <SQLiteCpp/Database.h>

#include <string>

namespace kith::db {

/// A savepoint rolled back whatever happens: rows written to scratch tables while it lives are
/// gone afterwards, and any transaction of the caller's stays open and untouched.
class RollbackSavepoint {
  public:
    RollbackSavepoint(SQLite::Database& s, std::string name) : m_s(s), m_name(std::move(name)) {
        m_s.exec("SAVEPOINT " + m_name);
    }
    ~RollbackSavepoint() {
        try {
            m_s.exec("ROLLBACK TO " + m_name);
            m_s.exec("RELEASE " + m_name);
        } catch (...) {  // nothing to undo then
        }
    }
    RollbackSavepoint(const RollbackSavepoint&) = delete;
    RollbackSavepoint& operator=(const RollbackSavepoint&) = delete;

  private:
    SQLite::Database& m_s;
    std::string m_name;
};

}  // namespace kith::db
