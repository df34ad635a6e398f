#include "db/reciprocity_repo.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

core::Result<Reciprocity> load_reciprocity(Database& db, std::int64_t person_id) {
    return guarded("read reciprocity", db.path().string(), [&]() -> core::Result<Reciprocity> {
        Reciprocity r;
        auto edges = db.statement(
            // The person's few identities first (CROSS JOIN fixes that order), then for each a
            // seek in the (network, identity_id, direction) index through the network IN list.
            // Left to itself SQLite walks every edge of a network: 16,000 followers × 30,000
            // edges made the followers list take minutes at 50,000 people.
            "SELECT e.network, e.direction FROM identities i CROSS JOIN follow_edges e ON "
            "e.network IN ('twitter', 'mastodon') AND e.identity_id = i.id "
            "WHERE i.person_id = ? AND e.ended_at IS NULL");
        edges->bind(1, person_id);
        while (edges->executeStep()) {
            const bool x = edges->getColumn(0).getString() == "twitter";
            const bool follows_me = edges->getColumn(1).getString() == "follows_me";
            bool& flag = follows_me ? (x ? r.follows_me_x : r.follows_me_mastodon)
                                    : (x ? r.i_follow_x : r.i_follow_mastodon);
            flag = true;
        }
        auto counts = db.statement(
            "SELECT coalesce(sum(x.kind = 'comment' AND x.direction = 'in'), 0), "
            "coalesce(sum(x.kind = 'comment' AND x.direction = 'out'), 0), "
            "coalesce(sum(x.kind = 'reply' AND x.direction = 'in'), 0), "
            "coalesce(sum(x.kind = 'reply' AND x.direction = 'out'), 0), "
            "coalesce(sum(x.kind = 'dm' AND x.direction = 'in'), 0), "
            "coalesce(sum(x.kind = 'dm' AND x.direction = 'out'), 0) "
            "FROM participants p JOIN interactions x ON x.id = p.interaction_id "
            "WHERE p.person_id = ?");
        counts->bind(1, person_id);
        if (counts->executeStep()) {
            r.comments_from_them = counts->getColumn(0).getInt();
            r.comments_from_me = counts->getColumn(1).getInt();
            r.replies_from_them = counts->getColumn(2).getInt();
            r.replies_from_me = counts->getColumn(3).getInt();
            r.dms_from_them = counts->getColumn(4).getInt();
            r.dms_from_me = counts->getColumn(5).getInt();
        }
        return r;
    });
}

}  // namespace kith::db
