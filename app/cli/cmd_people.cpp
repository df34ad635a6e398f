// person add|show|list|edit|archive, identity add|remove.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/identity_arg.h"
#include "app/cli/json_out.h"
#include "app/shared/followers_view.h"
#include "app/shared/person_lookup.h"
#include "core/identity_normalizer.h"
#include "core/strength.h"
#include "db/circle_repo.h"
#include "db/followup_repo.h"
#include "db/identity_repo.h"
#include "db/people_repo.h"
#include "db/reciprocity_repo.h"
#include "db/timeline_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct PersonArgs {
    std::string person, name, notes, kind, circle, cadence, sort = "name";
    std::vector<std::string> identities;
    bool archived = false, undo = false;
    int limit = 0;
};

std::string cadence_text(const core::Cadence& c) {
    if (c.source == core::CadenceSource::none) return "none";
    return "every " + std::to_string(c.days.count()) + " d (" +
           std::string(core::to_string(c.source)) + ")";
}

Result<void> person_add(CliContext& ctx, const PersonArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    // Validate everything before writing anything.
    std::vector<core::Identity> ids;
    for (const auto& raw : a.identities) {
        auto id = identity_arg(raw, "");
        if (!id) return id.error();
        ids.push_back(*id);
    }
    std::optional<int> cadence;
    if (!a.cadence.empty()) {
        auto c = parse_cadence_days(a.cadence);
        if (!c) return c.error();
        cadence = *c;
    }
    const auto now = ctx.now();
    db::PeopleRepo people(**db);
    for (const auto& id : ids) {
        auto owner = people.find_by_identity(id);
        if (!owner) return owner.error();
        if (*owner)
            return core::make_error(
                core::ErrorCode::conflict,
                id.value + " already belongs to person #" + std::to_string(**owner),
                "See them with: kith-cli person show #" + std::to_string(**owner));
    }
    auto id = people.add(a.name, a.notes, now);
    if (!id) return id.error();
    for (const auto& i : ids)
        if (auto r = db::IdentityRepo(**db).add(*id, i, now); !r) return r.error();
    if (!a.circle.empty()) {
        db::CircleRepo circles(**db);
        auto c = circles.get_or_create(a.circle, now);
        if (!c) return c.error();
        if (auto r = circles.assign(*id, *c); !r) return r;
    }
    if (cadence)
        if (auto r = people.set_cadence(*id, cadence, now); !r) return r;
    if (ctx.json)
        ctx.print_json({{"id", *id}, {"name", a.name}});
    else
        ctx.out() << "Added " << a.name << " (#" << *id << ")\n";
    return {};
}

Result<void> person_show(CliContext& ctx, const PersonArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    auto row = db::PeopleRepo(**db).get(*id);
    if (!row) return row.error();
    auto ids = db::IdentityRepo(**db).for_person(*id);
    if (!ids) return ids.error();
    auto circles = db::CircleRepo(**db).names_for_person(*id);
    if (!circles) return circles.error();
    auto followups = db::FollowUpRepo(**db).for_person(*id);
    if (!followups) return followups.error();
    auto recent = db::TimelineRepo(**db).for_person(*id, std::nullopt, 10);
    if (!recent) return recent.error();
    auto reciprocity = db::load_reciprocity(**db, *id);
    if (!reciprocity) return reciprocity.error();
    const auto now = ctx.now();
    const int score = core::strength_score(row->strength, now);

    if (ctx.json) {
        auto j = to_json(*row, now);
        j["identities"] = nlohmann::json::array();
        for (const auto& i : *ids)
            j["identities"].push_back({{"kind", core::to_string(i.identity.kind)},
                                       {"value", i.identity.value},
                                       {"display", i.identity.display},
                                       {"names_seen", i.names_seen}});
        j["circles"] = *circles;
        j["reciprocity"] = to_json(*reciprocity);
        j["followups"] = nlohmann::json::array();
        for (const auto& f : *followups) j["followups"].push_back(to_json(f));
        j["recent"] = nlohmann::json::array();
        for (const auto& e : *recent) j["recent"].push_back(to_json(e));
        ctx.print_json(j);
        return {};
    }
    auto& o = ctx.out();
    o << row->name << "  #" << row->id << (row->archived ? "  (archived)" : "") << "\n";
    for (const auto& i : *ids)
        o << "  " << core::to_string(i.identity.kind) << ": " << i.identity.display << "\n";
    if (!circles->empty()) {
        o << "  circles:";
        for (const auto& c : *circles) o << " [" << c << "]";
        o << "\n";
    }
    o << "  cadence: " << cadence_text(row->cadence()) << "\n";
    o << "  strength: " << score << "/100";
    o << "\n  last contact: "
      << (row->last_contact
              ? core::format_date(*row->last_contact) + " (" +
                    core::format_relative(*row->last_contact, now) + ", " + row->last_channel + ")"
              : std::string("never"))
      << "\n";
    o << "  reciprocity: " << reciprocity_line(*reciprocity) << "\n";
    if (!row->notes.empty()) o << "  notes: " << row->notes << "\n";
    for (const auto& f : *followups)
        o << "  " << (f.done_at ? "[x] " : "[ ] ") << f.text << " (due " << core::format_date(f.due)
          << ", followup:" << f.id << ")\n";
    if (!recent->empty()) o << "  recent:\n";
    for (const auto& e : *recent)
        o << "    " << core::format_date(e.at) << "  " << core::to_string(e.channel) << " "
          << core::to_string(e.kind) << " " << core::to_string(e.direction) << "  "
          << (e.subject.empty() ? e.excerpt.substr(0, 70) : e.subject) << "\n";
    return {};
}

Result<void> person_list(CliContext& ctx, const PersonArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    db::PeopleFilter f;
    f.circle = a.circle;
    f.include_archived = a.archived;
    f.limit = a.limit;
    if (a.sort == "last")
        f.sort = db::PeopleSort::last_contact;
    else if (a.sort == "strength")
        f.sort = db::PeopleSort::strength;
    auto rows = db::PeopleRepo(**db).list(f);
    if (!rows) return rows.error();
    const auto now = ctx.now();
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& r : *rows) arr.push_back(to_json(r, now));
        ctx.print_json(arr);
        return {};
    }
    for (const auto& r : *rows)
        ctx.out() << "#" << r.id << "\t" << r.name << "\t"
                  << (r.last_contact ? core::format_age(*r.last_contact, now)
                                     : std::string("never"))
                  << "\t" << core::strength_score(r.strength, now)
                  << (r.archived ? "\tarchived" : "") << "\n";
    if (rows->empty())
        ctx.out() << "No people yet. Add one: kith-cli person add \"Ana Ruiz\" --identity "
                     "ana@example.org\n";
    return {};
}

Result<void> person_edit(CliContext& ctx, const PersonArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    db::PeopleRepo people(**db);
    if (a.name.empty() && a.notes.empty())
        return core::make_error(core::ErrorCode::invalid_input, "nothing to change",
                                "Give --name or --notes.");
    if (!a.name.empty())
        if (auto r = people.rename(*id, a.name, ctx.now()); !r) return r;
    if (!a.notes.empty())
        if (auto r = people.set_notes(*id, a.notes, ctx.now()); !r) return r;
    if (!ctx.json)
        ctx.out() << "Updated #" << *id << "\n";
    else
        ctx.print_json({{"id", *id}});
    return {};
}

Result<void> person_archive(CliContext& ctx, const PersonArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    if (auto r = db::PeopleRepo(**db).set_archived(*id, !a.undo, ctx.now()); !r) return r;
    if (!ctx.json)
        ctx.out() << (a.undo ? "Restored #" : "Archived #") << *id << "\n";
    else
        ctx.print_json({{"id", *id}, {"archived", !a.undo}});
    return {};
}

Result<void> identity_change(CliContext& ctx, const PersonArgs& a, bool add) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto ident = identity_arg(a.identities.front(), a.kind);
    if (!ident) return ident.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    db::IdentityRepo repo(**db);
    if (add) {
        if (auto r = repo.add(*id, *ident, ctx.now()); !r) return r.error();
    } else if (auto r = repo.remove(*id, *ident); !r) {
        return r;
    }
    if (ctx.json)
        ctx.print_json({{"person_id", *id},
                        {"kind", core::to_string(ident->kind)},
                        {"value", ident->value},
                        {"added", add}});
    else
        ctx.out() << (add ? "Added " : "Removed ") << core::to_string(ident->kind) << " "
                  << ident->value << "\n";
    return {};
}

}  // namespace

void register_people_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<PersonArgs>();
    auto* person = app.add_subcommand("person", "Add, show, list, edit and archive people");
    person->require_subcommand(1);

    auto* add = person->add_subcommand("add", "Add a person");
    add->add_option("name", a->name, "Their name")->required();
    add->add_option("--identity,-i", a->identities,
                    "Email, @handle, @user@instance, URL or phone (repeatable)");
    add->add_option("--notes", a->notes, "Notes");
    add->add_option("--circle", a->circle, "Put them in a circle");
    add->add_option("--cadence", a->cadence, "Keep in touch every… (30d, 2w, 3m)");
    add->callback([&ctx, a] { ctx.action = [&ctx, a] { return person_add(ctx, *a); }; });

    auto* show =
        person->add_subcommand("show", "Show one person: identities, circles, strength, history");
    show->add_option("person", a->person, "Name, #id, email or handle")->required();
    show->callback([&ctx, a] { ctx.action = [&ctx, a] { return person_show(ctx, *a); }; });

    auto* list = person->add_subcommand("list", "List people");
    list->add_option("--circle", a->circle, "Only this circle");
    list->add_flag("--archived", a->archived, "Include archived people");
    list->add_option("--sort", a->sort, "name, last or strength")
        ->check(CLI::IsMember({"name", "last", "strength"}));
    list->add_option("--limit", a->limit, "At most this many");
    list->callback([&ctx, a] { ctx.action = [&ctx, a] { return person_list(ctx, *a); }; });

    auto* edit = person->add_subcommand("edit", "Rename a person or change their notes");
    edit->add_option("person", a->person, "Name, #id, email or handle")->required();
    edit->add_option("--name", a->name, "New name");
    edit->add_option("--notes", a->notes, "New notes");
    edit->callback([&ctx, a] { ctx.action = [&ctx, a] { return person_edit(ctx, *a); }; });

    auto* archive = person->add_subcommand("archive", "Hide a person from lists and reminders");
    archive->add_option("person", a->person, "Name, #id, email or handle")->required();
    archive->add_flag("--undo", a->undo, "Restore an archived person");
    archive->callback([&ctx, a] { ctx.action = [&ctx, a] { return person_archive(ctx, *a); }; });

    auto* identity = app.add_subcommand("identity", "Add or remove a person's identities");
    identity->require_subcommand(1);
    for (const bool adding : {true, false}) {
        auto* sub = identity->add_subcommand(adding ? "add" : "remove",
                                             adding ? "Attach an identity" : "Detach an identity");
        sub->add_option("person", a->person, "Name, #id, email or handle")->required();
        sub->add_option("identity", a->identities, "The identity")->required()->expected(1);
        sub->add_option("--kind", a->kind, "email, twitter, mastodon, website, phone, linkedin");
        sub->callback([&ctx, a, adding] {
            ctx.action = [&ctx, a, adding] { return identity_change(ctx, *a, adding); };
        });
    }
}

}  // namespace kith::app
