#pragma once
// A person's interactions as the strength score and the activity sparkline see them.

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "core/strength.h"

namespace SQLite {
class Statement;
}

namespace kith::db {

class Database;

/// Every interaction person `person_id` took part in, oldest first (time, channel, kind,
/// direction, bulk). One index range; thousands of rows cost milliseconds. Errors are the
/// database's.
core::Result<std::vector<core::StrengthInput>> load_person_activity(Database& db,
                                                                    std::int64_t person_id);

/// The SQL both the activity and the stats refresh step through: one parameter, the person id.
extern const char* const kPersonActivitySql;

/// Reads the current row of a statement over kPersonActivitySql. Throws SQLite::Exception.
core::StrengthInput read_activity_row(SQLite::Statement& q);

}  // namespace kith::db
