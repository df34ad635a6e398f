#include "app/shared/people_csv.h"

#include <algorithm>
#include <ostream>

#include "core/csv_writer.h"
#include "core/identity.h"
#include "db/circle_repo.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"

namespace kith::app {

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
}

}  // namespace

const std::vector<std::string>& people_csv_fields() {
    static const std::vector<std::string> kFields = {
        "id",       "name",    "email", "twitter",      "mastodon",     "website",  "phone",
        "linkedin", "circles", "notes", "cadence_days", "last_contact", "strength", "created"};
    return kFields;
}

const std::vector<std::string>& default_people_csv_fields() {
    static const std::vector<std::string> kDefault = {"name", "email", "phone", "circles"};
    return kDefault;
}

core::Result<std::size_t> write_people_csv(db::Database& db, std::ostream& out,
                                           const std::vector<std::string>& fields,
                                           const std::vector<std::int64_t>& person_ids,
                                           core::TimePoint now) {
    const auto& known = people_csv_fields();
    for (const auto& f : fields)
        if (std::find(known.begin(), known.end(), f) == known.end())
            return core::make_error(core::ErrorCode::invalid_input, "unknown field '" + f + "'",
                                    "Fields: " + joined(known) + ".");
    core::CsvWriter csv(out);
    csv.row(fields);
    db::PeopleRepo people(db);
    db::IdentityRepo identities(db);
    db::CircleRepo circles(db);
    for (const auto id : person_ids) {
        auto p = people.get(id);
        if (!p) return p.error();
        auto ids = identities.for_person(id);
        if (!ids) return ids.error();
        std::vector<std::string> row;
        for (const auto& f : fields) {
            if (const auto kind = core::parse_identity_kind(f)) {
                std::vector<std::string> values;
                for (const auto& i : *ids)
                    if (i.identity.kind == *kind)
                        values.push_back(i.identity.display.empty() ? i.identity.value
                                                                    : i.identity.display);
                row.push_back(joined(values));
            } else if (f == "id") {
                row.push_back(std::to_string(p->id));
            } else if (f == "name") {
                row.push_back(p->name);
            } else if (f == "circles") {
                auto c = circles.names_for_person(id);
                if (!c) return c.error();
                row.push_back(joined(*c));
            } else if (f == "notes") {
                row.push_back(p->notes);
            } else if (f == "cadence_days") {
                const auto c = p->cadence();
                row.push_back(
                    c.source == core::CadenceSource::none ? "" : std::to_string(c.days.count()));
            } else if (f == "last_contact") {
                row.push_back(p->last_contact ? core::format_date(*p->last_contact) : "");
            } else if (f == "strength") {
                row.push_back(std::to_string(core::strength_score(p->strength, now)));
            } else if (f == "created") {
                row.push_back(core::format_date(p->created_at));
            }
        }
        csv.row(row);
    }
    return person_ids.size();
}

}  // namespace kith::app
