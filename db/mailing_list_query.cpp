#include "db/mailing_list_query.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

namespace {

constexpr const char* kMailingList = R"sql(
WITH first_email AS (
  SELECT person_id, min(id) AS identity_id FROM identities WHERE kind = 'email'
  GROUP BY person_id
)
SELECT p.id, p.name, e.value, coalesce(c.status, 'unknown'), coalesce(c.at, 0),
  coalesce(c.evidence, ''),
  (SELECT group_concat(name, char(31)) FROM (SELECT ci.name FROM person_circles pc
     JOIN circles ci ON ci.id = pc.circle_id WHERE pc.person_id = p.id ORDER BY ci.name))
FROM first_email fe JOIN identities e ON e.id = fe.identity_id
JOIN people p ON p.id = fe.person_id
LEFT JOIN consents c ON c.person_id = p.id AND c.list = ?1
WHERE p.is_me = 0 AND p.archived = 0 AND (
  c.status = 'opted_in' OR
  (?2 AND coalesce(c.status, 'unknown') IN ('unknown', 'asked') AND EXISTS (
     SELECT 1 FROM identities i JOIN follow_edges f ON f.network IN ('twitter', 'mastodon')
       AND f.identity_id = i.id
     WHERE i.person_id = p.id AND f.direction = 'follows_me' AND f.ended_at IS NULL)))
ORDER BY p.name COLLATE NOCASE, p.id
)sql";

std::vector<std::string> split_unit(const std::string& s) {
    std::vector<std::string> out;
    if (s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto end = s.find('\x1f', start);
        out.push_back(s.substr(start, end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

}  // namespace

core::Result<std::vector<core::MailingListContact>> load_mailing_list(Database& db,
                                                                      const std::string& list,
                                                                      bool include_unconsented) {
    return guarded("select the mailing list", db.path().string(),
                   [&]() -> core::Result<std::vector<core::MailingListContact>> {
                       SQLite::Statement q(db.sql(), kMailingList);
                       q.bind(1, list);
                       q.bind(2, include_unconsented ? 1 : 0);
                       std::vector<core::MailingListContact> out;
                       while (q.executeStep()) {
                           core::MailingListContact e;
                           e.person_id = q.getColumn(0).getInt64();
                           e.name = q.getColumn(1).getString();
                           e.email = q.getColumn(2).getString();
                           e.consent = core::parse_consent_status(q.getColumn(3).getString())
                                           .value_or(core::ConsentStatus::unknown);
                           e.consent_at = core::from_unix(q.getColumn(4).getInt64());
                           e.evidence = q.getColumn(5).getString();
                           e.tags = split_unit(q.getColumn(6).getString());
                           out.push_back(std::move(e));
                       }
                       return out;
                   });
}

}  // namespace kith::db
