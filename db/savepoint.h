#pragma once
// All or nothing inside or outside a caller's transaction: SQLite savepoints nest, BEGIN does not.

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

/// Runs `fn` (which returns a Result) in the savepoint `name`: an error result or an exception
/// undoes everything `fn` wrote. Inside a caller's transaction (an import's open batch) the
/// work then commits or rolls back with it; outside one the savepoint is a transaction of its
/// own. SQLite errors become Errors about `what`.
template <class Fn>
auto atomically(Database& db, const char* what, const char* name, Fn&& fn) -> decltype(fn()) {
    return guarded(what, db.path().string(), [&]() -> decltype(fn()) {
        const std::string n(name);
        db.sql().exec("SAVEPOINT " + n);
        try {
            auto r = fn();
            db.sql().exec(r ? "RELEASE " + n : "ROLLBACK TO " + n + "; RELEASE " + n);
            return r;
        } catch (...) {
            db.sql().exec("ROLLBACK TO " + n + "; RELEASE " + n);
            throw;
        }
    });
}

/// True when no transaction is open on `db`'s connection (work done now commits at once).
inline bool outside_transaction(Database& db) {
    return sqlite3_get_autocommit(db.sql().getHandle()) != 0;
}

}  // namespace kith::db
