#include <CLI/CLI.hpp>

#include <ostream>

#include "app/cli/cli_context.h"
#include "app/cli/commands.h"

namespace kith::app {

namespace {

int exit_code(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::invalid_input:
        case core::ErrorCode::unsupported:
            return 2;
        case core::ErrorCode::not_found:
        case core::ErrorCode::ambiguous:
            return 3;
        case core::ErrorCode::locked:
            return 4;
        default:
            return 1;
    }
}

}  // namespace

int run_cli(int argc, const char* const* argv, CliContext& ctx) {
    CLI::App app{
        "kith-cli — Kith, the personal CRM for relationships across email, Twitter/X, "
        "Mastodon, blogs and real life.\nDatabase: --db PATH, else $KITH_DB, else "
        "$XDG_DATA_HOME/kith/kith.db. KITH_NOW=ISO-time fixes \"now\".",
        "kith-cli"};
    app.require_subcommand(1);
    app.add_option("--db", ctx.db_option, "Database file");
    app.add_flag("--json", ctx.json, "Machine-readable output");
    app.add_flag("--yes,-y", ctx.yes, "Answer yes to questions (create new people when logging)");
    app.fallthrough();
    register_people_commands(app, ctx);
    register_me_commands(app, ctx);
    register_log_commands(app, ctx);
    register_circle_commands(app, ctx);
    register_today_commands(app, ctx);
    register_search_commands(app, ctx);
    register_import_commands(app, ctx);
    register_merge_commands(app, ctx);
    register_source_commands(app, ctx);
    register_export_commands(app, ctx);
    register_follower_commands(app, ctx);
    register_backup_commands(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, ctx.out(), ctx.err());
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, ctx.out(), ctx.err());
    } catch (const CLI::ParseError& e) {
        ctx.err() << "kith-cli: " << e.what() << " — see kith-cli --help\n";
        return 2;
    }
    if (auto c = ctx.init_clock(); !c) {
        ctx.err() << "kith-cli: " << c.error().message << ". " << c.error().hint << "\n";
        return 2;
    }
    if (!ctx.action) {
        ctx.err() << "kith-cli: no command given — see kith-cli --help\n";
        return 2;
    }
    const auto r = ctx.action();
    if (!r) {
        ctx.err() << "kith-cli: " << r.error().message;
        if (!r.error().hint.empty()) ctx.err() << ". " << r.error().hint;
        ctx.err() << "\n";
        return exit_code(r.error().code);
    }
    return 0;
}

}  // namespace kith::app
