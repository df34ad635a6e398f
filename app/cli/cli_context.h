#pragma once
// What every command needs: the database (opened on first use), "now", output mode, I/O.

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/result.h"
#include "core/when_parser.h"
#include "db/database.h"

namespace kith::app {

class CliContext {
  public:
    CliContext(std::ostream& out, std::ostream& err);

    // Global options, filled by CLI11.
    std::string db_option;
    bool json = false;
    bool yes = false;

    /// The command the parser chose; run by main after parsing.
    std::function<core::Result<void>()> action;

    /// Opens the database on first call (creating and migrating it). `demo` picks demo.db when
    /// no --db/KITH_DB was given.
    core::Result<db::Database*> database(bool demo = false);
    /// The database for a command that only reads: an error naming the path when no database
    /// exists there, instead of creating an empty one (a mistyped --db would otherwise look like
    /// an empty Kith and print "nothing").
    core::Result<db::Database*> existing_database();
    std::filesystem::path database_path(bool demo = false) const;

    /// "Now": KITH_NOW (ISO 8601) when set, else the system clock.
    core::TimePoint now() const { return m_clock->now(); }
    std::chrono::seconds utc_offset() const { return m_utc_offset; }
    core::Result<core::TimePoint> when(const std::string& text, core::WhenBias bias) const;
    /// Validates KITH_NOW; called once before running the command.
    core::Result<void> init_clock();

    std::ostream& out() { return m_out; }
    std::ostream& err() { return m_err; }
    void print_json(const nlohmann::json& j);
    /// Asks a yes/no question on the terminal; false when input is not a terminal.
    bool confirm(const std::string& question);

  private:
    std::ostream& m_out;
    std::ostream& m_err;
    std::unique_ptr<core::Clock> m_clock;
    std::chrono::seconds m_utc_offset{0};
    std::unique_ptr<db::Database> m_db;
};

/// Parses a cadence: "30", "30d", "2w", "3m" (30 days each), "1y"; nullopt for "none"/"off".
core::Result<std::optional<int>> parse_cadence_days(const std::string& text);

}  // namespace kith::app
