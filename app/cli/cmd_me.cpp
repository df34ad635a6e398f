// me add-identity|show: my own identities, which decide what I sent and what I received.
#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/identity_arg.h"
#include "app/shared/me_claim_text.h"
#include "db/identity_repo.h"
#include "db/me_claim.h"

namespace kith::app {

using core::Result;

namespace {

struct MeArgs {
    std::string identity, kind;
};

Result<void> me_add(CliContext& ctx, const MeArgs& a) {
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = identity_arg(a.identity, a.kind);
    if (!id) return id.error();
    auto claim = db::claim_identity_as_mine(**db, *id, ctx.now());
    if (!claim) return claim.error();
    if (ctx.json)
        ctx.print_json({{"person_id", claim->me_id},
                        {"kind", core::to_string(id->kind)},
                        {"value", id->value},
                        {"added", !claim->already_mine},
                        {"previous_person_id", claim->previous_person_id},
                        {"previous_person_archived", claim->previous_person_archived},
                        {"interactions_changed", claim->interactions_changed},
                        {"interactions_removed", claim->interactions_removed},
                        {"threads_changed", claim->threads_changed}});
    else
        ctx.out() << me_claim_text(*id, *claim);
    return {};
}

Result<void> me_show(CliContext& ctx) {
    auto db = ctx.existing_database();
    if (!db) return db.error();
    auto mine = db::IdentityRepo(**db).mine();
    if (!mine) return mine.error();
    // Where each was seen (the archive or account that said it is mine, and any source that named
    // it before); none when added by hand.
    std::vector<std::vector<std::string>> seen;
    for (const auto& i : *mine) {
        auto s = db::IdentityRepo(**db).seen_in(i);
        if (!s) return s.error();
        seen.push_back(std::move(*s));
    }
    if (ctx.json) {
        auto arr = nlohmann::json::array();
        for (std::size_t n = 0; n < mine->size(); ++n)
            arr.push_back({{"kind", core::to_string((*mine)[n].kind)},
                           {"value", (*mine)[n].value},
                           {"sources", seen[n]}});
        ctx.print_json({{"identities", arr}});
        return {};
    }
    if (mine->empty())
        ctx.out() << "Kith does not know who you are yet, so it cannot tell the messages you sent "
                     "from those you received.\nTell it: kith-cli me add-identity "
                     "you@example.org (and your handles: @you, @you@mastodon.social).\n";
    for (std::size_t n = 0; n < mine->size(); ++n) {
        ctx.out() << core::to_string((*mine)[n].kind) << "  " << (*mine)[n].value;
        for (std::size_t k = 0; k < seen[n].size(); ++k)
            ctx.out() << (k == 0 ? "  (seen in " : ", ") << seen[n][k];
        if (!seen[n].empty()) ctx.out() << ")";
        ctx.out() << "\n";
    }
    return {};
}

}  // namespace

void register_me_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<MeArgs>();
    auto* me = app.add_subcommand("me", "My own identities (they decide in/out direction)");
    me->require_subcommand(1);
    auto* add = me->add_subcommand(
        "add-identity",
        "Add one of my identities; if an import already made it someone else's, it becomes mine "
        "and what was imported is redone as if Kith had known");
    add->add_option("identity", a->identity, "Email, @handle, @user@instance, URL…")->required();
    add->add_option("--kind", a->kind, "email, twitter, mastodon, website, phone, linkedin");
    add->callback([&ctx, a] { ctx.action = [&ctx, a] { return me_add(ctx, *a); }; });
    auto* show = me->add_subcommand("show", "List my identities");
    show->callback([&ctx] { ctx.action = [&ctx] { return me_show(ctx); }; });
}

}  // namespace kith::app
