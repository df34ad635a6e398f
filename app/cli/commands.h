#pragma once
// Each command group registers its subcommands; the chosen one sets CliContext::action.

namespace CLI {
class App;
}

namespace kith::app {

class CliContext;

void register_people_commands(CLI::App& app, CliContext& ctx);    // person, identity
void register_me_commands(CLI::App& app, CliContext& ctx);        // me
void register_log_commands(CLI::App& app, CliContext& ctx);       // log, followup
void register_circle_commands(CLI::App& app, CliContext& ctx);    // circle, cadence
void register_today_commands(CLI::App& app, CliContext& ctx);     // today
void register_search_commands(CLI::App& app, CliContext& ctx);    // search, timeline, stats
void register_import_commands(CLI::App& app, CliContext& ctx);    // init, import, demo
void register_merge_commands(CLI::App& app, CliContext& ctx);     // merge, unmerge
void register_source_commands(CLI::App& app, CliContext& ctx);    // source add, forget-secret
void register_export_commands(CLI::App& app, CliContext& ctx);    // export
void register_follower_commands(CLI::App& app, CliContext& ctx);  // followers, consent
void register_backup_commands(CLI::App& app, CliContext& ctx);    // backup, restore
/// `export vcard`, added to the `export` group.
void register_export_vcard(CLI::App& export_group, CliContext& ctx);

/// Runs kith-cli with `argv`, writing to `out`/`err`; returns the exit code. Used by main and by
/// in-process tests.
int run_cli(int argc, const char* const* argv, CliContext& ctx);

}  // namespace kith::app
