// log (quick log of a meeting, call or message) and followup list|add|done|snooze.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/shared/people_plan.h"
#include "app/shared/person_lookup.h"
#include "db/followup_repo.h"
#include "db/manual_log.h"
#include "db/people_repo.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct LogArgs {
    std::vector<std::string> people;
    std::string channel = "in_person", kind, direction, at = "now", place, notes, subject;
    std::string follow_up, due, until, person;
    std::int64_t id = 0;
    bool all = false;
};

// Finds each person; unknown names are created after confirmation (or --yes), and nothing is
// written unless every name resolved.
Result<std::vector<std::int64_t>> resolve_or_create(CliContext& ctx, db::Database& db,
                                                    const std::vector<std::string>& names) {
    auto plan = plan_people(db, names);
    if (!plan) return plan.error();
    for (const auto& n : plan->to_create) {
        if (!ctx.yes && !ctx.confirm("'" + n + "' is new. Add them as a person?"))
            return make_error(ErrorCode::not_found, "no one called '" + n + "'",
                              "Add --yes to create them, or name an existing person (#id, email, "
                              "exact name); `kith-cli search " +
                                  n + "` finds similar names.");
    }
    auto created = create_people(db, plan->to_create, ctx.now());
    if (!created) return created.error();
    for (std::size_t i = 0; i < created->size(); ++i)
        if (!ctx.json)
            ctx.err() << "Added " << plan->to_create[i] << " (#" << (*created)[i] << ")\n";
    std::vector<std::int64_t> ids = plan->ids;
    ids.insert(ids.end(), created->begin(), created->end());
    return ids;
}

Result<void> log_cmd(CliContext& ctx, const LogArgs& a) {
    db::ManualLog log;
    const auto channel = core::parse_channel(a.channel);
    if (!channel)
        return make_error(ErrorCode::invalid_input, "unknown channel '" + a.channel + "'",
                          "Channels: in_person, call, email, twitter, mastodon, blog, other.");
    log.channel = *channel;
    log.kind = core::default_kind(*channel);
    if (!a.kind.empty()) {
        const auto k = core::parse_kind(a.kind);
        if (!k)
            return make_error(ErrorCode::invalid_input, "unknown kind '" + a.kind + "'",
                              "Kinds: meeting, call, message, reply, dm, comment, mention, note.");
        log.kind = *k;
    }
    const bool together = log.kind == core::InteractionKind::meeting ||
                          log.kind == core::InteractionKind::call ||
                          log.kind == core::InteractionKind::note;
    log.direction = together ? core::Direction::mutual : core::Direction::out;
    if (!a.direction.empty()) {
        const auto d = core::parse_direction(a.direction);
        if (!d)
            return make_error(ErrorCode::invalid_input, "unknown direction '" + a.direction + "'",
                              "Use in (from them), out (from me) or mutual.");
        log.direction = *d;
    }
    auto at = ctx.when(a.at, core::WhenBias::past);
    if (!at) return at.error();
    log.at = *at;
    if (!a.follow_up.empty()) {
        if (a.due.empty())
            return make_error(ErrorCode::invalid_input, "--follow-up needs --due",
                              "Example: --follow-up \"send the report\" --due fri");
        auto due = ctx.when(a.due, core::WhenBias::future);
        if (!due) return due.error();
        log.followup_due = *due;
        log.followup_text = a.follow_up;
    } else if (!a.due.empty()) {
        return make_error(ErrorCode::invalid_input, "--due without --follow-up",
                          "Say what to do: --follow-up \"send the report\" --due " + a.due);
    }
    log.place = a.place;
    log.notes = a.notes;
    log.subject = a.subject;

    auto db = ctx.database();
    if (!db) return db.error();
    auto ids = resolve_or_create(ctx, **db, a.people);
    if (!ids) return ids.error();
    log.person_ids = *ids;
    auto r = db::log_interaction(**db, log, ctx.now());
    if (!r) return r.error();
    if (ctx.json) {
        ctx.print_json(
            {{"interaction_id", r->interaction_id},
             {"person_ids", *ids},
             {"followup_id", r->followup_id ? nlohmann::json(*r->followup_id) : nlohmann::json()}});
        return {};
    }
    ctx.out() << "Logged " << core::to_string(log.kind) << " on " << core::format_date(log.at)
              << " with " << ids->size() << (ids->size() == 1 ? " person" : " people");
    if (!log.place.empty()) ctx.out() << " at " << log.place;
    ctx.out() << "\n";
    if (r->followup_id)
        ctx.out() << "Follow-up #" << *r->followup_id << " due "
                  << core::format_date(*log.followup_due) << ": " << log.followup_text << "\n";
    return {};
}

Result<void> followup_list(CliContext& ctx, const LogArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    std::optional<std::int64_t> person;
    if (!a.person.empty()) {
        auto id = lookup_person(**db, a.person);
        if (!id) return id.error();
        person = *id;
    }
    db::FollowUpRepo repo(**db);
    auto rows = a.all && person ? repo.for_person(*person) : repo.open(std::nullopt, person);
    if (!rows) return rows.error();
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& f : *rows) arr.push_back(to_json(f));
        ctx.print_json(arr);
        return {};
    }
    const auto now = ctx.now();
    for (const auto& f : *rows) {
        ctx.out() << "followup:" << f.id << "\t" << core::format_date(f.due)
                  << (f.done_at     ? "\tdone"
                      : f.due < now ? "\toverdue"
                                    : "\t")
                  << "\t" << f.text;
        for (const auto& [id, name] : f.people) ctx.out() << "\t" << name;
        ctx.out() << "\n";
    }
    if (rows->empty()) ctx.out() << "No open follow-ups.\n";
    return {};
}

Result<void> followup_add(CliContext& ctx, const LogArgs& a) {
    auto due = ctx.when(a.due, core::WhenBias::future);
    if (!due) return due.error();
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    db::NewFollowUp f;
    f.text = a.follow_up;
    f.due = *due;
    f.person_ids = {*id};
    auto added = db::FollowUpRepo(**db).add(f, ctx.now());
    if (!added) return added.error();
    if (ctx.json)
        ctx.print_json({{"id", added->first}});
    else
        ctx.out() << "Follow-up #" << added->first << " due " << core::format_date(*due) << "\n";
    return {};
}

Result<void> followup_done(CliContext& ctx, const LogArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    if (auto r = db::FollowUpRepo(**db).mark_done(a.id, ctx.now()); !r) return r;
    if (ctx.json)
        ctx.print_json({{"id", a.id}, {"done", true}});
    else
        ctx.out() << "Done: follow-up #" << a.id << "\n";
    return {};
}

Result<void> followup_snooze(CliContext& ctx, const LogArgs& a) {
    auto until = ctx.when(a.until, core::WhenBias::future);
    if (!until) return until.error();
    auto db = ctx.database();
    if (!db) return db.error();
    if (auto r = db::FollowUpRepo(**db).reschedule(a.id, *until); !r) return r;
    if (ctx.json)
        ctx.print_json({{"id", a.id}, {"due", core::format_iso(*until)}});
    else
        ctx.out() << "Follow-up #" << a.id << " now due " << core::format_date(*until) << "\n";
    return {};
}

// Accepts "7" and "followup:7".
std::string strip_prefix(const std::string& s) {
    return s.rfind("followup:", 0) == 0 ? s.substr(9) : s;
}

}  // namespace

void register_log_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<LogArgs>();
    auto* log = app.add_subcommand("log", "Log a meeting, call or message with one or more people");
    log->add_option("people", a->people, "Names, #ids, emails or handles")->required();
    log->add_option("--channel,-c", a->channel, "in_person (default), call, email, twitter, …");
    log->add_option("--kind,-k", a->kind, "meeting, call, message, dm, … (default from channel)");
    log->add_option("--direction", a->direction, "in, out or mutual");
    log->add_option("--at,-a", a->at, "When: now (default), yesterday 18:30, fri, 2026-11-20");
    log->add_option("--place,-p", a->place, "Where");
    log->add_option("--notes,-n", a->notes, "What you talked about");
    log->add_option("--subject", a->subject, "A subject line");
    log->add_option("--follow-up,-f", a->follow_up, "Something you promised to do");
    log->add_option("--due,-d", a->due, "When the follow-up is due: fri, +3d, next week");
    log->callback([&ctx, a] { ctx.action = [&ctx, a] { return log_cmd(ctx, *a); }; });

    auto* fu = app.add_subcommand("followup", "List, add, complete and snooze follow-ups");
    fu->require_subcommand(1);
    auto* list = fu->add_subcommand("list", "Open follow-ups, soonest first");
    list->add_option("--person", a->person, "Only for this person");
    list->add_flag("--all", a->all, "With --person: include done ones");
    list->callback([&ctx, a] { ctx.action = [&ctx, a] { return followup_list(ctx, *a); }; });
    auto* add = fu->add_subcommand("add", "Add a follow-up for a person");
    add->add_option("person", a->person, "Name, #id, email or handle")->required();
    add->add_option("text", a->follow_up, "What to do")->required();
    add->add_option("--due,-d", a->due, "When: fri, +3d, next week, 2026-12-01")->required();
    add->callback([&ctx, a] { ctx.action = [&ctx, a] { return followup_add(ctx, *a); }; });
    auto* done = fu->add_subcommand("done", "Mark a follow-up done");
    done->add_option("id", a->id, "Follow-up id")->required()->transform(strip_prefix);
    done->callback([&ctx, a] { ctx.action = [&ctx, a] { return followup_done(ctx, *a); }; });
    auto* snooze = fu->add_subcommand("snooze", "Move a follow-up's due date");
    snooze->add_option("id", a->id, "Follow-up id")->required()->transform(strip_prefix);
    snooze->add_option("until,--until", a->until, "New due date: tomorrow, next week, +3d")
        ->required();
    snooze->callback([&ctx, a] { ctx.action = [&ctx, a] { return followup_snooze(ctx, *a); }; });
}

}  // namespace kith::app
