// circle add|assign|unassign|list and cadence set.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/shared/person_lookup.h"
#include "db/circle_repo.h"
#include "db/people_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct CircleArgs {
    std::string name, person, cadence, circle;
    std::vector<std::string> person_and_cadence;  ///< `cadence set [PERSON] CADENCE`
};

Result<void> circle_add(CliContext& ctx, const CircleArgs& a) {
    std::optional<int> cadence;
    if (!a.cadence.empty()) {
        auto c = parse_cadence_days(a.cadence);
        if (!c) return c.error();
        cadence = *c;
    }
    auto db = ctx.database();
    if (!db) return db.error();
    db::CircleRepo circles(**db);
    auto id = circles.get_or_create(a.name, ctx.now());
    if (!id) return id.error();
    if (!a.cadence.empty())
        if (auto r = circles.set_cadence(*id, cadence); !r) return r;
    if (ctx.json)
        ctx.print_json({{"id", *id}, {"name", a.name}});
    else
        ctx.out() << "Circle " << a.name << " (#" << *id << ")\n";
    return {};
}

Result<void> circle_assign(CliContext& ctx, const CircleArgs& a, bool assign) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto person = lookup_person(**db, a.person);
    if (!person) return person.error();
    db::CircleRepo circles(**db);
    auto found = circles.find(a.name);
    if (!found) return found.error();
    std::int64_t circle = 0;
    if (*found) {
        circle = **found;
    } else if (assign) {
        auto created = circles.get_or_create(a.name, ctx.now());
        if (!created) return created.error();
        circle = *created;
        if (!ctx.json) ctx.err() << "New circle " << a.name << "\n";
    } else {
        return core::make_error(core::ErrorCode::not_found, "no circle called '" + a.name + "'",
                                "See them with: kith-cli circle list");
    }
    auto r = assign ? circles.assign(*person, circle) : circles.unassign(*person, circle);
    if (!r) return r;
    if (ctx.json)
        ctx.print_json({{"person_id", *person}, {"circle_id", circle}, {"member", assign}});
    else
        ctx.out() << (assign ? "Added #" : "Removed #") << *person << (assign ? " to " : " from ")
                  << a.name << "\n";
    return {};
}

Result<void> circle_list(CliContext& ctx) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto rows = db::CircleRepo(**db).list();
    if (!rows) return rows.error();
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& c : *rows)
            arr.push_back({{"id", c.id},
                           {"name", c.name},
                           {"members", c.members},
                           {"cadence_days",
                            c.cadence_days ? nlohmann::json(*c.cadence_days) : nlohmann::json()}});
        ctx.print_json(arr);
        return {};
    }
    for (const auto& c : *rows)
        ctx.out() << c.name << "\t" << c.members << " people\t"
                  << (c.cadence_days ? "every " + std::to_string(*c.cadence_days) + " d"
                                     : std::string("no cadence"))
                  << "\n";
    if (rows->empty())
        ctx.out()
            << "No circles yet. Make one: kith-cli circle add \"Close friends\" --cadence 14d\n";
    return {};
}

Result<void> cadence_set(CliContext& ctx, CircleArgs a) {
    a.cadence = a.person_and_cadence.back();
    if (a.person_and_cadence.size() == 2) a.person = a.person_and_cadence.front();
    auto days = parse_cadence_days(a.cadence);
    if (!days) return days.error();
    auto db = ctx.database();
    if (!db) return db.error();
    if (!a.circle.empty()) {
        db::CircleRepo circles(**db);
        auto found = circles.find(a.circle);
        if (!found) return found.error();
        if (!*found)
            return core::make_error(core::ErrorCode::not_found,
                                    "no circle called '" + a.circle + "'",
                                    "Create it: kith-cli circle add \"" + a.circle + "\"");
        if (auto r = circles.set_cadence(**found, *days); !r) return r;
    } else {
        if (a.person.empty())
            return core::make_error(core::ErrorCode::invalid_input, "whose cadence?",
                                    "kith-cli cadence set PERSON 30d, or --circle NAME 30d");
        auto person = lookup_person(**db, a.person);
        if (!person) return person.error();
        if (auto r = db::PeopleRepo(**db).set_cadence(*person, *days, ctx.now()); !r) return r;
    }
    const std::string who = a.circle.empty() ? a.person : "circle " + a.circle;
    if (ctx.json)
        ctx.print_json({{"cadence_days", *days ? nlohmann::json(**days) : nlohmann::json()}});
    else if (*days)
        ctx.out() << "Keep in touch with " << who << " every " << **days << " days\n";
    else
        ctx.out() << "Cleared the cadence of " << who << "\n";
    return {};
}

}  // namespace

void register_circle_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<CircleArgs>();
    auto* circle = app.add_subcommand("circle", "Small named groups of people");
    circle->require_subcommand(1);
    auto* add = circle->add_subcommand("add", "Create a circle");
    add->add_option("name", a->name, "Circle name")->required();
    add->add_option("--cadence", a->cadence, "Keep in touch with members every… (14d, 2w, 3m)");
    add->callback([&ctx, a] { ctx.action = [&ctx, a] { return circle_add(ctx, *a); }; });
    for (const bool assign : {true, false}) {
        auto* sub = circle->add_subcommand(
            assign ? "assign" : "unassign",
            assign ? "Put a person in a circle" : "Take a person out of a circle");
        sub->add_option("person", a->person, "Name, #id, email or handle")->required();
        sub->add_option("circle", a->name, "Circle name")->required();
        sub->callback([&ctx, a, assign] {
            ctx.action = [&ctx, a, assign] { return circle_assign(ctx, *a, assign); };
        });
    }
    auto* list = circle->add_subcommand("list", "Circles with member counts and cadences");
    list->callback([&ctx] { ctx.action = [&ctx] { return circle_list(ctx); }; });

    auto* cadence = app.add_subcommand("cadence", "How often to keep in touch");
    cadence->require_subcommand(1);
    auto* set = cadence->add_subcommand("set", "Set a person's (or --circle's) cadence");
    set->add_option("person_and_cadence", a->person_and_cadence,
                    "[PERSON] CADENCE: a name, #id or identity, then 30d, 2w, 3m, 1y or none")
        ->required()
        ->expected(1, 2);
    set->add_option("--circle", a->circle, "Set the circle's cadence instead");
    set->callback([&ctx, a] { ctx.action = [&ctx, a] { return cadence_set(ctx, *a); }; });
}

}  // namespace kith::app
