// followers, consent.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/json_out.h"
#include "app/shared/followers_view.h"
#include "app/shared/person_lookup.h"
#include "core/consent.h"
#include "db/consent_repo.h"

namespace kith::app {

using core::Result;

namespace {

struct FollowersArgs {
    std::string list{core::kDefaultMailingList}, person, status, evidence;
    bool ranked = false;
    int limit = 0;
};

nlohmann::json to_json(const FollowerItem& f) {
    const auto& r = f.row;
    nlohmann::json j = {{"person_id", r.person_id},
                        {"person", r.name},
                        {"email_known", !r.email.empty()},
                        {"email", r.email},
                        {"email_source", r.email_source},
                        {"consent", core::to_string(r.consent)},
                        {"strength", r.strength},
                        {"engagement",
                         {{"replies", r.reciprocity.replies_from_them},
                          {"comments", r.reciprocity.comments_from_them},
                          {"dms", r.reciprocity.dms_from_them}}},
                        {"reciprocity", app::to_json(r.reciprocity)},
                        {"worth_asking", f.worth_asking},
                        {"ask_score", f.ask_score}};
    if (r.consent != core::ConsentStatus::unknown) {
        j["consent_at"] = core::format_iso(r.consent_at);
        j["evidence"] = r.evidence;
    }
    return j;
}

Result<void> followers(CliContext& ctx, const FollowersArgs& a) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto items = load_follower_items(**db, a.list, ctx.now(), a.ranked);
    if (!items) return items.error();
    if (a.limit > 0 && items->size() > static_cast<std::size_t>(a.limit))
        items->resize(static_cast<std::size_t>(a.limit));
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (const auto& f : *items) arr.push_back(to_json(f));
        ctx.print_json(arr);
        return {};
    }
    auto& o = ctx.out();
    if (items->empty()) {
        o << (a.ranked ? "Nobody left to ask: every follower has a consent answer.\n"
                       : "No followers yet. Import an X or Mastodon archive first.\n");
        return {};
    }
    if (a.ranked) o << "Worth asking for an email (best first):\n";
    for (const auto& f : *items) {
        const auto& r = f.row;
        o << "#" << r.person_id << "\t" << r.name << "\t"
          << (r.email.empty() ? std::string("no email") : r.email + " (" + r.email_source + ")")
          << "\t" << core::to_string(r.consent) << "\tstrength " << r.strength;
        if (a.ranked) {
            char score[32];
            std::snprintf(score, sizeof score, "%.0f", f.ask_score);
            o << "\tscore " << score;
        }
        o << "\n\t" << reciprocity_line(r.reciprocity) << "\n";
    }
    return {};
}

Result<void> consent(CliContext& ctx, const FollowersArgs& a) {
    const auto status = core::parse_consent_status(a.status);
    if (!status)
        return core::make_error(core::ErrorCode::invalid_input,
                                "unknown consent '" + a.status + "'",
                                "Use opted-in, opted-out, asked or unknown.");
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = lookup_person(**db, a.person);
    if (!id) return id.error();
    const auto now = ctx.now();
    if (auto r = db::ConsentRepo(**db).record(*id, a.list, *status, now, a.evidence); !r) return r;
    if (ctx.json)
        ctx.print_json({{"person_id", *id},
                        {"list", a.list},
                        {"consent", core::to_string(*status)},
                        {"at", core::format_iso(now)},
                        {"evidence", a.evidence}});
    else
        ctx.out() << "#" << *id << " " << core::to_string(*status) << " for '" << a.list << "' on "
                  << core::format_date(now) << (a.evidence.empty() ? "" : " (" + a.evidence + ")")
                  << "\n";
    return {};
}

}  // namespace

void register_follower_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<FollowersArgs>();
    auto* list = app.add_subcommand(
        "followers", "People who follow me on X or Mastodon: email, consent, engagement");
    list->add_flag("--ranked", a->ranked,
                   "Only those worth asking for an email (no consent answer yet), best first");
    list->add_option("--list", a->list,
                     "Mailing list whose consent is shown (default: newsletter)");
    list->add_option("--limit", a->limit, "At most this many");
    list->callback([&ctx, a] { ctx.action = [&ctx, a] { return followers(ctx, *a); }; });

    auto* c = app.add_subcommand("consent", "Record whether a person agreed to be emailed");
    c->add_option("person", a->person, "Name, #id, email or handle")->required();
    c->add_option("status", a->status, "opted-in, opted-out, asked or unknown")->required();
    c->add_option("--evidence", a->evidence, "How you know (\"replied to my DM on 2026-11-20\")");
    c->add_option("--list", a->list, "The mailing list (default: newsletter)");
    c->callback([&ctx, a] { ctx.action = [&ctx, a] { return consent(ctx, *a); }; });
}

}  // namespace kith::app
