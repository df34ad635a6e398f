#include "db/people_list.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <string_view>
#include <unordered_map>

#include "db/database.h"
#include "db/fts_query.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

namespace {

unsigned channel_bit(std::string_view identity_kind) {
    if (identity_kind == "email") return kChannelEmail;
    if (identity_kind == "twitter") return kChannelTwitter;
    if (identity_kind == "mastodon") return kChannelMastodon;
    if (identity_kind == "website") return kChannelBlog;
    if (identity_kind == "phone") return kChannelPhone;
    return 0;
}

std::vector<std::int64_t> read_ids(SQLite::Statement& q) {
    std::vector<std::int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
}

}  // namespace

Result<std::vector<PeopleListRow>> load_people_list(Database& db, bool include_archived) {
    return guarded("list people", db.path().string(), [&]() -> Result<std::vector<PeopleListRow>> {
        auto& s = db.sql();
        // Three flat scans joined in memory: a correlated subquery per person would be 50,000
        // index seeks; these read each table once.
        std::vector<PeopleListRow> rows;
        std::unordered_map<std::int64_t, std::size_t> at;
        SQLite::Statement people(
            s,
            "SELECT id, name, last_contact_at, coalesce(last_channel, ''), strength_ref, "
            "strength_in, strength_out, strength_mutual, cold_due_at, interaction_count "
            "FROM people WHERE is_me = 0 AND (archived = 0 OR ?)");
        people.bind(1, include_archived ? 1 : 0);
        while (people.executeStep()) {
            PeopleListRow r;
            r.id = people.getColumn(0).getInt64();
            r.name = people.getColumn(1).getString();
            if (!people.getColumn(2).isNull())
                r.last_contact = core::from_unix(people.getColumn(2).getInt64());
            r.last_channel = people.getColumn(3).getString();
            r.strength.ref = core::from_unix(people.getColumn(4).getInt64());
            r.strength.in = people.getColumn(5).getDouble();
            r.strength.out = people.getColumn(6).getDouble();
            r.strength.mutual = people.getColumn(7).getDouble();
            if (!people.getColumn(8).isNull())
                r.next_due = core::from_unix(people.getColumn(8).getInt64());
            r.interaction_count = people.getColumn(9).getInt();
            // Interactions but never a meaningful one: only newsletters, robots or likes.
            r.bulk_only = r.interaction_count > 0 && !r.last_contact;
            at.emplace(r.id, rows.size());
            rows.push_back(std::move(r));
        }
        // Not DISTINCT: setting a bit twice is cheaper than SQLite's temporary B-tree.
        SQLite::Statement kinds(s, "SELECT person_id, kind FROM identities");
        while (kinds.executeStep()) {
            auto it = at.find(kinds.getColumn(0).getInt64());
            if (it != at.end())
                rows[it->second].channels |= channel_bit(kinds.getColumn(1).getText());
        }
        SQLite::Statement followers(
            s,
            "SELECT i.person_id FROM follow_edges f JOIN identities i ON "
            "i.id = f.identity_id WHERE f.direction = 'follows_me' AND f.ended_at IS NULL");
        for (const auto id : read_ids(followers)) {
            auto it = at.find(id);
            if (it != at.end()) rows[it->second].follows_me = true;
        }
        return rows;
    });
}

Result<std::vector<std::int64_t>> circle_member_ids(Database& db, std::int64_t circle_id) {
    return guarded("list circle", db.path().string(), [&]() -> Result<std::vector<std::int64_t>> {
        auto q = db.statement("SELECT person_id FROM person_circles WHERE circle_id = ?");
        q->bind(1, circle_id);
        return read_ids(*q);
    });
}

Result<std::vector<std::int64_t>> search_people_ids(Database& db, const std::string& query,
                                                    int limit) {
    const auto match = fts_prefix_query(query);
    if (match.empty()) return std::vector<std::int64_t>{};
    return guarded("search people", db.path().string(), [&]() -> Result<std::vector<std::int64_t>> {
        auto q = db.statement(
            "SELECT rowid FROM people_fts WHERE people_fts MATCH ? ORDER BY rank LIMIT ?");
        q->bind(1, match);
        q->bind(2, limit);
        return read_ids(*q);
    });
}

}  // namespace kith::db
