// merge suggestions|accept|reject|log|resolve, merge PERSON PERSON, unmerge MERGE_ID.
#include <CLI/CLI.hpp>

#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/shared/person_lookup.h"
#include "db/identity_resolver.h"
#include "db/merge_repo.h"
#include "db/suggestion_repo.h"

namespace kith::app {

using core::Result;
using nlohmann::json;

namespace {

struct MergeArgs {
    std::vector<std::string> people;  ///< `merge KEEP OTHER`
    std::int64_t id = 0;
    bool all = false;
    int limit = 0;
};

json evidence_json(const std::vector<core::Evidence>& ev) {
    json arr = json::array();
    for (const auto& e : ev)
        arr.push_back({{"kind", std::string(core::to_string(e.kind))},
                       {"detail", e.detail},
                       {"weight", e.weight}});
    return arr;
}

std::string evidence_text(const std::vector<core::Evidence>& ev) {
    std::string out;
    for (const auto& e : ev)
        out += (out.empty() ? "" : "; ") + std::string(core::to_string(e.kind)) + ": " + e.detail;
    return out;
}

Result<void> list_suggestions(CliContext& ctx, const MergeArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto rows = db::SuggestionRepo(**db).pending(a.limit);
    if (!rows) return rows.error();
    if (ctx.json) {
        json arr = json::array();
        for (const auto& s : *rows)
            arr.push_back({{"id", s.id},
                           {"person_a", {{"id", s.person_a}, {"name", s.name_a}}},
                           {"person_b", {{"id", s.person_b}, {"name", s.name_b}}},
                           {"score", s.score},
                           {"evidence", evidence_json(s.evidence)},
                           {"created_at", core::format_iso(s.created_at)}});
        ctx.print_json(arr);
        return {};
    }
    for (const auto& s : *rows)
        ctx.out() << "#" << s.id << "\t" << std::fixed << std::setprecision(2) << s.score << "\t"
                  << s.name_a << " (#" << s.person_a << ") ~ " << s.name_b << " (#" << s.person_b
                  << ")\t" << evidence_text(s.evidence) << "\n";
    if (rows->empty()) ctx.out() << "No merge suggestions waiting.\n";
    return {};
}

void print_merge(CliContext& ctx, std::int64_t merge_id, std::int64_t kept, std::int64_t merged) {
    if (ctx.json)
        ctx.print_json({{"merge_id", merge_id}, {"kept_id", kept}, {"merged_id", merged}});
    else
        ctx.out() << "Merged #" << merged << " into #" << kept << " (merge #" << merge_id
                  << "; undo with: kith-cli unmerge " << merge_id << ")\n";
}

Result<void> decide(CliContext& ctx, const MergeArgs& a, bool accept) {
    auto db = ctx.database();
    if (!db) return db.error();
    db::SuggestionRepo repo(**db);
    if (!accept) {
        if (auto r = repo.reject(a.id, ctx.now()); !r) return r;
        if (ctx.json)
            ctx.print_json({{"id", a.id}, {"status", "rejected"}});
        else
            ctx.out() << "Rejected suggestion #" << a.id << "; it will not be suggested again\n";
        return {};
    }
    auto merged = repo.accept(a.id, ctx.now());
    if (!merged) return merged.error();
    auto log = db::MergeRepo(**db).log(1);
    if (!log) return log.error();
    print_merge(ctx, *merged, log->front().kept_id, log->front().merged_id);
    return {};
}

Result<void> merge_people(CliContext& ctx, const MergeArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto kept = lookup_person(**db, a.people[0]);
    if (!kept) return kept.error();
    auto merged = lookup_person(**db, a.people[1]);
    if (!merged) return merged.error();
    auto id = db::MergeRepo(**db).merge(*kept, *merged, db::MergeReason::manual, {}, ctx.now());
    if (!id) return id.error();
    print_merge(ctx, *id, *kept, *merged);
    return {};
}

Result<void> merge_log(CliContext& ctx, const MergeArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto rows = db::MergeRepo(**db).log(a.limit);
    if (!rows) return rows.error();
    if (ctx.json) {
        json arr = json::array();
        for (const auto& m : *rows)
            arr.push_back(
                {{"id", m.id},
                 {"kept", {{"id", m.kept_id}, {"name", m.kept_name}}},
                 {"merged", {{"id", m.merged_id}, {"name", m.merged_name}}},
                 {"reason", std::string(db::to_string(m.reason))},
                 {"evidence", evidence_json(m.evidence)},
                 {"at", core::format_iso(m.at)},
                 {"undone_at", m.undone_at ? json(core::format_iso(*m.undone_at)) : json()}});
        ctx.print_json(arr);
        return {};
    }
    for (const auto& m : *rows)
        ctx.out() << "#" << m.id << "\t" << core::format_iso(m.at) << "\t"
                  << db::to_string(m.reason) << "\t" << m.merged_name << " (#" << m.merged_id
                  << ") → " << m.kept_name << " (#" << m.kept_id << ")"
                  << (m.undone_at ? "\tundone " + core::format_iso(*m.undone_at) : "")
                  << (m.evidence.empty() ? "" : "\t" + evidence_text(m.evidence)) << "\n";
    if (rows->empty()) ctx.out() << "No merges yet.\n";
    return {};
}

Result<void> unmerge(CliContext& ctx, const MergeArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto restored = db::MergeRepo(**db).unmerge(a.id, ctx.now());
    if (!restored) return restored.error();
    if (ctx.json)
        ctx.print_json({{"merge_id", a.id}, {"restored_id", *restored}});
    else
        ctx.out() << "Undid merge #" << a.id << "; the merged person is #" << *restored
                  << " again\n";
    return {};
}

Result<void> resolve(CliContext& ctx, const MergeArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    db::IdentityResolver resolver(**db, ctx.now());
    auto r = a.all ? resolver.resolve_all() : resolver.resolve_new();
    if (!r) return r.error();
    if (ctx.json)
        ctx.print_json({{"people_checked", r->people_checked},
                        {"candidates", r->candidates},
                        {"merged", r->merged},
                        {"suggested", r->suggested}});
    else
        ctx.out() << "Checked " << r->people_checked << " people: " << r->merged << " merged, "
                  << r->suggested << " suggested for review (kith-cli merge suggestions)\n";
    return {};
}

}  // namespace

void register_merge_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<MergeArgs>();
    auto* merge = app.add_subcommand(
        "merge",
        "One person across channels: merge two people (KEEP OTHER), or review suggestions");
    merge->add_option("people", a->people, "KEEP OTHER: names, #ids or identities")->expected(2);
    merge->require_subcommand(0, 1);
    auto* list = merge->add_subcommand("suggestions", "Probable duplicates waiting for review");
    list->add_option("--limit", a->limit, "At most this many");
    list->callback([&ctx, a] { ctx.action = [&ctx, a] { return list_suggestions(ctx, *a); }; });
    for (const bool accept : {true, false}) {
        auto* sub = merge->add_subcommand(accept ? "accept" : "reject",
                                          accept ? "Merge the two people of a suggestion"
                                                 : "Keep them apart; never suggest them again");
        sub->add_option("id", a->id, "Suggestion id (from merge suggestions)")->required();
        sub->callback([&ctx, a, accept] {
            ctx.action = [&ctx, a, accept] { return decide(ctx, *a, accept); };
        });
    }
    auto* log = merge->add_subcommand("log", "Merges made, newest first, with their evidence");
    log->add_option("--limit", a->limit, "At most this many");
    log->callback([&ctx, a] { ctx.action = [&ctx, a] { return merge_log(ctx, *a); }; });
    auto* res = merge->add_subcommand(
        "resolve", "Look for duplicates now (imports do this for what they add)");
    res->add_flag("--all", a->all, "Re-check everyone, not only what is new");
    res->callback([&ctx, a] { ctx.action = [&ctx, a] { return resolve(ctx, *a); }; });
    merge->callback([&ctx, a, merge] {
        if (merge->get_subcommands().empty() && a->people.size() == 2)
            ctx.action = [&ctx, a] { return merge_people(ctx, *a); };
        else if (merge->get_subcommands().empty())
            ctx.action = [] {
                return Result<void>(core::make_error(
                    core::ErrorCode::invalid_input, "merge what?",
                    "kith-cli merge KEEP OTHER, or merge suggestions|accept|reject|log|resolve"));
            };
    });

    auto* undo = app.add_subcommand("unmerge", "Undo a merge exactly (ids from merge log)");
    undo->add_option("merge_id", a->id, "Merge id")->required();
    undo->callback([&ctx, a] { ctx.action = [&ctx, a] { return unmerge(ctx, *a); }; });
}

}  // namespace kith::app
