#include "app/gui/database_problem.h"

#include "db/backup.h"
#include "db/database.h"
#include "db/sqlite_file.h"

namespace kith::app {

using core::ErrorCode;

namespace {

std::string restore_command(const std::filesystem::path& database, const std::string& file) {
    return "kith-cli --db " + db::shell_quoted(database) + " restore " + file;
}

}  // namespace

bool is_database_problem(const core::Error& error) {
    switch (error.code) {
        case ErrorCode::corrupt:
        case ErrorCode::locked:
        case ErrorCode::io:
        case ErrorCode::not_a_kith_database:
        case ErrorCode::too_new:
        case ErrorCode::database:
            return true;
        default:
            return false;
    }
}

DatabaseProblem describe_database_problem(const core::Error& error,
                                          const std::filesystem::path& database) {
    DatabaseProblem p;
    const std::string file = database.string();
    p.details = error.message + (error.hint.empty() ? "" : "\n" + error.hint);
    switch (error.code) {
        case ErrorCode::corrupt:
            p.title = "Your Kith database is damaged";
            p.backup = db::latest_backup(database);
            if (p.backup) {
                p.action = ProblemAction::restore;
                p.restore_command = restore_command(database, db::shell_quoted(*p.backup));
                p.message = "The file " + file +
                            " is damaged, so Kith did not write anything to it.\n\nThe newest "
                            "backup is " +
                            p.backup->filename().string() +
                            ". Restore it to carry on from there; the damaged file is kept in "
                            "the backups folder.\n\nFrom a terminal: " +
                            p.restore_command;
            } else {
                p.restore_command = restore_command(database, "FILE");
                p.message = "The file " + file +
                            " is damaged, so Kith did not write anything to it.\n\nThere is no "
                            "backup in " +
                            db::backup_folder(database).string() +
                            ". If you have a copy of the file, restore it from a terminal: " +
                            p.restore_command;
            }
            break;
        case ErrorCode::locked:
            p.title = "Your Kith database is busy";
            p.action = ProblemAction::retry;
            p.message =
                "Another program — Kith in another window or a kith-cli import — is "
                "writing to " +
                file + " and did not finish within " +
                std::to_string(db::busy_timeout_ms() / 1000) +
                " seconds.\n\nWait for it to finish, or close it, and try again. Nothing "
                "was changed.";
            break;
        case ErrorCode::io:
            p.title = "Kith cannot use the database file";
            p.message = "Kith cannot read or write " + file + ".\n\n" + error.hint +
                        "\n\nTo use another file: kith --db PATH";
            break;
        default:
            p.title = "Kith cannot open the database";
            p.message = error.message + "\n\n" + error.hint;
            break;
    }
    return p;
}

}  // namespace kith::app
