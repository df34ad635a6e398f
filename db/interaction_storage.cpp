#include "db/interaction_storage.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace kith::db {

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= kFnvPrime;
    }
    return h;
}

std::string_view text_arg(sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)))
             : std::string_view();
}

void ext_hash_sql(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_result_int64(ctx, ext_hash(text_arg(argv[0]), text_arg(argv[1])));
}

}  // namespace

std::int64_t ext_hash(std::string_view ns, std::string_view id) {
    const auto h = fnv1a(fnv1a(fnv1a(kFnvOffset, ns), "\x1f"), id);
    return static_cast<std::int64_t>(h);  // two's complement: the same bits in SQLite's INTEGER
}

void register_ext_hash(SQLite::Database& db) {
    const int rc = sqlite3_create_function_v2(db.getHandle(), "kith_ext_hash", 2,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                              &ext_hash_sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

const std::string* stored_url(const std::string& url, const std::string& ext_id) {
    const auto n = ext_id.size();
    if (n >= 2 && ext_id.front() == '<' && ext_id.back() == '>' && url.size() == n + 2 &&
        url.compare(0, 4, "mid:") == 0 && url.compare(4, n - 2, ext_id, 1, n - 2) == 0)
        return nullptr;
    return &url;
}

}  // namespace kith::db
