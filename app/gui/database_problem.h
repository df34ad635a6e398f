#pragma once
// What the app tells someone whose database cannot be used (damaged, locked, unwritable): what
// happened, what to do, the details, and for a damaged file the newest backup to restore.
// wx-free, so it is tested headless.

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace kith::app {

/// What the problem dialog offers.
enum class ProblemAction {
    restore,  ///< replace the database with `backup` (a damaged file with a backup)
    retry,    ///< open again (a lock that may go away)
    quit,     ///< nothing Kith can do from here
};

/// The dialog's content.
struct DatabaseProblem {
    std::string title;                            ///< one line: what happened
    std::string message;                          ///< what it means and what to do
    std::string details;                          ///< the error as Kith reported it, for "Details"
    ProblemAction action = ProblemAction::quit;   ///< the main button, besides Quit
    std::optional<std::filesystem::path> backup;  ///< the backup offered (action restore)
    std::string restore_command;                  ///< the same restore, for a terminal
};

/// Describes `error`, which came from opening or using `database`.
DatabaseProblem describe_database_problem(const core::Error& error,
                                          const std::filesystem::path& database);

/// True for errors that are about the database file itself (the problem dialog's errors).
bool is_database_problem(const core::Error& error);

}  // namespace kith::app
