// source add KIND LOCATION, source forget-secret KIND LOCATION: accounts whose password or token
// lives in the desktop keyring.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"
#include "app/cli/secret_prompt.h"
#include "app/shared/secret_store.h"
#include "app/shared/source_secret.h"
#include "db/sources_repo.h"

namespace kith::app {

using core::ErrorCode;
using core::make_error;
using core::Result;

namespace {

struct SourceArgs {
    std::string kind, location;
};

Result<void> add_cmd(CliContext& ctx, const SourceArgs& a) {
    auto key = secret_key_for(a.kind, a.location);
    if (!key) return key.error();
    // The keyring is checked before asking, so nobody types a secret that cannot be kept.
    if (auto probe = keyring_lookup(*key); !probe) return probe.error();
    auto secret = read_secret(ctx.err(), secret_noun(a.kind) + " for " + key->account);
    if (!secret || secret->empty())
        return make_error(ErrorCode::invalid_input,
                          "no " + secret_noun(a.kind) + " given for " + key->account,
                          "Type it when asked (it is not shown), or pipe it on stdin");
    auto stored = keyring_store(*key, *secret);
    std::fill(secret->begin(), secret->end(), '\0');
    if (!stored) return stored.error();
    auto db = ctx.database();
    if (!db) return db.error();
    auto id = db::add_source(**db, a.kind, a.location, ctx.now());
    if (!id) return id.error();
    if (ctx.json) {
        ctx.print_json({{"source_id", *id},
                        {"kind", a.kind},
                        {"location", a.location},
                        {"keyring_account", key->account}});
        return {};
    }
    ctx.out() << "Source #" << *id << " added: " << a.kind << " " << a.location << "\n"
              << "The " << secret_noun(a.kind) << " is in the desktop keyring (account "
              << key->account << "). Next: kith-cli import " << a.kind << " " << a.location << "\n";
    return {};
}

Result<void> forget_cmd(CliContext& ctx, const SourceArgs& a) {
    auto key = secret_key_for(a.kind, a.location);
    if (!key) return key.error();
    auto removed = keyring_forget(*key);
    if (!removed) return removed.error();
    if (ctx.json) {
        ctx.print_json({{"removed", *removed}, {"keyring_account", key->account}});
        return {};
    }
    if (*removed)
        ctx.out() << "The " << secret_noun(a.kind) << " for " << key->account
                  << " is removed from the keyring.\n";
    else
        ctx.out() << "The keyring held no " << secret_noun(a.kind) << " for " << key->account
                  << "; nothing to remove.\n";
    return {};
}

}  // namespace

void register_source_commands(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<SourceArgs>();
    auto* source = app.add_subcommand(
        "source", "Accounts whose password or token is kept in the desktop keyring");
    source->require_subcommand(1);
    auto* add = source->add_subcommand(
        "add",
        "Ask once for the password (imap) or access token (mastodon), keep it in the keyring "
        "and register the source:\n  source add imap imaps://USER@HOST/INBOX\n  source add "
        "mastodon https://INSTANCE");
    add->add_option("kind", a->kind, "imap or mastodon")->required();
    add->add_option("location", a->location, "The IMAP URL or the instance address")->required();
    add->callback([&ctx, a] { ctx.action = [&ctx, a] { return add_cmd(ctx, *a); }; });
    auto* forget = source->add_subcommand("forget-secret",
                                          "Delete the source's password or token from the keyring");
    forget->add_option("kind", a->kind, "imap or mastodon")->required();
    forget->add_option("location", a->location, "The IMAP URL or the instance address")->required();
    forget->callback([&ctx, a] { ctx.action = [&ctx, a] { return forget_cmd(ctx, *a); }; });
}

}  // namespace kith::app
