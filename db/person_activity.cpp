#include "db/person_activity.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

const char* const kPersonActivitySql =
    "SELECT i.at, i.channel, i.kind, i.direction, i.bulk "
    "FROM participants pa JOIN interactions i ON i.id = pa.interaction_id "
    "WHERE pa.person_id = ? ORDER BY pa.at";

core::StrengthInput read_activity_row(SQLite::Statement& q) {
    core::StrengthInput in;
    in.at = core::from_unix(q.getColumn(0).getInt64());
    in.channel = core::parse_channel(q.getColumn(1).getString()).value_or(core::Channel::other);
    in.kind = core::parse_kind(q.getColumn(2).getString()).value_or(core::InteractionKind::message);
    in.direction = core::parse_direction(q.getColumn(3).getString()).value_or(core::Direction::in);
    in.bulk = q.getColumn(4).getInt() != 0;
    return in;
}

core::Result<std::vector<core::StrengthInput>> load_person_activity(Database& db,
                                                                    std::int64_t person_id) {
    return guarded("read activity", db.path().string(),
                   [&]() -> core::Result<std::vector<core::StrengthInput>> {
                       auto q = db.statement(kPersonActivitySql);
                       q->bind(1, person_id);
                       std::vector<core::StrengthInput> out;
                       while (q->executeStep()) out.push_back(read_activity_row(*q));
                       return out;
                   });
}

}  // namespace kith::db
