#pragma once
// How interactions are stored compactly (migration 9): a 64-bit digest of the external id instead
// of an index over its text, and no copy of a URL the external id already spells.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace kith::db {

/// The 64-bit FNV-1a digest of `ns`, a unit separator and `id`, as stored in
/// interactions.ext_hash. Stable across builds and machines (files carry it). Lookups compare
/// ext_ns and ext_id as well, so two ids sharing a digest stay two interactions.
std::int64_t ext_hash(std::string_view ns, std::string_view id);

/// Makes ext_hash available to SQL on `db` as kith_ext_hash(ns, id) (for the migration that fills
/// the column). Throws SQLite::Exception when SQLite refuses.
void register_ext_hash(SQLite::Database& db);

/// What interactions.url holds for `url`: nothing (nullptr, stored as NULL) when it is the `mid:`
/// URL of a bracketed Message-ID `ext_id` (RFC 2392; every email, ~45 bytes each), else `url`
/// itself (the same object, so it can be bound without a copy).
const std::string* stored_url(const std::string& url, const std::string& ext_id);

/// The URL of the interactions row aliased `i`, as SQL: the inverse of stored_url.
inline constexpr const char* kUrlColumn =
    "coalesce(i.url, 'mid:' || substr(i.ext_id, 2, length(i.ext_id) - 2))";

}  // namespace kith::db
