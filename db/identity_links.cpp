#include "db/identity_links.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <string>

#include "db/database.h"

namespace kith::db {

void record_identity_link(Database& db, const core::Identity& a, const core::Identity& b,
                          std::string_view evidence, core::TimePoint now) {
    // One row per pair whichever way round the record named them.
    auto q = db.statement(
        "INSERT OR IGNORE INTO identity_links(a, b, evidence, created_at) "
        "SELECT min(x.id, y.id), max(x.id, y.id), ?5, ?6 FROM identities x, identities y "
        "WHERE x.kind = ?1 AND x.value = ?2 AND y.kind = ?3 AND y.value = ?4 AND x.id != y.id");
    q->bind(1, std::string(core::to_string(a.kind)));
    q->bind(2, a.value);
    q->bind(3, std::string(core::to_string(b.kind)));
    q->bind(4, b.value);
    q->bind(5, std::string(evidence));
    q->bind(6, core::to_unix(now));
    q->exec();
}

}  // namespace kith::db
