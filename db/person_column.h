#pragma once
// A column that holds a person id, as merges find them in the schema (see row_snapshot.h).

#include <string>
#include <vector>

namespace kith::db {

/// A column of some table that holds a person id.
struct PersonColumn {
    std::string table;
    std::string column;
    std::vector<std::string> key;  ///< primary-key columns ("rowid" when none is declared)
};

}  // namespace kith::db
