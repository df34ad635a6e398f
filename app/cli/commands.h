#pragma once
// Each command group registers its subcommands; the chosen one sets CliContext::action.

namespace CLI {
class App;
}

namespace kith::app {

class CliContext;

void register_people_commands(CLI::App& app, CliContext& ctx);  // person, identity, me
void register_log_commands(CLI::App& app, CliContext& ctx);     // log, followup
void register_circle_commands(CLI::App& app, CliContext& ctx);  // circle, cadence
void register_today_commands(CLI::App& app, CliContext& ctx);   // today
void register_search_commands(CLI::App& app, CliContext& ctx);  // search, timeline, stats
void register_import_commands(CLI::App& app, CliContext& ctx);  // init, import, demo
void register_export_commands(CLI::App& app, CliContext& ctx);  // export vcard

/// Runs kith-cli with `argv`, writing to `out`/`err`; returns the exit code. Used by main and by
/// in-process tests.
int run_cli(int argc, const char* const* argv, CliContext& ctx);

}  // namespace kith::app
