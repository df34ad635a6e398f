#include "db/person_match_keys.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "core/identity_match_keys.h"
#include "core/name_similarity.h"
#include "db/database.h"

namespace kith::db {

PersonFacts read_person_facts(Database& db, std::int64_t person_id) {
    PersonFacts f;
    auto p = db.statement("SELECT name, is_me FROM people WHERE id = ?");
    p->bind(1, person_id);
    if (!p->executeStep()) return f;
    f.id = person_id;
    f.name = p->getColumn(0).getString();
    f.is_me = p->getColumn(1).getInt() != 0;
    auto ids = db.statement("SELECT kind, value, display FROM identities WHERE person_id = ?");
    ids->bind(1, person_id);
    while (ids->executeStep()) {
        const auto kind = core::parse_identity_kind(ids->getColumn(0).getString());
        if (kind)
            f.identities.push_back(
                {*kind, ids->getColumn(1).getString(), ids->getColumn(2).getString()});
    }
    auto names = db.statement(
        "SELECT DISTINCT n.name FROM identity_names n JOIN identities i ON i.id = n.identity_id "
        "WHERE i.person_id = ?");
    names->bind(1, person_id);
    while (names->executeStep()) f.names_seen.push_back(names->getColumn(0).getString());
    return f;
}

std::vector<std::string> match_keys_of(const PersonFacts& f) {
    std::vector<std::string> keys;
    const auto add_name = [&](const std::string& n) {
        for (auto& k : core::name_block_keys(n)) keys.push_back(std::move(k));
    };
    add_name(f.name);
    for (const auto& n : f.names_seen) add_name(n);
    for (const auto& id : f.identities) {
        if (id.kind == core::IdentityKind::email)
            keys.push_back("e:" + core::email_mailbox_key(id.value));
        if (const auto h = core::twitter_handle(id); !h.empty()) keys.push_back("x:" + h);
        if (const auto u = core::username_key(id); !u.empty()) keys.push_back("u:" + u);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

void reindex_match_keys(Database& db, std::span<const std::int64_t> people,
                        std::unordered_map<std::int64_t, PersonFacts>* read) {
    auto del = db.statement("DELETE FROM match_keys WHERE person_id = ?");
    auto ins = db.statement("INSERT OR IGNORE INTO match_keys(key, person_id) VALUES (?, ?)");
    for (const auto id : people) {
        del->reset();
        del->bind(1, id);
        del->exec();
        auto facts = read_person_facts(db, id);
        if (facts.id != 0 && !facts.is_me) {  // I am never a duplicate of someone else
            for (const auto& k : match_keys_of(facts)) {
                ins->reset();
                ins->bind(1, k);
                ins->bind(2, id);
                ins->exec();
            }
        }
        if (read) read->insert_or_assign(id, std::move(facts));
    }
}

}  // namespace kith::db
