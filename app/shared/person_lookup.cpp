#include "app/shared/person_lookup.h"

#include <cctype>

#include "core/identity_normalizer.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

std::optional<std::int64_t> as_id(const std::string& text) {
    std::string digits = text[0] == '#' ? text.substr(1) : text;
    if (digits.empty() || digits.size() > 18) return std::nullopt;
    for (char c : digits)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return std::stoll(digits);
}

bool looks_like_identity(const std::string& text) {
    return text.find('@') != std::string::npos || text.find("://") != std::string::npos ||
           text.rfind("+", 0) == 0 || text.rfind("tel:", 0) == 0;
}

core::Error ambiguous(const std::string& text, const std::vector<db::PersonRow>& people,
                      db::Database& db) {
    std::string list;
    db::IdentityRepo identities(db);
    for (std::size_t i = 0; i < people.size() && i < 8; ++i) {
        list += (i ? "; " : "") + std::string("#") + std::to_string(people[i].id) + " " +
                people[i].name;
        if (auto ids = identities.for_person(people[i].id); ids && !ids->empty())
            list += " (" + ids->front().identity.display + ")";
    }
    return make_error(
        ErrorCode::ambiguous,
        "'" + text + "' matches " + std::to_string(people.size()) + " people: " + list,
        "Name one by its #id, e.g. #" + std::to_string(people.front().id) + ".");
}

}  // namespace

Result<std::int64_t> lookup_person(db::Database& db, const std::string& text, LookupMode mode) {
    if (text.empty())
        return make_error(ErrorCode::invalid_input, "no person given",
                          "Name a person by name, #id, email or handle.");
    db::PeopleRepo people(db);
    if (auto id = as_id(text)) {
        auto row = people.get(*id);
        if (!row) return row.error();
        return row->id;
    }
    if (looks_like_identity(text)) {
        if (auto parsed = core::parse_identity(text)) {
            auto found = people.find_by_identity(*parsed);
            if (!found) return found.error();
            if (*found) return **found;
            if (mode == LookupMode::exact || text.find(' ') == std::string::npos)
                return make_error(ErrorCode::not_found,
                                  "no one has the " + std::string(core::to_string(parsed->kind)) +
                                      " " + parsed->value,
                                  "Add it to someone: kith-cli identity add PERSON " + text);
        }
    }
    auto exact = people.find_by_name(text);
    if (!exact) return exact.error();
    if (exact->size() == 1) return exact->front().id;
    if (exact->size() > 1) return ambiguous(text, *exact, db);
    if (mode == LookupMode::fuzzy) {
        auto found = people.search(text, 9);
        if (!found) return found.error();
        if (found->size() == 1) return found->front().id;
        if (found->size() > 1) return ambiguous(text, *found, db);
    }
    return make_error(ErrorCode::not_found, "no one called '" + text + "'",
                      "Add them with: kith-cli person add \"" + text + "\"");
}

}  // namespace kith::app
