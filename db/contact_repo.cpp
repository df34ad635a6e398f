#include "db/contact_repo.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "db/circle_repo.h"
#include "db/database.h"
#include "db/identity_repo.h"
#include "db/sqlite_error.h"

namespace kith::db {

using core::Result;

Result<std::optional<std::int64_t>> ContactRepo::find_card(const std::string& ext_ns,
                                                           const std::string& ext_id) {
    return guarded("find contact card", "", [&]() -> Result<std::optional<std::int64_t>> {
        auto q =
            m_db.statement("SELECT person_id FROM contact_cards WHERE ext_ns = ? AND ext_id = ?");
        q->bind(1, ext_ns);
        q->bind(2, ext_id);
        if (q->executeStep()) return std::optional<std::int64_t>(q->getColumn(0).getInt64());
        return std::optional<std::int64_t>();
    });
}

Result<void> ContactRepo::link_card(const std::string& ext_ns, const std::string& ext_id,
                                    std::int64_t person_id) {
    return guarded("link contact card", "", [&]() -> Result<void> {
        auto q = m_db.statement(
            "INSERT OR IGNORE INTO contact_cards(ext_ns, ext_id, person_id) VALUES (?, ?, ?)");
        q->bind(1, ext_ns);
        q->bind(2, ext_id);
        q->bind(3, person_id);
        q->exec();
        return {};
    });
}

Result<PersonDetails> ContactRepo::details(std::int64_t person_id) {
    return guarded("read person details", "", [&]() -> Result<PersonDetails> {
        auto q = m_db.statement(
            "SELECT organization, title, birthday, coalesce(photo_png, x'') FROM person_details "
            "WHERE person_id = ?");
        q->bind(1, person_id);
        PersonDetails d;
        if (q->executeStep()) {
            d.organization = q->getColumn(0).getString();
            d.title = q->getColumn(1).getString();
            d.birthday = q->getColumn(2).getString();
            const auto photo = q->getColumn(3);
            d.photo_png.assign(static_cast<const char*>(photo.getBlob()),
                               static_cast<std::size_t>(photo.getBytes()));
        }
        return d;
    });
}

Result<bool> ContactRepo::enrich(std::int64_t person_id, const core::ContactRecord& card,
                                 core::TimePoint now) {
    auto have = details(person_id);
    if (!have) return have.error();
    return guarded("update person details", "", [&]() -> Result<bool> {
        bool changed = false;
        // A card's value replaces an older one: the card is the newer word on where someone works.
        const auto take = [&](std::string& field, const std::string& value) {
            if (!value.empty() && field != value) {
                field = value;
                changed = true;
            }
        };
        PersonDetails d = *have;
        take(d.organization, card.organization);
        take(d.title, card.title);
        take(d.birthday, card.birthday);
        take(d.photo_png, card.photo_png);
        if (changed) {
            auto q = m_db.statement(
                "INSERT INTO person_details(person_id, organization, title, birthday, photo_png, "
                "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(person_id) DO UPDATE SET "
                "organization = ?2, title = ?3, birthday = ?4, photo_png = ?5, updated_at = ?6");
            q->bind(1, person_id);
            q->bind(2, d.organization);
            q->bind(3, d.title);
            q->bind(4, d.birthday);
            if (d.photo_png.empty())
                q->bind(5);
            else
                q->bind(5, d.photo_png.data(), static_cast<int>(d.photo_png.size()));
            q->bind(6, core::to_unix(now));
            q->exec();
        }
        if (!card.notes.empty()) {
            auto get = m_db.statement("SELECT notes FROM people WHERE id = ?");
            get->bind(1, person_id);
            std::string notes = get->executeStep() ? get->getColumn(0).getString() : "";
            get->reset();
            if (notes.find(card.notes) == std::string::npos) {
                notes = notes.empty() ? card.notes : notes + "\n\n" + card.notes;
                auto set =
                    m_db.statement("UPDATE people SET notes = ?, updated_at = ? WHERE id = ?");
                set->bind(1, notes);
                set->bind(2, core::to_unix(now));
                set->bind(3, person_id);
                set->exec();
                changed = true;
            }
        }
        return changed;
    });
}

Result<void> ContactRepo::for_each_card(
    const std::vector<std::int64_t>& ids,
    const std::function<Result<void>(std::int64_t, const core::ContactRecord&)>& fn) {
    std::vector<std::pair<std::int64_t, core::ContactRecord>> heads;
    auto listed = guarded("list people for export", "", [&]() -> Result<void> {
        auto q = m_db.statement(
            "SELECT id, name, notes, cadence_days FROM people "
            "WHERE is_me = 0 AND archived = 0 ORDER BY name COLLATE NOCASE, id");
        auto one = m_db.statement("SELECT id, name, notes, cadence_days FROM people WHERE id = ?");
        const auto read = [&](SQLite::Statement& s) {
            core::ContactRecord c;
            c.ext_ns = "kith";
            c.ext_id = "kith-person-" + std::to_string(s.getColumn(0).getInt64());
            c.display_name = s.getColumn(1).getString();
            c.notes = s.getColumn(2).getString();
            if (!s.getColumn(3).isNull()) c.cadence_days = s.getColumn(3).getInt();
            heads.emplace_back(s.getColumn(0).getInt64(), std::move(c));
        };
        if (ids.empty()) {
            while (q->executeStep()) read(*q);
        } else {
            for (const auto id : ids) {
                one->bind(1, id);
                if (one->executeStep()) read(*one);
                one->reset();
            }
        }
        return {};
    });
    if (!listed) return listed;
    IdentityRepo identities(m_db);
    CircleRepo circles(m_db);
    for (auto& [id, card] : heads) {
        auto ids_of = identities.for_person(id);
        if (!ids_of) return ids_of.error();
        for (auto& row : *ids_of) card.identities.push_back(std::move(row.identity));
        auto circles_of = circles.names_for_person(id);
        if (!circles_of) return circles_of.error();
        card.circles = std::move(*circles_of);
        auto d = details(id);
        if (!d) return d.error();
        card.organization = std::move(d->organization);
        card.title = std::move(d->title);
        card.birthday = std::move(d->birthday);
        card.photo_png = std::move(d->photo_png);
        if (auto r = fn(id, card); !r) return r;
        card = core::ContactRecord{};  // the photo and lists are not needed any more
    }
    return {};
}

}  // namespace kith::db
