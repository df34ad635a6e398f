#include "db/identity_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/database.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::ErrorCode;
using core::make_error;
using core::Result;

Result<std::int64_t> IdentityRepo::add(std::int64_t person_id, const core::Identity& id,
                                       core::TimePoint now) {
    return guarded("add identity", "", [&]() -> Result<std::int64_t> {
        auto find_stmt = m_db.statement(
            "SELECT i.id, i.person_id, p.name FROM identities i "
            "JOIN people p ON p.id = i.person_id WHERE i.kind = ? AND i.value = ?");
        auto& find = *find_stmt;
        find.bind(1, std::string(core::to_string(id.kind)));
        find.bind(2, id.value);
        if (find.executeStep()) {
            if (find.getColumn(1).getInt64() == person_id) return find.getColumn(0).getInt64();
            return make_error(ErrorCode::conflict,
                              std::string(core::to_string(id.kind)) + " " + id.value +
                                  " already belongs to " + find.getColumn(2).getString() + " (#" +
                                  std::to_string(find.getColumn(1).getInt64()) + ")",
                              "Remove it there first (kith-cli identity remove), or merge the two "
                              "people.");
        }
        auto ins_stmt = m_db.statement(
            "INSERT INTO identities(person_id, kind, value, display, created_at) "
            "VALUES (?, ?, ?, ?, ?)");
        auto& ins = *ins_stmt;
        ins.bind(1, person_id);
        ins.bind(2, std::string(core::to_string(id.kind)));
        ins.bind(3, id.value);
        ins.bind(4, id.display.empty() ? id.value : id.display);
        ins.bind(5, core::to_unix(now));
        ins.exec();
        return m_db.sql().getLastInsertRowid();
    });
}

Result<void> IdentityRepo::remove(std::int64_t person_id, const core::Identity& id) {
    return guarded("remove identity", "", [&]() -> Result<void> {
        auto q_stmt =
            m_db.statement("DELETE FROM identities WHERE person_id = ? AND kind = ? AND value = ?");
        auto& q = *q_stmt;
        q.bind(1, person_id);
        q.bind(2, std::string(core::to_string(id.kind)));
        q.bind(3, id.value);
        q.exec();
        if (m_db.sql().getChanges() == 0)
            return make_error(
                ErrorCode::not_found,
                "this person has no " + std::string(core::to_string(id.kind)) + " " + id.value,
                "See their identities with `kith-cli person show`.");
        return {};
    });
}

Result<std::vector<IdentityRow>> IdentityRepo::for_person(std::int64_t person_id) {
    return guarded("list identities", "", [&]() -> Result<std::vector<IdentityRow>> {
        auto q_stmt = m_db.statement(
            "SELECT i.id, i.kind, i.value, i.display, "
            "  (SELECT group_concat(n.name, char(31)) FROM identity_names n "
            "   WHERE n.identity_id = i.id) "
            "FROM identities i WHERE i.person_id = ? ORDER BY i.kind, i.value");
        auto& q = *q_stmt;
        q.bind(1, person_id);
        std::vector<IdentityRow> out;
        while (q.executeStep()) {
            IdentityRow r;
            r.id = q.getColumn(0).getInt64();
            r.person_id = person_id;
            r.identity.kind = core::parse_identity_kind(q.getColumn(1).getString())
                                  .value_or(core::IdentityKind::email);
            r.identity.value = q.getColumn(2).getString();
            r.identity.display = q.getColumn(3).getString();
            std::string names = q.getColumn(4).getString();
            for (std::size_t start = 0; start < names.size();) {
                const auto end = names.find('\x1f', start);
                r.names_seen.push_back(names.substr(start, end - start));
                if (end == std::string::npos) break;
                start = end + 1;
            }
            out.push_back(std::move(r));
        }
        return out;
    });
}

Result<std::vector<core::Identity>> IdentityRepo::mine() {
    return guarded("read my identities", "", [&]() -> Result<std::vector<core::Identity>> {
        auto q_stmt = m_db.statement(
            "SELECT i.kind, i.value, i.display FROM identities i "
            "JOIN people p ON p.id = i.person_id WHERE p.is_me = 1");
        auto& q = *q_stmt;
        std::vector<core::Identity> out;
        while (q.executeStep()) {
            auto kind = core::parse_identity_kind(q.getColumn(0).getString());
            if (!kind) continue;
            out.push_back({*kind, q.getColumn(1).getString(), q.getColumn(2).getString()});
        }
        return out;
    });
}

Result<std::vector<std::string>> IdentityRepo::seen_in(const core::Identity& id) {
    return guarded(
        "read where an identity was seen", "", [&]() -> Result<std::vector<std::string>> {
            auto q = m_db.statement(
                "SELECT s.kind || ' ' || s.location FROM identities i "
                "JOIN identity_names n ON n.identity_id = i.id JOIN sources s ON s.id = "
                "n.source_id "
                "WHERE i.kind = ? AND i.value = ? GROUP BY s.id ORDER BY min(n.first_seen), s.id");
            q->bind(1, std::string(core::to_string(id.kind)));
            q->bind(2, id.value);
            std::vector<std::string> out;
            while (q->executeStep()) out.push_back(q->getColumn(0).getString());
            return out;
        });
}

}  // namespace kith::db
