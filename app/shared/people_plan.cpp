#include "app/shared/people_plan.h"

#include "app/shared/person_lookup.h"
#include "db/people_repo.h"

namespace kith::app {

core::Result<PeoplePlan> plan_people(db::Database& db, const std::vector<std::string>& names) {
    PeoplePlan plan;
    for (const auto& n : names) {
        auto id = lookup_person(db, n, LookupMode::exact);
        if (id) {
            plan.ids.push_back(*id);
            continue;
        }
        if (id.error().code != core::ErrorCode::not_found) return id.error();
        // Only a plain name can become a new person; "#99" or an address nobody has is a typo
        // more often than someone new.
        const bool looks_like_name = n.find('@') == std::string::npos && n[0] != '#';
        if (!looks_like_name) return id.error();
        plan.to_create.push_back(n);
    }
    return plan;
}

core::Result<std::vector<std::int64_t>> create_people(db::Database& db,
                                                      const std::vector<std::string>& names,
                                                      core::TimePoint now) {
    std::vector<std::int64_t> ids;
    db::PeopleRepo people(db);
    for (const auto& n : names) {
        auto id = people.add(n, "", now);
        if (!id) return id.error();
        ids.push_back(*id);
    }
    return ids;
}

std::vector<std::string> split_people(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        const auto b = current.find_first_not_of(" \t\n");
        const auto e = current.find_last_not_of(" \t\n");
        if (b != std::string::npos) out.push_back(current.substr(b, e - b + 1));
        current.clear();
    };
    for (const char c : text) {
        if (c == ',' || c == ';')
            flush();
        else
            current += c;
    }
    flush();
    return out;
}

}  // namespace kith::app
