#include "db/sqlite_error.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

#include "db/backup.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;

core::Error sqlite_error(int result_code, std::string_view detail, std::string_view what,
                         std::string_view path) {
    const std::string where = path.empty() ? std::string() : " (" + std::string(path) + ")";
    const std::string head = std::string(what) + where + ": ";
    switch (result_code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return make_error(ErrorCode::locked, head + "the database is locked by another program",
                              "Kith or kith-cli is busy writing to it; try again in a moment, or "
                              "close the other program.");
        case SQLITE_NOTADB:
            return make_error(ErrorCode::not_a_kith_database, head + "this file is not a database",
                              "Check the path given with --db or KITH_DB; nothing was changed.");
        case SQLITE_CORRUPT:
            return make_error(ErrorCode::corrupt,
                              head + "the database file is damaged (" + std::string(detail) + ")",
                              path.empty() ? std::string("Nothing was written. Restore the newest "
                                                         "copy from the backups folder next to "
                                                         "the database.")
                                           : restore_hint(std::string(path)));
        case SQLITE_CANTOPEN:
            return make_error(ErrorCode::io, head + "cannot open the database file",
                              "Check that the folder exists and is writable, or choose another "
                              "file with --db PATH or KITH_DB.");
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return make_error(ErrorCode::io, head + "the database is read-only here",
                              "Make the file and its folder writable, or copy it somewhere "
                              "writable and use --db PATH.");
        case SQLITE_FULL:
            return make_error(ErrorCode::io, head + "the disk is full",
                              "Free some space; the last batch was rolled back.");
        case SQLITE_IOERR:
            return make_error(ErrorCode::io,
                              head + "a disk read or write failed (" + std::string(detail) + ")",
                              "Check the disk and the file's permissions.");
        default:
            return make_error(ErrorCode::database, head + std::string(detail),
                              "If this persists, please report it with the command you ran.");
    }
}

core::Error sqlite_error(const SQLite::Exception& e, std::string_view what, std::string_view path) {
    return sqlite_error(e.getErrorCode(), e.getErrorStr() ? e.getErrorStr() : e.what(), what, path);
}

}  // namespace kith::db
