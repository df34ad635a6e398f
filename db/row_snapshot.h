#pragma once
// Rows copied out as JSON and written back verbatim: what the merge log keeps so that an unmerge
// restores rows exactly. Internal to db/ (callers own the transaction; throws SQLite::Exception).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/person_column.h"

namespace SQLite {
class Column;
class Statement;
}  // namespace SQLite

namespace kith::db {

class Database;

/// Every column that refers to a person: the foreign keys to people(id) declared in the schema,
/// plus threads.tail_person_id (a cache without a foreign key). Read from the schema, so tables
/// added by later migrations are covered without changes here.
std::vector<PersonColumn> person_columns(Database& db);

/// The rows of `table` where `column` = `value`, each a JSON object column → value (integers,
/// reals, text, null; blobs as {"hex": …}).
nlohmann::json rows_where(Database& db, const std::string& table, const std::string& column,
                          std::int64_t value);

/// The primary keys of the rows of `pc.table` where `pc.column` = `value`, each a JSON array in
/// the order of `pc.key`.
nlohmann::json keys_where(Database& db, const PersonColumn& pc, std::int64_t value);

/// Inserts `rows` (as produced by rows_where) into `table`.
void insert_rows(Database& db, const std::string& table, const nlohmann::json& rows);

/// A column's value as rows_where stores it (text that is not UTF-8 and blobs as hex).
nlohmann::json column_json(const SQLite::Column& c);

/// Binds a JSON value read by rows_where to parameter `index` of `statement`.
void bind_json(SQLite::Statement& statement, int index, const nlohmann::json& v);

}  // namespace kith::db
