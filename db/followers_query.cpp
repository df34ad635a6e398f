#include "db/followers_query.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "core/strength.h"
#include "db/database.h"
#include "db/person_stats.h"
#include "db/sqlite_error.h"

namespace kith::db {

namespace {

// Followers found from the edges (one scan of follow_edges) rather than by probing every person.
constexpr const char* kFollowers = R"sql(
WITH followers AS (
  SELECT DISTINCT i.person_id AS id FROM follow_edges e JOIN identities i ON i.id = e.identity_id
  WHERE e.direction = 'follows_me' AND e.ended_at IS NULL
),
first_email AS (
  SELECT i.person_id, min(i.id) AS identity_id FROM identities i JOIN followers f ON f.id =
  i.person_id WHERE i.kind = 'email' GROUP BY i.person_id
)
SELECT p.id, p.name, coalesce(em.value, ''),
  CASE WHEN em.id IS NULL THEN '' ELSE coalesce(
    (SELECT s.kind FROM identity_names n JOIN sources s ON s.id = n.source_id
     WHERE n.identity_id = em.id ORDER BY n.first_seen LIMIT 1),
    (SELECT x.channel FROM participants pp JOIN interactions x ON x.id = pp.interaction_id
     WHERE pp.person_id = p.id AND pp.identity_id = em.id ORDER BY pp.at LIMIT 1),
    'manual') END,
  coalesce(c.status, 'unknown'), coalesce(c.at, 0), coalesce(c.evidence, ''),
  p.strength_ref, p.strength_in, p.strength_out, p.strength_mutual
FROM followers f JOIN people p ON p.id = f.id
LEFT JOIN first_email fe ON fe.person_id = p.id
LEFT JOIN identities em ON em.id = fe.identity_id
LEFT JOIN consents c ON c.person_id = p.id AND c.list = ?
WHERE p.is_me = 0 AND p.archived = 0
ORDER BY p.name COLLATE NOCASE, p.id
)sql";

}  // namespace

core::Result<std::vector<FollowerRow>> load_followers(Database& db, const std::string& list,
                                                      core::TimePoint now) {
    if (auto r = refresh_person_stats(db); !r) return r.error();
    auto rows = guarded("list followers", db.path().string(),
                        [&]() -> core::Result<std::vector<FollowerRow>> {
                            SQLite::Statement q(db.sql(), kFollowers);
                            q.bind(1, list);
                            std::vector<FollowerRow> out;
                            while (q.executeStep()) {
                                FollowerRow r;
                                r.person_id = q.getColumn(0).getInt64();
                                r.name = q.getColumn(1).getString();
                                r.email = q.getColumn(2).getString();
                                r.email_source = q.getColumn(3).getString();
                                r.consent = core::parse_consent_status(q.getColumn(4).getString())
                                                .value_or(core::ConsentStatus::unknown);
                                r.consent_at = core::from_unix(q.getColumn(5).getInt64());
                                r.evidence = q.getColumn(6).getString();
                                core::StrengthSums sums;
                                sums.ref = core::from_unix(q.getColumn(7).getInt64());
                                sums.in = q.getColumn(8).getDouble();
                                sums.out = q.getColumn(9).getDouble();
                                sums.mutual = q.getColumn(10).getDouble();
                                r.strength = core::strength_score(sums, now);
                                out.push_back(std::move(r));
                            }
                            return out;
                        });
    if (!rows) return rows;
    for (auto& r : *rows) {
        auto rec = load_reciprocity(db, r.person_id);
        if (!rec) return rec.error();
        r.reciprocity = *rec;
    }
    return rows;
}

}  // namespace kith::db
